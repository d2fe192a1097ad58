using System.Net;
using SmartCity.Portal.Web.Tests.Infrastructure;

namespace SmartCity.Portal.Web.Tests.Http;

/// <summary>
/// Guessing another office's id in the URL: anything outside the caller's subtree is answered
/// exactly like an id that does not exist (404), including the offices above the caller.
/// </summary>
public sealed class JurisdictionTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task A_district_cannot_open_a_neighbouring_district()
    {
        var client = await factory.SignedInClientAsync(DemoUsers.District.UserName);
        var neighbour = await factory.OrgUnitIdAsync("8102");

        using var response = await client.GetAsync($"/org-units/{neighbour}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain("สำนักงานส่งเสริมการปกครองท้องถิ่นอำเภอเขาพนม", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_district_opens_a_municipality_below_it()
    {
        var client = await factory.SignedInClientAsync(DemoUsers.District.UserName);
        var aoNang = await factory.OrgUnitIdAsync("810116");

        using var response = await client.GetAsync($"/org-units/{aoNang}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("เทศบาลตำบลอ่าวนาง", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_district_cannot_open_its_own_provincial_office()
    {
        var client = await factory.SignedInClientAsync(DemoUsers.District.UserName);
        var parent = await factory.OrgUnitIdAsync("81");

        using var response = await client.GetAsync($"/org-units/{parent}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task A_province_opens_every_district_of_its_province()
    {
        var client = await factory.SignedInClientAsync(DemoUsers.Province.UserName);
        var khaoPhanom = await factory.OrgUnitIdAsync("8102");

        using var response = await client.GetAsync($"/org-units/{khaoPhanom}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("สำนักงานส่งเสริมการปกครองท้องถิ่นอำเภอเขาพนม", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_id_that_does_not_exist_is_also_404()
    {
        var client = await factory.SignedInClientAsync(DemoUsers.Province.UserName);

        using var response = await client.GetAsync("/org-units/999999");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
