using System.Net;
using SmartCity.Portal.Security;
using SmartCity.Portal.Web.Tests.Api;
using SmartCity.Portal.Web.Tests.Infrastructure;

namespace SmartCity.Portal.Web.Tests.Accounts;

/// <summary>The account pages as a browser gets them (server-rendered first paint): who may open them and what a provincial administrator sees.</summary>
public sealed class AccountPageTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private async Task<(HttpClient Browser, string InsideId, string OutsideId, string OutsideName)> ProvincialAdministratorAsync()
    {
        var admin = await factory.BearerClientAsync("admin");
        var paName = AccountApi.NewName("pa");
        var (_, url, _) = await AccountApi.CreateUserAsync(admin, paName, "81", PortalRoles.ProvinceAdmin);
        await AccountApi.SetPasswordAsync(factory, url!, "ผู้ดูแลระบบจังหวัดกระบี่");
        var (insideId, _, _) = await AccountApi.CreateUserAsync(admin, AccountApi.NewName("in"), "8108", PortalRoles.DistrictOfficer);
        var outsideName = AccountApi.NewName("out");
        var (outsideId, _, _) = await AccountApi.CreateUserAsync(admin, outsideName, "8301", PortalRoles.DistrictOfficer);
        var browser = factory.CreatePortalClient();
        await browser.SignInAsync(paName, "ผู้ดูแลระบบจังหวัดกระบี่");
        return (browser, insideId, outsideId, outsideName);
    }

    [Fact]
    public async Task A_provincial_administrator_opens_its_province_accounts_and_gets_404_for_another_province()
    {
        var (browser, insideId, outsideId, outsideName) = await ProvincialAdministratorAsync();
        using (browser)
        {
            using var inside = await browser.GetAsync(new Uri($"/admin/accounts/{insideId}", UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, inside.StatusCode);
            Assert.Contains("data-testid=\"account-save\"", await inside.Content.ReadAsStringAsync(), StringComparison.Ordinal);

            using var outside = await browser.GetAsync(new Uri($"/admin/accounts/{outsideId}", UriKind.Relative));
            Assert.Equal(HttpStatusCode.NotFound, outside.StatusCode);
            Assert.DoesNotContain(outsideName, await outside.Content.ReadAsStringAsync(), StringComparison.Ordinal);

            using var list = await browser.GetAsync(new Uri("/admin/accounts", UriKind.Relative));
            var html = await list.Content.ReadAsStringAsync();
            Assert.Equal(HttpStatusCode.OK, list.StatusCode);
            Assert.Contains("district-8101", html, StringComparison.Ordinal);
            Assert.DoesNotContain(outsideName, html, StringComparison.Ordinal);
            Assert.DoesNotContain(">admin<", html, StringComparison.Ordinal);

            // The province's own workspace stays open to it.
            using var province = await browser.GetAsync(new Uri("/province", UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, province.StatusCode);
            using var audit = await browser.GetAsync(new Uri("/admin/audit", UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, audit.StatusCode);
            // DLA's administrator home is not its page.
            using var adminHome = await browser.GetAsync(new Uri("/admin", UriKind.Relative));
            Assert.NotEqual(HttpStatusCode.OK, adminHome.StatusCode);
        }
    }

    [Theory]
    [InlineData("province-81")]
    [InlineData("dla")]
    [InlineData("district-8101")]
    public async Task Officers_who_are_not_administrators_cannot_open_the_account_pages(string userName)
    {
        var browser = await factory.SignedInClientAsync(userName);
        foreach (var path in new[] { "/admin/accounts", "/admin/accounts/new", "/admin/accounts/import", "/admin/audit" })
        {
            using var response = await browser.GetAsync(new Uri(path, UriKind.Relative));
            Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
            Assert.DoesNotContain("data-testid=\"account-list\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task The_set_password_page_refuses_a_tampered_link_in_Thai()
    {
        using var browser = factory.CreatePortalClient();
        using var page = await browser.GetAsync(new Uri("/account/set-password?token=not-a-real-token", UriKind.Relative));
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("data-testid=\"set-password-link-error\"", html, StringComparison.Ordinal);
        Assert.Contains("ลิงก์นี้ไม่ถูกต้อง", html, StringComparison.Ordinal);
        Assert.DoesNotContain("set-password-submit", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_forced_password_change_holds_every_page_until_the_password_is_changed()
    {
        var admin = await factory.BearerClientAsync("admin");
        var name = AccountApi.NewName("force");
        var (id, url, _) = await AccountApi.CreateUserAsync(admin, name, "8102", PortalRoles.DistrictOfficer);
        await AccountApi.SetPasswordAsync(factory, url!);
        using var read = await admin.GetAsync(new Uri($"/api/v1/admin/users/{id}", UriKind.Relative));
        using (await admin.PutJsonAsync($"/api/v1/admin/users/{id}",
            new { displayName = "ผู้ต้องเปลี่ยนรหัส", email = (string?)null, position = (string?)null, entraUpn = (string?)null, mustChangePassword = true }, read.ETag()))
        {
        }

        using var browser = factory.CreatePortalClient();
        using var login = await browser.PostLoginAsync(name, AccountApi.GoodPassword);
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        Assert.StartsWith("/account/change-password", login.RedirectTarget(), StringComparison.Ordinal);
        using (var district = await browser.GetAsync(new Uri("/district", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.Redirect, district.StatusCode);
            Assert.StartsWith("/account/change-password?returnUrl=%2Fdistrict", district.RedirectTarget(), StringComparison.Ordinal);
        }

        var api = await factory.NewBearerClientAsync(name, AccountApi.GoodPassword);
        using (var refused = await api.GetAsync(new Uri("/api/v1/submissions", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
            Assert.Equal("must-change-password", (await refused.JsonAsync()).GetProperty("code").GetString());
        }

        using (var change = await api.PostJsonAsync("/api/v1/account/change-password", new { currentPassword = AccountApi.GoodPassword, newPassword = "วลีใหม่ที่ยาวพอสำหรับอำเภอ" }))
        {
            Assert.Equal(HttpStatusCode.NoContent, change.StatusCode);
        }

        var fresh = await factory.NewBearerClientAsync(name, "วลีใหม่ที่ยาวพอสำหรับอำเภอ");
        using var ok = await fresh.GetAsync(new Uri("/api/v1/submissions", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
    }
}
