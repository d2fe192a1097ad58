using System.Net;
using Microsoft.EntityFrameworkCore;
using SmartCity.Portal.Common;
using SmartCity.Portal.Web.Tests.Infrastructure;

namespace SmartCity.Portal.Web.Tests.Pages;

/// <summary>District and provincial homes show the deadline that binds their municipalities, in the Buddhist era.</summary>
public sealed class OwnDeadlineCardTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Theory]
    [InlineData("province-81", "/province")]
    [InlineData("district-8101", "/district")]
    public async Task The_office_home_shows_its_binding_deadline(string userName, string path)
    {
        var client = await factory.SignedInClientAsync(userName);
        // The demo campaign: Krabi's own deadline is a day before DLA's and binds every office below it.
        var krabi = await factory.QueryAsync(db => db.TierDeadlines.Where(t => t.OrgUnit!.Code == "81").Select(t => t.DeadlineUtc).SingleAsync());

        using var response = await client.GetAsync(path);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("data-testid=\"own-deadline\"", html, StringComparison.Ordinal);
        Assert.Contains(ThaiTime.FormatDateTime(krabi), html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_municipality_home_has_no_deadline_setting()
    {
        var client = await factory.SignedInClientAsync("muni-810116");

        using var response = await client.GetAsync("/municipality");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("data-testid=\"own-deadline\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
