using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using SmartCity.Portal.Web.Tests.Infrastructure;

namespace SmartCity.Portal.Web.Tests.Api;

/// <summary>Offices within the caller's jurisdiction, campaigns with Bangkok-time deadlines.</summary>
public sealed class ApiDirectoryTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task A_district_lists_only_its_own_subtree()
    {
        var client = await factory.BearerClientAsync(DemoUsers.District.UserName);

        var page = await client.GetFromJsonAsync<JsonElement>(new Uri("/api/v1/org-units?pageSize=500", UriKind.Relative));

        var codes = page.GetProperty("items").EnumerateArray().Select(o => o.GetProperty("code").GetString()).ToList();
        Assert.Equal(codes.Count, page.GetProperty("total").GetInt32());
        Assert.Contains("8101", codes);
        Assert.Contains("810116", codes);
        Assert.DoesNotContain("8102", codes);
        Assert.DoesNotContain("81", codes);
        // นคร/เมือง hang under the province, not the district.
        Assert.DoesNotContain("810101", codes);
    }

    [Fact]
    public async Task A_province_filters_municipalities_by_kind_with_their_fields()
    {
        var client = await factory.BearerClientAsync(DemoUsers.Province.UserName);

        var page = await client.GetFromJsonAsync<JsonElement>(new Uri("/api/v1/org-units?kind=municipality&provinceCode=81", UriKind.Relative));

        var items = page.GetProperty("items").EnumerateArray().ToList();
        Assert.NotEmpty(items);
        Assert.All(items, o => Assert.Equal("municipality", o.GetProperty("kind").GetString()));
        var town = items.Single(o => o.GetProperty("code").GetString() == "810101");
        Assert.Equal("เทศบาลเมืองกระบี่", town.GetProperty("name").GetString());
        Assert.Equal("Krabi Town Municipality", town.GetProperty("nameEn").GetString());
        Assert.Equal("town", town.GetProperty("class").GetString());
        Assert.Equal("81", town.GetProperty("provinceCode").GetString());
        Assert.Equal("8101", town.GetProperty("districtCode").GetString());
        Assert.Equal(await factory.OrgUnitIdAsync("81"), town.GetProperty("parentId").GetInt32());
    }

    [Fact]
    public async Task Another_provinces_offices_are_not_listed_even_when_asked_for()
    {
        var client = await factory.BearerClientAsync(DemoUsers.Province.UserName);

        var page = await client.GetFromJsonAsync<JsonElement>(new Uri("/api/v1/org-units?provinceCode=80", UriKind.Relative));

        Assert.Equal(0, page.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task A_bad_query_value_is_400_problem_details()
    {
        var client = await factory.BearerClientAsync(DemoUsers.Province.UserName);

        using var response = await client.GetAsync(new Uri("/api/v1/org-units?kind=castle", UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("invalid-query", (await response.JsonAsync()).GetProperty("code").GetString());
    }

    [Fact]
    public async Task Campaign_deadlines_are_ISO_8601_in_Bangkok_time()
    {
        var client = await factory.BearerClientAsync("muni-810116");
        var id = await client.DemoCampaignIdAsync();

        using var response = await client.GetAsync(new Uri($"/api/v1/campaigns/{id}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var campaign = await response.JsonAsync();
        Assert.Equal("open", campaign.GetProperty("state").GetString());
        Assert.True(campaign.GetProperty("paperCopyRequired").GetBoolean());
        var deadline = campaign.GetProperty("submissionDeadline").GetString()!;
        Assert.EndsWith("T16:30:00+07:00", deadline, StringComparison.Ordinal);
        // Krabi's own deadline is a day earlier and binds its municipalities.
        var effective = DateTimeOffset.Parse(campaign.GetProperty("effectiveDeadline").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(DateTimeOffset.Parse(deadline, System.Globalization.CultureInfo.InvariantCulture).AddDays(-1), effective);
        Assert.Equal("subdistrict", string.Join(',', campaign.GetProperty("routing").GetProperty("viaDistrict").EnumerateArray().Select(c => c.GetString())));
    }

    [Fact]
    public async Task A_campaign_that_does_not_exist_is_404_problem_details()
    {
        var client = await factory.BearerClientAsync("muni-810116");

        using var response = await client.GetAsync(new Uri("/api/v1/campaigns/999999", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var problem = await response.JsonAsync();
        Assert.Equal("campaign-not-found", problem.GetProperty("code").GetString());
        Assert.Equal("ไม่พบรอบการคัดเลือกนี้", problem.GetProperty("title").GetString());
        Assert.Equal("This selection round was not found.", problem.GetProperty("titleEn").GetString());
    }

    [Fact]
    public async Task Audit_verify_is_for_DLA_and_not_for_a_district()
    {
        var dla = await factory.BearerClientAsync(DemoUsers.Dla.UserName);
        var district = await factory.BearerClientAsync(DemoUsers.District.UserName);
        var municipality = await factory.BearerClientAsync("muni-810103");
        await municipality.CreateAndSubmitAsync();

        using var ok = await dla.GetAsync(new Uri("/api/v1/audit/verify", UriKind.Relative));
        using var refused = await district.GetAsync(new Uri("/api/v1/audit/verify", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        var result = await ok.JsonAsync();
        Assert.True(result.GetProperty("ok").GetBoolean());
        Assert.True(result.GetProperty("events").GetInt64() >= 2);
        Assert.Equal(JsonValueKind.Null, result.GetProperty("firstBrokenId").ValueKind);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal("audit-verify-forbidden", (await refused.JsonAsync()).GetProperty("code").GetString());
    }
}
