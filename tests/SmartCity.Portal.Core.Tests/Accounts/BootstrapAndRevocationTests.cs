using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using SmartCity.Portal.Accounts;
using SmartCity.Portal.Audit;
using SmartCity.Portal.Common;
using SmartCity.Portal.Core.Tests.Infrastructure;
using SmartCity.Portal.Security;

namespace SmartCity.Portal.Core.Tests.Accounts;

/// <summary>The first administrator on a fresh database (org tree only, as in Production) and what switches access off.</summary>
public sealed class BootstrapAndRevocationTests(OrgTreeDatabase database) : IClassFixture<OrgTreeDatabase>
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 2, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task The_first_administrator_is_created_once_then_refused_unless_forced_and_every_run_is_audited()
    {
        // A database of its own: the class's other tests add administrators to the shared one.
        var fresh = new OrgTreeDatabase();
        await fresh.InitializeAsync();
        try
        {
            await FirstAdministratorAsync(fresh);
        }
        finally
        {
            await fresh.DisposeAsync();
        }
    }

    private static async Task FirstAdministratorAsync(OrgTreeDatabase database)
    {
        var clock = new FakeTimeProvider(Now);
        var services = new AccountTestServices(database, clock);

        var first = await services.Bootstrap.CreateAsync(new BootstrapRequest("dla.admin", "นายผู้ดูแล ระบบ", "admin@dla.go.th", null, false, "root"));
        Assert.StartsWith(AccountTestServices.BaseUrl + "/account/set-password?token=", first.SetPasswordUrl, StringComparison.Ordinal);

        // Run again before the link was used: a fresh link for the same administrator, not a second one.
        var again = await services.Bootstrap.CreateAsync(new BootstrapRequest("dla.admin", "นายผู้ดูแล ระบบ", null, null, false, "root"));
        Assert.True(again.NewLinkForExisting);
        await Assert.ThrowsAsync<PortalValidationException>(() => services.Passwords.InspectAsync(AccountTestServices.TokenOf(first.SetPasswordUrl!)));
        await services.Passwords.SetPasswordAsync(AccountTestServices.TokenOf(again.SetPasswordUrl!), "ผู้ดูแลระบบคนแรกของกรม");

        var refused = await Assert.ThrowsAsync<PortalConflictException>(() =>
            services.Bootstrap.CreateAsync(new BootstrapRequest("second.admin", "ผู้ดูแลคนที่สอง", null, null, false, "root")));
        Assert.Equal(AccountMessages.AdminExists, refused.PortalMessage);
        Assert.Contains("--force", refused.PortalMessage.Th, StringComparison.Ordinal);

        var forced = await services.Bootstrap.CreateAsync(new BootstrapRequest("second.admin", "ผู้ดูแลคนที่สอง", null, null, true, "ops"));
        Assert.False(forced.NewLinkForExisting);

        await using var db = database.CreateContext();
        var events = await db.AdminEvents.Where(e => e.Action == AdminActions.Bootstrap).OrderBy(e => e.Id).ToListAsync();
        Assert.Equal(["cli:root", "cli:ops"], events.Select(e => e.ActorUserName));
        Assert.Null(events[0].Note);
        Assert.Contains("--force", events[1].Note, StringComparison.Ordinal);
        Assert.Equal(PortalRoles.PortalAdmin, (await db.Memberships.SingleAsync(m => m.UserId == forced.UserId)).Role);
        Assert.True(await db.AdminEvents.AnyAsync(e => e.Action == AdminActions.PasswordLink && e.ActorUserName == "cli:root"));
    }

    [Fact]
    public async Task A_disabled_account_and_an_ended_membership_stop_counting_and_an_end_date_counts_through_its_day()
    {
        var clock = new FakeTimeProvider(Now);
        var services = new AccountTestServices(database, clock);
        var boot = await services.Bootstrap.CreateAsync(new BootstrapRequest($"boss-{Guid.NewGuid():N}"[..16], "ผู้ดูแล", null, null, true, "root"));
        var resolver = new ActiveMembershipResolver(database.Factory, clock);
        var admin = new System.Security.Claims.ClaimsPrincipal(new System.Security.Claims.ClaimsIdentity(
            ActiveMembershipResolver.ToClaims((await resolver.ResolveAsync(boot.UserId, null, null, null))!), "test"));

        var officer = await services.Admin.CreateAsync(admin, new NewAccount($"off-{Guid.NewGuid():N}"[..16], "เจ้าหน้าที่", null, [new("8102", PortalRoles.DistrictOfficer)]));
        Assert.NotNull(await resolver.ResolveAsync(officer.Id, null, null, null));
        await services.Admin.DisableAsync(admin, officer.Id, "ย้ายหน่วยงาน");
        Assert.Null(await resolver.ResolveAsync(officer.Id, null, null, null));
        Assert.False(await resolver.IsUsableAccountAsync(officer.Id, null));
        await services.Admin.EnableAsync(admin, officer.Id);
        Assert.NotNull(await resolver.ResolveAsync(officer.Id, null, null, null));

        var membership = (await services.Admin.GetAsync(admin, officer.Id)).Account.Memberships.Single();
        await services.Admin.EndMembershipAsync(admin, membership.Id, null);
        Assert.Null(await resolver.ResolveAsync(officer.Id, null, null, null));
        Assert.True(await resolver.IsUsableAccountAsync(officer.Id, null));

        // Given again later: the same row comes back with the new role.
        var renewed = await services.Admin.AddMembershipAsync(admin, officer.Id, new("8102", PortalRoles.DistrictOfficer));
        Assert.True(Assert.Single(renewed.Account.Memberships).IsActive);
        Assert.NotNull(await resolver.ResolveAsync(officer.Id, null, null, null));

        // Until 2 Dec 2026 (Bangkok): counts on that whole day, not from midnight after.
        var temp = await services.Admin.CreateAsync(admin, new NewAccount($"temp-{Guid.NewGuid():N}"[..16], "รักษาการ", null,
            [new("8101", PortalRoles.DistrictOfficer, new DateOnly(2026, 12, 2))]));
        Assert.NotNull(await resolver.ResolveAsync(temp.Id, null, null, null));
        clock.SetUtcNow(new DateTimeOffset(2026, 12, 2, 16, 59, 0, TimeSpan.Zero)); // 23:59 in Bangkok
        Assert.NotNull(await resolver.ResolveAsync(temp.Id, null, null, null));
        clock.SetUtcNow(new DateTimeOffset(2026, 12, 2, 17, 0, 0, TimeSpan.Zero)); // midnight in Bangkok
        Assert.Null(await resolver.ResolveAsync(temp.Id, null, null, null));
    }

    [Fact]
    public async Task An_administrator_with_a_short_password_must_change_it_at_sign_in()
    {
        var clock = new FakeTimeProvider(Now);
        var services = new AccountTestServices(database, clock);
        var boot = await services.Bootstrap.CreateAsync(new BootstrapRequest($"short-{Guid.NewGuid():N}"[..16], "ผู้ดูแล", null, null, true, "root"));

        Assert.False(await services.SignIns.RecordAsync(boot.UserId, "ผู้ดูแลระบบคนแรกของกรม"));
        Assert.True(await services.SignIns.RecordAsync(boot.UserId, "tenletters"));
        var resolver = new ActiveMembershipResolver(database.Factory, clock);
        Assert.True((await resolver.ResolveAsync(boot.UserId, null, null, null))!.MustChangePassword);
        await using var db = database.CreateContext();
        Assert.Equal(Now.UtcDateTime, (await db.Users.SingleAsync(u => u.Id == boot.UserId)).LastSignInUtc);
    }
}
