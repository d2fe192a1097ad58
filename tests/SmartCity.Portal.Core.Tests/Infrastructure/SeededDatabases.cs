using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SmartCity.Portal.Data;
using SmartCity.Portal.Organisations;
using SmartCity.Portal.Security;

namespace SmartCity.Portal.Core.Tests.Infrastructure;

/// <summary>Migrated and holding the reference org tree (DLA, division, provincial and district offices).</summary>
public sealed class OrgTreeDatabase : SqliteTestDatabase
{
    /// <summary>What the first <see cref="OrgTreeSeeder.SeedAsync"/> on the empty database reported.</summary>
    public int AddedByFirstSeed { get; private set; }

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await using var db = CreateContext();
        AddedByFirstSeed = await OrgTreeSeeder.SeedAsync(db);
    }
}

/// <summary>
/// Migrated and seeded the way <see cref="DatabaseInitializer"/> does outside Production: the org
/// tree, the demo municipalities of Krabi and the demo accounts, with the context and the
/// <see cref="UserManager{TUser}"/> of one DI scope.
/// </summary>
public sealed class DemoDatabase : SqliteTestDatabase
{
    public static readonly DateTimeOffset SeededAt = new(2026, 11, 25, 3, 0, 0, TimeSpan.Zero);

    private ServiceProvider? services;

    public FakeTimeProvider Clock { get; } = new(SeededAt);

    public IServiceProvider Services => services ?? throw new InvalidOperationException("The fixture is not initialised.");

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        services = BuildServiceProvider();
        await SeedDemoAsync();
    }

    /// <summary>Runs all three seeders in a fresh scope, as a restart of the app would.</summary>
    public async Task SeedDemoAsync()
    {
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        await OrgTreeSeeder.SeedAsync(db);
        await DemoOrganisations.SeedAsync(db);
        await DemoAccounts.SeedAsync(db, users, DemoAccounts.DefaultPassword, Clock);
    }

    public async Task<int> OrgUnitIdAsync(string code)
    {
        await using var db = CreateContext();
        return await db.OrgUnits.Where(o => o.Code == code).Select(o => o.Id).SingleAsync();
    }

    public async Task<string> UserIdAsync(string userName)
    {
        await using var db = CreateContext();
        return await db.Users.Where(u => u.UserName == userName).Select(u => u.Id).SingleAsync();
    }

    /// <summary>
    /// The principal the web app would build for a demo account: its active membership resolved
    /// by the real <see cref="ActiveMembershipResolver"/>, turned into the portal's claims.
    /// </summary>
    public async Task<ClaimsPrincipal> SignInAsync(string userName, string? preferredOrgUnitCode = null)
    {
        int? preferred = preferredOrgUnitCode is null ? null : await OrgUnitIdAsync(preferredOrgUnitCode);
        var membership = await new ActiveMembershipResolver(Factory).ResolveAsync(await UserIdAsync(userName), null, preferred, null)
            ?? throw new InvalidOperationException($"{userName} has no usable membership.");
        return new ClaimsPrincipal(new ClaimsIdentity(ActiveMembershipResolver.ToClaims(membership), "test"));
    }

    public override async Task DisposeAsync()
    {
        if (services is not null)
        {
            await services.DisposeAsync();
        }

        await base.DisposeAsync();
    }
}
