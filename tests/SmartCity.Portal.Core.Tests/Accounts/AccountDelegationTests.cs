using Microsoft.EntityFrameworkCore;
using SmartCity.Portal.Accounts;
using SmartCity.Portal.Common;
using SmartCity.Portal.Core.Tests.Infrastructure;
using SmartCity.Portal.Security;

namespace SmartCity.Portal.Core.Tests.Accounts;

/// <summary>
/// The delegation matrix on a real SQLite file: DLA's administrator manages everyone; Krabi's provincial
/// administrator sees, creates and changes only what serves an office of Krabi, and grants only the province,
/// district and municipality roles. Outside: 404. Each test makes the accounts it needs.
/// </summary>
public sealed class AccountDelegationTests(DemoDatabase database) : IClassFixture<DemoDatabase>
{
    private readonly AccountTestServices services = new(database, database.Clock);

    private AccountAdminService Admin => services.Admin;

    private static string Name(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..20];

    /// <summary>A provincial administrator of Krabi (81), created by DLA's admin, signed in.</summary>
    private async Task<System.Security.Claims.ClaimsPrincipal> KrabiAdminAsync()
    {
        var name = Name("pa81");
        await Admin.CreateAsync(await database.SignInAsync("admin"), new NewAccount(name, "ผู้ดูแลจังหวัดกระบี่", null, [new("81", PortalRoles.ProvinceAdmin)]));
        return await database.SignInAsync(name);
    }

    private async Task<AccountCreated> CreateByDlaAsync(string office, string role) =>
        await Admin.CreateAsync(await database.SignInAsync("admin"), new NewAccount(Name("u"), "ผู้ใช้ทดสอบ", null, [new(office, role)]));

    [Fact]
    public async Task A_provincial_administrator_creates_district_and_municipality_officers_in_its_province()
    {
        var pa = await KrabiAdminAsync();

        var district = await Admin.CreateAsync(pa, new NewAccount(Name("d"), "  นายสมชาย   ใจดี ", "somchai.d@example.go.th", [new("๘๑๐๑", PortalRoles.DistrictOfficer)]));
        var municipality = await Admin.CreateAsync(pa, new NewAccount(Name("m"), "นางสาวกนกพร ทองคำ", null, [new("810116", "municipality.submitter")]));

        var detail = await Admin.GetAsync(pa, district.Id);
        Assert.Equal("นายสมชาย ใจดี", detail.Account.DisplayName);
        Assert.Equal("8101", Assert.Single(detail.Account.Memberships).OfficeCode);
        Assert.True(detail.CanManage);
        Assert.NotNull(district.Link?.Url);
        Assert.Equal(PortalRoles.MunicipalitySubmitter, Assert.Single((await Admin.GetAsync(pa, municipality.Id)).Account.Memberships).Role);
    }

