using System.Security.Claims;
using SmartCity.Portal.Common;
using SmartCity.Portal.Core.Tests.Infrastructure;
using SmartCity.Portal.Organisations;
using SmartCity.Portal.Security;

namespace SmartCity.Portal.Core.Tests.Organisations;

public sealed class OrganisationServiceTests(DemoDatabase database) : IClassFixture<DemoDatabase>
{
    private OrganisationService Service => new(database.Factory);

    [Fact]
    public async Task District_home_shows_the_office_its_ancestors_its_municipalities_and_its_people()
    {
        var officer = await database.SignInAsync("district-8101");

        var home = await Service.GetTierHomeAsync(officer, Tier.District);

        Assert.Equal("8101", home.Unit.Code);
        Assert.Equal(OrgUnitKind.DistrictOffice, home.Unit.Kind);
        Assert.Equal(["DLA", "DLA-LAD", "81"], home.Ancestors.Select(a => a.Code));
        Assert.Equal(["810103", "810116"], home.Children.Select(c => c.Code).Order(StringComparer.Ordinal));
        Assert.All(home.Children, c =>
        {
            Assert.Equal(OrgUnitKind.Municipality, c.Kind);
            Assert.Equal(MunicipalityClass.Subdistrict, c.Class);
            Assert.Equal(home.Unit.Id, c.ParentId);
            Assert.True(c.IsDemo);
        });
        Assert.Equal(new MunicipalityCounts(0, 0, 2, 2), home.MunicipalitiesBelow);
        Assert.Equal(["district-8101", "multi-81"], home.People.Select(p => p.UserName).Order(StringComparer.Ordinal));
        Assert.All(home.People, p => Assert.Equal(PortalRoles.DistrictOfficer, p.Role));
    }

    [Fact]
    public async Task Province_home_lists_its_districts_and_the_town_municipality_below_it()
    {
        var officer = await database.SignInAsync("province-81");

        var home = await Service.GetTierHomeAsync(officer, Tier.Province);

        Assert.Equal("81", home.Unit.Code);
        Assert.Equal(["DLA", "DLA-LAD"], home.Ancestors.Select(a => a.Code));
        Assert.Equal(8, home.Children.Count(c => c.Kind == OrgUnitKind.DistrictOffice));
        var town = Assert.Single(home.Children, c => c.Kind == OrgUnitKind.Municipality);
        Assert.Equal("810101", town.Code);
        Assert.Equal(new MunicipalityCounts(0, 1, 7, 8), home.MunicipalitiesBelow);
        Assert.Contains(home.People, p => p.UserName == "province-81" && p.Role == PortalRoles.ProvinceOfficer);
    }

    [Theory]
    [InlineData(Tier.Dla)]
    [InlineData(Tier.Province)]
    [InlineData(Tier.Municipality)]
    [InlineData(Tier.Admin)]
    public async Task Another_tier_home_is_refused(Tier tier)
    {
        var officer = await database.SignInAsync("district-8101");

        var error = await Assert.ThrowsAsync<PortalAccessDeniedException>(() => Service.GetTierHomeAsync(officer, tier));
        Assert.Equal(PortalErrors.WrongTier, error.PortalMessage);
    }

    [Fact]
    public async Task The_tier_follows_the_active_membership_of_a_multi_office_user()
    {
        var asDistrict = await database.SignInAsync("multi-81", "8101");
        var asProvince = await database.SignInAsync("multi-81", "81");

        Assert.Equal("8101", (await Service.GetTierHomeAsync(asDistrict, Tier.District)).Unit.Code);
        Assert.Equal("81", (await Service.GetTierHomeAsync(asProvince, Tier.Province)).Unit.Code);
        await Assert.ThrowsAsync<PortalAccessDeniedException>(() => Service.GetTierHomeAsync(asDistrict, Tier.Province));
    }

