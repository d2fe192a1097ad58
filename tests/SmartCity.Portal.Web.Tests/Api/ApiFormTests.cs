using System.Net;
using System.Text.Json;
using SmartCity.Portal.Web.Tests.Infrastructure;

namespace SmartCity.Portal.Web.Tests.Api;

/// <summary>DESIGN.md 6: GET /campaigns/{id}/form gives the published form an integration fills.</summary>
public sealed class ApiFormTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Theory]
    [InlineData("muni-810116")]
    [InlineData("district-8101")]
    [InlineData("dla")]
    public async Task Every_tier_reads_the_published_default_form_with_thai_labels(string userName)
    {
        var client = await factory.BearerClientAsync(userName);
        var campaignId = await client.DemoCampaignIdAsync();

        using var response = await client.GetAsync(new Uri($"/api/v1/campaigns/{campaignId}/form", UriKind.Relative));
        var body = await response.JsonAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, body.GetProperty("version").GetInt32());
        Assert.Equal(campaignId, body.GetProperty("campaignId").GetInt32());
        Assert.EndsWith("+07:00", body.GetProperty("published").GetString(), StringComparison.Ordinal);
        var definition = body.GetProperty("definition");
        Assert.Equal("แบบรายงานผลข้อมูลการพัฒนาศักยภาพเมืองน่าอยู่อัจฉริยะ", definition.GetProperty("titleTh").GetString());
        var sections = definition.GetProperty("sections").EnumerateArray().ToList();
        Assert.Equal(8, sections.Count);
        // Question types travel as names, the same ones the validator and the renderer use.
        var types = sections.SelectMany(s => s.GetProperty("items").EnumerateArray())
            .Where(i => i.TryGetProperty("type", out _)).Select(i => i.GetProperty("type").GetString()).ToHashSet();
        Assert.Contains("shortText", types);
        Assert.Contains("date", types);
    }

    [Fact]
    public async Task An_unknown_campaign_is_a_thai_404_problem()
    {
        var client = await factory.BearerClientAsync("muni-810116");

        using var response = await client.GetAsync(new Uri("/api/v1/campaigns/999999/form", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.False(string.IsNullOrEmpty((await response.JsonAsync()).GetProperty("title").GetString()));
    }
}
