using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SmartCity.Portal.Data;
using SmartCity.Portal.Security;

namespace SmartCity.Portal.Core.Tests.Infrastructure;

/// <summary>
/// A real SQLite file in a temp folder of its own, brought to the current schema by the real
/// migrations (SmartCity.Portal.Migrations.Sqlite), and deleted afterwards. Use it as a class
/// fixture; derived fixtures seed it once for all the tests of a class.
/// </summary>
public class SqliteTestDatabase : IAsyncLifetime
{
    public SqliteTestDatabase()
    {
        DataDirectory = Path.Combine(Path.GetTempPath(), "smartcity-core-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(DataDirectory);
        FilePath = Path.Combine(DataDirectory, "portal.db");
        DatabaseOptions = new DatabaseOptions { Provider = DatabaseProvider.Sqlite, ConnectionString = $"Data Source={FilePath}" };

        var builder = new DbContextOptionsBuilder<PortalDbContext>();
        DataServiceCollectionExtensions.Configure(builder, DatabaseOptions, DataDirectory);
        Options = builder.Options;
        Factory = new TestDbContextFactory(Options);
    }

    public string DataDirectory { get; }

    public string FilePath { get; }

    public DatabaseOptions DatabaseOptions { get; }

    public DbContextOptions<PortalDbContext> Options { get; }

    /// <summary>What the services under test get in production: one short-lived context per operation.</summary>
    public IDbContextFactory<PortalDbContext> Factory { get; }

    public PortalDbContext CreateContext() => Factory.CreateDbContext();

    /// <summary>
    /// Logging, the context factory (which also registers a scoped <see cref="PortalDbContext"/>)
    /// and Identity's user store, all on this file: what <see cref="UserManager{TUser}"/> needs.
    /// </summary>
    public IServiceCollection AddPortalServices(IServiceCollection services)
    {
        services.AddLogging();
        services.AddDbContextFactory<PortalDbContext>(o => DataServiceCollectionExtensions.Configure(o, DatabaseOptions, DataDirectory));
        services.AddIdentityCore<PortalUser>().AddEntityFrameworkStores<PortalDbContext>();
        // The real hasher and format, with fewer PBKDF2 rounds: 21 demo accounts per fixture took
        // ~2.5 s at the production count of 100,000 on a two-core runner.
        services.Configure<PasswordHasherOptions>(o => o.IterationCount = 1_000);
        return services;
    }

    public ServiceProvider BuildServiceProvider() =>
        AddPortalServices(new ServiceCollection()).BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });

    public virtual async Task InitializeAsync()
    {
        await using var db = CreateContext();
        await db.Database.MigrateAsync();
    }

    public virtual Task DisposeAsync()
    {
        // Pooled connections keep the file open; release this file's pool before deleting it.
        using (var connection = new SqliteConnection(DatabaseOptions.ConnectionString))
        {
            SqliteConnection.ClearPool(connection);
        }

        if (Directory.Exists(DataDirectory))
        {
            Directory.Delete(DataDirectory, recursive: true);
        }

        return Task.CompletedTask;
    }

    private sealed class TestDbContextFactory(DbContextOptions<PortalDbContext> options) : IDbContextFactory<PortalDbContext>
    {
        public PortalDbContext CreateDbContext() => new(options);
    }
}