    [Theory]
    [InlineData("8102")] // a neighbouring district
    [InlineData("80")] // another province
    [InlineData("81")] // the district's own province office
    [InlineData("DLA-LAD")]
    [InlineData("810101")] // the town municipality: in the district's area, but reports to the province
    [InlineData("810201")] // a municipality of another district
    public async Task District_officer_cannot_see_offices_outside_its_subtree(string code)
    {
        var officer = await database.SignInAsync("district-8101");
        var id = await database.OrgUnitIdAsync(code);

        var error = await Assert.ThrowsAsync<PortalNotFoundException>(() => Service.GetOverviewAsync(officer, id));
        Assert.Equal(PortalErrors.OrgUnitNotFound, error.PortalMessage);
    }

    [Fact]
    public async Task Unknown_org_unit_is_not_found()
    {
        var officer = await database.SignInAsync("dla");

        await Assert.ThrowsAsync<PortalNotFoundException>(() => Service.GetOverviewAsync(officer, int.MaxValue));
    }

    [Theory]
    [InlineData("district-8101", "8101")]
    [InlineData("district-8101", "810116")]
    [InlineData("province-81", "8102")]
    [InlineData("province-81", "810101")]
    [InlineData("dla", "80")]
    [InlineData("admin", "DLA-LAD")]
    public async Task Offices_within_the_subtree_can_be_seen(string userName, string code)
    {
        var officer = await database.SignInAsync(userName);

        var overview = await Service.GetOverviewAsync(officer, await database.OrgUnitIdAsync(code));

        Assert.Equal(code, overview.Unit.Code);
    }

    [Fact]
    public async Task Province_officer_sees_a_district_with_its_ancestors_and_municipality()
    {
        var officer = await database.SignInAsync("province-81");

        var overview = await Service.GetOverviewAsync(officer, await database.OrgUnitIdAsync("8102"));

        Assert.Equal(OrgUnitKind.DistrictOffice, overview.Unit.Kind);
        Assert.Equal(["DLA", "DLA-LAD", "81"], overview.Ancestors.Select(a => a.Code));
        Assert.Equal(["810201"], overview.Children.Select(c => c.Code));
        Assert.Equal(new MunicipalityCounts(0, 0, 1, 1), overview.MunicipalitiesBelow);
    }

    [Fact]
    public async Task Membership_choices_mark_the_active_office()
    {
        var officer = await database.SignInAsync("multi-81", "8101");

        var choices = await Service.GetMembershipChoicesAsync(officer);

        Assert.Equal(2, choices.Count);
        Assert.Equal(await database.OrgUnitIdAsync("81"), choices[0].OrgUnitId);
        Assert.False(choices[0].IsActive);
        Assert.Equal(await database.OrgUnitIdAsync("8101"), choices[1].OrgUnitId);
        Assert.True(choices[1].IsActive);
    }

    public static TheoryData<string> Anonymous => ["unauthenticated", "no claims", "unknown role"];

    [Theory]
    [MemberData(nameof(Anonymous))]
    public async Task A_principal_without_a_portal_identity_is_refused(string kind)
    {
        var principal = kind switch
        {
            "unauthenticated" => new ClaimsPrincipal(new ClaimsIdentity()),
            "no claims" => new ClaimsPrincipal(new ClaimsIdentity("test")),
            _ => new ClaimsPrincipal(new ClaimsIdentity(
                [
                    new Claim(ClaimTypes.NameIdentifier, "x"),
                    new Claim(ClaimTypes.Role, "Super.User"),
                    new Claim(PortalClaimTypes.OrgUnitId, "1"),
                    new Claim(PortalClaimTypes.OrgUnitPath, "/DLA/"),
                ],
                "test")),
        };
        var division = await database.OrgUnitIdAsync("DLA-LAD");

        await Assert.ThrowsAsync<PortalAccessDeniedException>(() => Service.GetTierHomeAsync(principal, Tier.Dla));
        await Assert.ThrowsAsync<PortalAccessDeniedException>(() => Service.GetOverviewAsync(principal, division));
        await Assert.ThrowsAsync<PortalAccessDeniedException>(() => Service.GetMembershipChoicesAsync(principal));
    }
}
