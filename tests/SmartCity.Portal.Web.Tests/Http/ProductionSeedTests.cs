using System.Net;
using Microsoft.EntityFrameworkCore;
using SmartCity.Portal.Organisations;
using SmartCity.Portal.Web.Tests.Infrastructure;

namespace SmartCity.Portal.Web.Tests.Http;

/// <summary>Seed:Demo left on in Production must not create the demo accounts (known password) or demo offices.</summary>
public sealed class ProductionSeedTests(ProductionPortalFactory factory) : IClassFixture<ProductionPortalFactory>
{
    [Fact]
    public async Task Production_seeds_the_org_tree_but_no_demo_accounts()
    {
        var provinceOffices = await factory.QueryAsync(db => db.OrgUnits.CountAsync(o => o.Kind == OrgUnitKind.ProvinceOffice));
        var dla = await factory.QueryAsync(db => db.Users.AnyAsync(u => u.UserName == "dla"));
        var users = await factory.QueryAsync(db => db.Users.CountAsync());
        var demoOffices = await factory.QueryAsync(db => db.OrgUnits.CountAsync(o => o.IsDemo));

        Assert.Equal(76, provinceOffices);
        Assert.False(dla);
        Assert.Equal(0, users);
        Assert.Equal(0, demoOffices);
    }

    [Fact]
    public async Task Production_login_page_lists_no_demo_accounts_and_refuses_the_demo_password()
    {
        using var client = factory.CreatePortalClient();

        using var page = await client.GetAsync(PortalHttp.LoginPath);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var body = await page.Content.ReadAsStringAsync();
        Assert.DoesNotContain("data-testid=\"demo-accounts\"", body, StringComparison.Ordinal);
        Assert.DoesNotContain(DemoUsers.Password, body, StringComparison.Ordinal);

        using var signIn = await client.PostLoginAsync("dla", DemoUsers.Password);
        Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
        Assert.Contains("ชื่อผู้ใช้หรือรหัสผ่านไม่ถูกต้อง", await signIn.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
