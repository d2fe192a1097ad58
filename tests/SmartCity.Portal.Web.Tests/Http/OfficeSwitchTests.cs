using System.Net;
using SmartCity.Portal.Web.Tests.Infrastructure;

namespace SmartCity.Portal.Web.Tests.Http;

/// <summary>
/// multi-81 belongs to district office 8101 and provincial office 81. Without a choice the active
/// membership is the first by org-unit path (ActiveMembershipResolver orders by OrgUnit.Path), and
/// "/DLA/DLA-LAD/81/" sorts before "/DLA/DLA-LAD/81/8101/": the provincial office comes first, so
/// multi-81 lands on /province. The switcher's cookie is honoured only for the person's own offices.
/// </summary>
public sealed class OfficeSwitchTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task Without_a_choice_the_first_membership_by_path_is_active()
    {
        using var client = factory.CreatePortalClient();
        await client.SignInAsync(DemoUsers.Multi);

        using var root = await client.GetAsync("/");

        Assert.Equal("/province", root.RedirectPath());
        using var province = await client.GetAsync("/province");
        Assert.Equal(HttpStatusCode.OK, province.StatusCode);
        // Two memberships: the layout offers the office switcher.
        Assert.Contains("data-testid=\"office-switcher\"", await province.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Switching_office_moves_the_person_to_the_other_tier()
    {
        using var client = factory.CreatePortalClient();
        await client.SignInAsync(DemoUsers.Multi);
        var district = await factory.OrgUnitIdAsync("8101");

        using var switched = await client.GetAsync($"/account/switch-office/{district}");

        Assert.Equal(HttpStatusCode.Redirect, switched.StatusCode);
        Assert.Equal("/", switched.RedirectTarget());
        Assert.Contains(switched.Headers.GetValues("Set-Cookie"), c => c.StartsWith($"portal.org={district};", StringComparison.Ordinal));
        using var root = await client.GetAsync("/");
        Assert.Equal("/district", root.RedirectPath());
        using var districtHome = await client.GetAsync("/district");
        Assert.Equal(HttpStatusCode.OK, districtHome.StatusCode);
        Assert.Contains(DemoUsers.District.OfficeNameTh, await districtHome.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var provinceHome = await client.GetAsync("/province");
        Assert.Equal("/account/access-denied", provinceHome.RedirectPath());

        var province = await factory.OrgUnitIdAsync("81");
        using var back = await client.GetAsync($"/account/switch-office/{province}");
        using var rootAgain = await client.GetAsync("/");
        Assert.Equal("/province", rootAgain.RedirectPath());
    }

    [Theory]
    [InlineData("DLA-LAD")]
    [InlineData("80")]
    [InlineData("8102")]
    public async Task A_forged_switch_to_someone_elses_office_changes_nothing(string forgedCode)
    {
        using var client = factory.CreatePortalClient();
        await client.SignInAsync(DemoUsers.Multi);
        var forged = await factory.OrgUnitIdAsync(forgedCode);

        using var switched = await client.GetAsync($"/account/switch-office/{forged}");
        using var root = await client.GetAsync("/");

        Assert.Equal("/province", root.RedirectPath());
        using var dla = await client.GetAsync("/dla");
        Assert.Equal("/account/access-denied", dla.RedirectPath());
        using var division = await client.GetAsync($"/org-units/{await factory.OrgUnitIdAsync("DLA-LAD")}");
        Assert.Equal(HttpStatusCode.NotFound, division.StatusCode);
    }

    [Fact]
    public async Task A_switch_cookie_from_a_previous_person_does_not_survive_sign_in()
    {
        using var client = factory.CreatePortalClient();
        await client.SignInAsync(DemoUsers.Multi);
        using var switched = await client.GetAsync($"/account/switch-office/{await factory.OrgUnitIdAsync("8101")}");

        await client.SignInAsync(DemoUsers.Multi);
        using var root = await client.GetAsync("/");

        Assert.Equal("/province", root.RedirectPath());
    }
}