    [Fact]
    public async Task A_provincial_administrator_cannot_see_create_or_change_anything_outside_its_province()
    {
        var pa = await KrabiAdminAsync();
        var phangNga = await CreateByDlaAsync("8201", PortalRoles.DistrictOfficer);
        var phangNgaMembership = (await Admin.GetAsync(await database.SignInAsync("admin"), phangNga.Id)).Account.Memberships.Single().Id;

        // See: not in the list, not by id, not through the office filter.
        var list = await Admin.ListAsync(pa, new AccountQuery(PageSize: 200));
        Assert.DoesNotContain(list.Items, a => a.Id == phangNga.Id);
        Assert.All(list.Items, a => Assert.Contains(a.Memberships, m => m.OfficeCode.StartsWith("81", StringComparison.Ordinal)));
        await Assert.ThrowsAsync<PortalNotFoundException>(() => Admin.GetAsync(pa, phangNga.Id));
        await Assert.ThrowsAsync<PortalNotFoundException>(() => Admin.ListAsync(pa, new AccountQuery("8201")));
        Assert.Empty(await Admin.FindOfficesAsync(pa, "8201"));

        // Create: an office of another province does not exist for it; DLA's offices neither.
        await Assert.ThrowsAsync<PortalNotFoundException>(() => Admin.CreateAsync(pa, new NewAccount(Name("x"), "ผู้ใช้", null, [new("8201", PortalRoles.DistrictOfficer)])));
        await Assert.ThrowsAsync<PortalNotFoundException>(() => Admin.CreateAsync(pa, new NewAccount(Name("x"), "ผู้ใช้", null, [new("DLA-LAD", PortalRoles.DlaOfficer)])));

        // Change: every call on the other province's account or membership is 404.
        var token = Guid.NewGuid();
        await Assert.ThrowsAsync<PortalNotFoundException>(() => Admin.UpdateAsync(pa, phangNga.Id, token, new AccountEdit("x", null, null, null, false)));
        await Assert.ThrowsAsync<PortalNotFoundException>(() => Admin.DisableAsync(pa, phangNga.Id, null));
        await Assert.ThrowsAsync<PortalNotFoundException>(() => Admin.EnableAsync(pa, phangNga.Id));
        await Assert.ThrowsAsync<PortalNotFoundException>(() => Admin.AddMembershipAsync(pa, phangNga.Id, new("8101", PortalRoles.DistrictOfficer)));
        await Assert.ThrowsAsync<PortalNotFoundException>(() => Admin.EndMembershipAsync(pa, phangNgaMembership, null));
        await Assert.ThrowsAsync<PortalNotFoundException>(() => Admin.IssueSetPasswordLinkAsync(pa, phangNga.Id));
        var dlaAdminId = await database.UserIdAsync("admin");
        await Assert.ThrowsAsync<PortalNotFoundException>(() => Admin.GetAsync(pa, dlaAdminId));

        await using var db = database.CreateContext();
        Assert.False((await db.Users.SingleAsync(u => u.Id == phangNga.Id)).IsDisabled);
    }

    [Fact]
    public async Task A_provincial_administrator_grants_no_administrator_role_and_leaves_shared_accounts_to_DLA()
    {
        var pa = await KrabiAdminAsync();
        var ex = await Assert.ThrowsAsync<PortalAccessDeniedException>(() =>
            Admin.CreateAsync(pa, new NewAccount(Name("x"), "ผู้ใช้", null, [new("81", PortalRoles.ProvinceAdmin)])));
        Assert.Equal(AccountMessages.RoleNotGrantable, ex.PortalMessage);

        // Someone serving Krabi and Phang Nga: Krabi's admin sees them, may not change the account, may not end the other office's role.
        var shared = await CreateByDlaAsync("8101", PortalRoles.DistrictOfficer);
        await Admin.AddMembershipAsync(await database.SignInAsync("admin"), shared.Id, new("8201", PortalRoles.DistrictOfficer));
        var seen = await Admin.GetAsync(pa, shared.Id);
        Assert.False(seen.CanManage);
        Assert.Equal(AccountMessages.OutsideProvince, (await Assert.ThrowsAsync<PortalAccessDeniedException>(() => Admin.DisableAsync(pa, shared.Id, null))).PortalMessage);
        var outside = seen.Account.Memberships.Single(m => m.OfficeCode == "8201");
        Assert.False(outside.CanManage);
        await Assert.ThrowsAsync<PortalNotFoundException>(() => Admin.EndMembershipAsync(pa, outside.Id, null));
        // Its own office's membership it may end.
        var inside = seen.Account.Memberships.Single(m => m.OfficeCode == "8101");
        var after = await Admin.EndMembershipAsync(pa, inside.Id, null);
        Assert.False(after.Account.Memberships.Single(m => m.OfficeCode == "8101").IsActive);
    }

    [Fact]
    public async Task Officers_who_are_not_administrators_manage_no_accounts()
    {
        foreach (var name in new[] { "province-81", "dla", "district-8101", "muni-810116" })
        {
            var user = await database.SignInAsync(name);
            Assert.Equal(AccountMessages.Forbidden, (await Assert.ThrowsAsync<PortalAccessDeniedException>(() => Admin.ListAsync(user, new AccountQuery()))).PortalMessage);
            await Assert.ThrowsAsync<PortalAccessDeniedException>(() => Admin.CreateAsync(user, new NewAccount(Name("x"), "x", null, [new("810116", PortalRoles.MunicipalitySubmitter)])));
        }
    }

