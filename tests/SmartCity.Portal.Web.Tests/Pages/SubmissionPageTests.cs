using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using SmartCity.Portal.Web.Tests.Api;
using SmartCity.Portal.Web.Tests.Infrastructure;

namespace SmartCity.Portal.Web.Tests.Pages;

/// <summary>The dashboards' drill-down to one report: offices of its jurisdiction read it, nobody else learns it exists.</summary>
public sealed class SubmissionPageTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Theory]
    [InlineData("district-8101")]
    [InlineData("province-81")]
    [InlineData("dla")]
    public async Task Offices_above_the_municipality_read_the_report_with_its_history(string userName)
    {
        var id = await SubmittedIdAsync();
        var client = await factory.SignedInClientAsync(userName);

        using var response = await client.GetAsync($"/submissions/{id}");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("เทศบาลตำบลอ่าวนาง", html, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"submission-status\"", html, StringComparison.Ordinal);
        Assert.Contains("ส่งถึงอำเภอแล้ว", html, StringComparison.Ordinal);
        Assert.Contains("ประวัติการดำเนินการ", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Another_district_gets_404_as_if_it_did_not_exist()
    {
        var id = await SubmittedIdAsync();
        var client = await factory.SignedInClientAsync("district-8102");

        using var response = await client.GetAsync($"/submissions/{id}");
        using var missing = await client.GetAsync("/submissions/999999");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    /// <summary>Ao Nang's submitted report: submitted by the first test that needs it, found by the others.</summary>
    private async Task<int> SubmittedIdAsync()
    {
        var municipality = await factory.BearerClientAsync("muni-810116");
        var existing = await municipality.GetFromJsonAsync<JsonElement>(new Uri("/api/v1/submissions", UriKind.Relative));
        if (existing.GetProperty("total").GetInt32() > 0)
        {
            return existing.GetProperty("items")[0].GetProperty("id").GetInt32();
        }

        var (id, _, _) = await municipality.CreateAndSubmitAsync();
        return id;
    }
}
