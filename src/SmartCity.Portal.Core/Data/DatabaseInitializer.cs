using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SmartCity.Portal.Organisations;
using SmartCity.Portal.Security;

namespace SmartCity.Portal.Data;

/// <summary>Brings the database to the current schema and seeds reference (and, outside Production, demo) data.</summary>
public sealed partial class DatabaseInitializer(
    PortalDbContext db,
    IDbContextFactory<PortalDbContext> dbFactory,
    DatabaseOptions database,
    StorageOptions storage,
    IOptions<SeedOptions> seed,
    IHostEnvironment environment,
    UserManager<PortalUser> users,
    TimeProvider clock,
    ILogger<DatabaseInitializer> logger)
{
    public async Task InitializeAsync(CancellationToken cancellationToken = default)
    {
        Reports.ExportSpool.RemoveLeftovers(storage.DataDirectory, clock.GetUtcNow().UtcDateTime);
        if (database.Provider == DatabaseProvider.Sqlite)
        {
            Directory.CreateDirectory(storage.DataDirectory);
            await db.Database.MigrateAsync(cancellationToken);
            // WAL lets readers go on while one writer commits; the setting is stored in the file.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }
        else if (database.MigrateOnStartup)
        {
            await db.Database.MigrateAsync(cancellationToken);
        }

        var added = await OrgTreeSeeder.SeedAsync(db, cancellationToken);
        LogOrgTree(added);

        if (!seed.Value.Demo && !seed.Value.National)
        {
            return;
        }

        if (environment.IsProduction())
        {
            if (seed.Value.Demo)
            {
                LogDemoRefused();
            }

            if (seed.Value.National)
            {
                LogNationalRefused();
            }

            return;
        }

        if (!seed.Value.Demo)
        {
            LogNationalNeedsDemo();
            return;
        }

        await DemoOrganisations.SeedAsync(db, cancellationToken);
        await DemoAccounts.SeedAsync(db, users, seed.Value.DemoPassword, clock, cancellationToken);
        await Campaigns.DemoCampaign.SeedAsync(db, clock, cancellationToken);
        LogDemoSeeded(DemoAccounts.All.Count);

        if (seed.Value.National)
        {
            var summary = await SyntheticNationalData.SeedAsync(dbFactory, clock, cancellationToken: cancellationToken);
            LogNationalSeeded(summary.Municipalities, summary.Submissions, summary.Events, summary.RegisterEntries, summary.Dispatches, summary.Elapsed.TotalSeconds);
        }
    }

    [LoggerMessage(LogLevel.Information, "Organisation tree seeded: {Added} org units added.")]
    private partial void LogOrgTree(int added);

    [LoggerMessage(LogLevel.Warning, "Seed:Demo is on but the environment is Production: no demo data or demo accounts were created.")]
    private partial void LogDemoRefused();

    [LoggerMessage(LogLevel.Information, "Demo data seeded: {Accounts} demo accounts.")]
    private partial void LogDemoSeeded(int accounts);

    [LoggerMessage(LogLevel.Warning, "Seed:National is on but the environment is Production: no synthetic data was created.")]
    private partial void LogNationalRefused();

    [LoggerMessage(LogLevel.Warning, "Seed:National needs Seed:Demo (the synthetic submissions belong to the demo campaign): no synthetic data was created.")]
    private partial void LogNationalNeedsDemo();

    [LoggerMessage(LogLevel.Information,
        "Synthetic national data set: {Municipalities} municipalities, {Submissions} submissions, {Events} events, {RegisterEntries} register entries, {Dispatches} dispatches ({Seconds:0.0} s).")]
    private partial void LogNationalSeeded(int municipalities, int submissions, int events, int registerEntries, int dispatches, double seconds);
}