    [Fact]
    public async Task The_list_per_office_is_searchable_in_Thai_and_shows_who_never_signed_in_and_who_is_disabled()
    {
        var admin = await database.SignInAsync("admin");
        var unique = "คำค้น" + Guid.NewGuid().ToString("N")[..4];
        var a = await Admin.CreateAsync(admin, new NewAccount(Name("s"), $"นายสมศักดิ์ {unique}", null, [new("8105", PortalRoles.DistrictOfficer)]));
        var b = await Admin.CreateAsync(admin, new NewAccount(Name("s"), $"นางสาวมาลี {unique}", null, [new("8105", PortalRoles.DistrictOfficer)]));
        await Admin.DisableAsync(admin, b.Id, "ย้ายหน่วยงาน");

        // Decomposed sara am and stray spaces in the query find the same people.
        var page = await Admin.ListAsync(admin, new AccountQuery("8105", $"  {unique.Replace("ำ", "\u0E4D\u0E32", StringComparison.Ordinal)} "));
        Assert.Equal(2, page.Total);
        Assert.Equal(AccountStatus.NeverSignedIn, page.Items.Single(x => x.Id == a.Id).Status);
        Assert.Equal(AccountStatus.Disabled, page.Items.Single(x => x.Id == b.Id).Status);

        await services.SignIns.RecordAsync(a.Id, null);
        Assert.Equal(AccountStatus.Active, (await Admin.GetAsync(admin, a.Id)).Account.Status);
        var district = await Admin.ListAsync(admin, new AccountQuery("8105"));
        Assert.Contains(district.Items, x => x.UserName == "district-8105");
        Assert.DoesNotContain(district.Items, x => x.UserName == "district-8101");
    }

    [Fact]
    public async Task An_administrator_cannot_disable_itself_and_the_last_administrator_stays()
    {
        var admin = await database.SignInAsync("admin");
        var adminId = await database.UserIdAsync("admin");
        Assert.Equal(AccountMessages.NotYourself, (await Assert.ThrowsAsync<PortalValidationException>(() => Admin.DisableAsync(admin, adminId, null))).PortalMessage);
        var own = (await Admin.GetAsync(admin, adminId)).Account.Memberships.Single();
        await Assert.ThrowsAsync<PortalValidationException>(() => Admin.EndMembershipAsync(admin, own.Id, null));
    }

    [Fact]
    public async Task Edits_need_the_current_token_and_are_audited_before_and_after()
    {
        var admin = await database.SignInAsync("admin");
        var created = await CreateByDlaAsync("8103", PortalRoles.DistrictOfficer);
        var read = await Admin.GetAsync(admin, created.Id);
        var edited = await Admin.UpdateAsync(admin, created.Id, read.ConcurrencyToken, new AccountEdit("ชื่อใหม่", "new@example.go.th", "ท้องถิ่นอำเภอ", null, false));
        Assert.Equal("ชื่อใหม่", edited.Account.DisplayName);
        await Assert.ThrowsAsync<PortalStaleException>(() => Admin.UpdateAsync(admin, created.Id, read.ConcurrencyToken, new AccountEdit("อีกชื่อ", null, null, null, false)));

        var events = await services.Audit.ListAsync(admin, new SmartCity.Portal.Audit.AdminAuditQuery(UserName: created.UserName));
        var update = events.Items.Single(e => e.Action == SmartCity.Portal.Audit.AdminActions.AccountUpdate);
        Assert.Equal("admin", update.ActorUserName);
        Assert.Contains(update.Before, f => f.Key == "displayName" && f.Value == "ผู้ใช้ทดสอบ");
        Assert.Contains(update.After, f => f.Key == "displayName" && f.Value == "ชื่อใหม่");
        Assert.Contains(events.Items, e => e.Action == SmartCity.Portal.Audit.AdminActions.AccountCreate);
    }
}
