using System.Net;
using SmartCity.Portal.Web.Tests.Infrastructure;

namespace SmartCity.Portal.Web.Tests.Api;

/// <summary>Issue 5, bulk actions through the API: each report done or reported on its own.</summary>
public sealed class ApiBulkForwardTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task The_district_forwards_two_reports_at_once_and_a_stale_one_is_reported_by_name()
    {
        var district = await factory.BearerClientAsync(DemoUsers.District.UserName);
        var (first, firstEtag, _) = await (await factory.BearerClientAsync("muni-810116")).CreateAndSubmitAsync();
        var (second, secondEtag, _) = await (await factory.BearerClientAsync("muni-810103")).CreateAndSubmitAsync();

        // The second report was read before it changed: its ETag no longer matches.
        using var returned = await district.PostJsonAsync($"/api/v1/submissions/{second}/actions/return", new { comment = "แนบหลักฐานเพิ่ม" }, secondEtag);
        Assert.Equal(HttpStatusCode.OK, returned.StatusCode);

        using var response = await district.PostJsonAsync("/api/v1/submissions/bulk/forward",
            new { items = new[] { new { id = first, etag = firstEtag }, new { id = second, etag = secondEtag } }, comment = "ตรวจแล้ว" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.JsonAsync();
        Assert.Equal(1, body.GetProperty("succeeded").GetInt32());
        Assert.Equal(1, body.GetProperty("failed").GetInt32());
        var items = body.GetProperty("items").EnumerateArray().ToList();
        var ok = items.Single(i => i.GetProperty("id").GetInt32() == first);
        Assert.True(ok.GetProperty("ok").GetBoolean());
        Assert.NotEqual(firstEtag, ok.GetProperty("etag").GetString());
        var refused = items.Single(i => i.GetProperty("id").GetInt32() == second);
        Assert.False(refused.GetProperty("ok").GetBoolean());
        Assert.Equal("stale", refused.GetProperty("code").GetString());
        Assert.Equal("เทศบาลตำบลกระบี่น้อย", refused.GetProperty("municipality").GetString());
        Assert.Contains("มีผู้อื่นแก้ไข", refused.GetProperty("title").GetString(), StringComparison.Ordinal);

        using var detail = await district.GetAsync(new Uri($"/api/v1/submissions/{first}", UriKind.Relative));
        Assert.Equal("atProvince", (await detail.JsonAsync()).GetProperty("state").GetString());
    }

    [Fact]
    public async Task Bulk_forward_needs_an_office_role_and_etags()
    {
        var municipality = await factory.BearerClientAsync("muni-810201");
        var district = await factory.BearerClientAsync(DemoUsers.District.UserName);

        using var forbidden = await municipality.PostJsonAsync("/api/v1/submissions/bulk/forward", new { items = new[] { new { id = 1, etag = "\"x\"" } } });
        using var noEtag = await district.PostJsonAsync("/api/v1/submissions/bulk/forward", new { items = new[] { new { id = 1 } } });
        using var empty = await district.PostJsonAsync("/api/v1/submissions/bulk/forward", new { items = Array.Empty<object>() });

        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        Assert.Equal(HttpStatusCode.PreconditionRequired, noEtag.StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, empty.StatusCode);
        Assert.Equal("bulk-nothing-selected", (await empty.JsonAsync()).GetProperty("code").GetString());
    }
}
