using System.Net;
using AngleSharp.Html.Parser;
using Microsoft.EntityFrameworkCore;
using SmartCity.Portal.Campaigns;
using SmartCity.Portal.Organisations;
using SmartCity.Portal.Web.Tests.Infrastructure;

namespace SmartCity.Portal.Web.Tests.Http;

/// <summary>
/// Each office tier opens its own dashboard and no other: the server refuses the page before anything
/// renders (as for the tier homes). A drill-down outside the caller's jurisdiction is a 404.
/// </summary>
public sealed class DashboardAccessTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private static readonly string[] Dashboards = ["/district/dashboard", "/province/dashboard", "/dla/dashboard"];

    public static TheoryData<string, string> Matrix()
    {
        var data = new TheoryData<string, string>();
        foreach (var user in DemoUsers.OnePerTier)
        {
            foreach (var path in Dashboards)
            {
                data.Add(user.UserName, path);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task Each_office_opens_its_own_dashboard_and_no_other(string userName, string path)
    {
        var user = DemoUsers.ByUserName(userName);
        var client = await factory.SignedInClientAsync(userName);

        using var response = await client.GetAsync(path);

        if (path == user.HomePath + "/dashboard")
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var html = await response.Content.ReadAsStringAsync();
            Assert.Contains("data-testid=\"dashboard\"", html, StringComparison.Ordinal);
            Assert.Contains("แดชบอร์ดติดตามรายงาน", html, StringComparison.Ordinal);
        }
        else
        {
            Assert.True(
                response.StatusCode == HttpStatusCode.Forbidden
                || (response.StatusCode == HttpStatusCode.Redirect && response.RedirectPath() == "/account/access-denied"),
                $"{userName} GET {path}: expected 302 to /account/access-denied or 403, got {(int)response.StatusCode} {response.RedirectTarget()}");
            Assert.DoesNotContain("data-testid=\"dashboard\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("/dla/dashboard?province=10")] // Bangkok is not under DLA
    [InlineData("/dla/dashboard?province=99")]
    [InlineData("/dla/dashboard?province=80&district=8101")]
    public async Task A_drill_down_to_no_office_within_the_jurisdiction_is_not_found(string path)
    {
        var client = await factory.SignedInClientAsync(DemoUsers.Dla.UserName);

        using var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task The_province_dashboard_shows_the_figures_of_the_database_as_served()
    {
        var client = await factory.SignedInClientAsync(DemoUsers.Province.UserName);
        var (municipalities, started) = await factory.QueryAsync(async db =>
        {
            var campaignId = await db.Campaigns.Where(c => c.State == CampaignState.Open).Select(c => c.Id).FirstAsync();
            var all = await db.OrgUnits.CountAsync(o => o.Kind == OrgUnitKind.Municipality && o.ProvinceCode == "81");
            var withReport = await db.Submissions.CountAsync(s => s.CampaignId == campaignId && s.Municipality!.ProvinceCode == "81");
            return (all, withReport);
        });

        var html = await client.GetStringAsync(new Uri("/province/dashboard", UriKind.Relative));
        var document = await new HtmlParser().ParseDocumentAsync(html);

        string? Count(string key) => document.QuerySelector($"[data-testid=count-{key}] .dashboard-card-count")?.GetAttribute("data-count");
        Assert.Equal(municipalities.ToString(System.Globalization.CultureInfo.InvariantCulture), Count("Total"));
        Assert.Equal((municipalities - started).ToString(System.Globalization.CultureInfo.InvariantCulture), Count("NotStarted"));
        Assert.Equal(Count("Total"), document.QuerySelector("[data-testid=matrix-total-Total]")?.GetAttribute("data-count"));
        Assert.NotNull(document.QuerySelector("[data-testid=deadline-submission-countdown]"));
        Assert.Contains("เหลืออีก", document.QuerySelector("[data-testid=deadline-submission-countdown]")!.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("district-8101", "/district", "/district/dashboard")]
    [InlineData("province-81", "/province", "/province/dashboard")]
    [InlineData("dla", "/dla", "/dla/dashboard")]
    public async Task The_menu_and_the_tier_home_link_to_the_dashboard(string userName, string home, string dashboard)
    {
        var client = await factory.SignedInClientAsync(userName);

        var document = await new HtmlParser().ParseDocumentAsync(await client.GetStringAsync(new Uri(home, UriKind.Relative)));

        Assert.Equal(dashboard, document.QuerySelector("[data-testid=nav-dashboard]")?.GetAttribute("href"));
        Assert.Equal(dashboard, document.QuerySelector("[data-testid=home-dashboard-link]")?.GetAttribute("href"));
    }
}
