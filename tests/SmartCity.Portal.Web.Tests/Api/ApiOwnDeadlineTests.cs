using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using SmartCity.Portal.Campaigns;
using SmartCity.Portal.Common;
using SmartCity.Portal.Web.Tests.Infrastructure;

namespace SmartCity.Portal.Web.Tests.Api;

/// <summary>
/// PUT /api/v1/campaigns/{id}/deadline: an office's own, earlier deadline for its subtree. Each test
/// makes a campaign of its own (the host's clock is the real one, so its deadlines lie ahead of now).
/// </summary>
public sealed class ApiOwnDeadlineTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task A_province_sets_its_deadline_and_its_municipalities_see_it_in_Bangkok_time()
    {
        var (id, dlaDeadline) = await AddCampaignAsync();
        var province = await factory.BearerClientAsync(DemoUsers.Province.UserName);
        var municipality = await factory.BearerClientAsync("muni-810116");
        var own = dlaDeadline.AddDays(-1);
        var sent = own.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
        Assert.EndsWith("T16:30:00+07:00", sent, StringComparison.Ordinal);

        using var put = await province.PutJsonAsync($"/api/v1/campaigns/{id}/deadline", new { deadline = sent }, ifMatch: null);

        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        var summary = await put.JsonAsync();
        Assert.Equal(id, summary.GetProperty("id").GetInt32());
        Assert.Equal(sent, summary.GetProperty("effectiveDeadline").GetString());
        var seen = await municipality.GetFromJsonAsync<JsonElement>(new Uri($"/api/v1/campaigns/{id}", UriKind.Relative));
        Assert.Equal(sent, seen.GetProperty("effectiveDeadline").GetString());
        Assert.Equal(own, DateTimeOffset.Parse(seen.GetProperty("effectiveDeadline").GetString()!, CultureInfo.InvariantCulture));
        Assert.Equal(dlaDeadline, DateTimeOffset.Parse(seen.GetProperty("submissionDeadline").GetString()!, CultureInfo.InvariantCulture));

        // The same instant given in UTC is the same deadline.
        using var again = await province.PutJsonAsync($"/api/v1/campaigns/{id}/deadline", new { deadline = own.ToUniversalTime() }, ifMatch: null);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(sent, (await again.JsonAsync()).GetProperty("effectiveDeadline").GetString());
    }

    [Fact]
    public async Task A_district_deadline_later_than_the_provinces_is_422_naming_the_limit_in_Thai()
    {
        var (id, dlaDeadline) = await AddCampaignAsync();
        var province = await factory.BearerClientAsync(DemoUsers.Province.UserName);
        var district = await factory.BearerClientAsync(DemoUsers.District.UserName);
        var provinceDeadline = dlaDeadline.AddDays(-1);
        using var set = await province.PutJsonAsync($"/api/v1/campaigns/{id}/deadline", new { deadline = provinceDeadline }, ifMatch: null);
        Assert.Equal(HttpStatusCode.OK, set.StatusCode);

        using var response = await district.PutJsonAsync($"/api/v1/campaigns/{id}/deadline", new { deadline = provinceDeadline.AddMinutes(30) }, ifMatch: null);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.JsonAsync();
        Assert.Equal("own-deadline-after-parent", problem.GetProperty("code").GetString());
        Assert.Equal(
            $"กำหนดเวลาของหน่วยงานต้องไม่เกิน {ThaiTime.FormatDateTime(provinceDeadline.UtcDateTime)} ซึ่งเป็นกำหนดของหน่วยงานต้นสังกัด",
            problem.GetProperty("title").GetString());
        Assert.Contains("เวลา 16:30 น.", problem.GetProperty("title").GetString(), StringComparison.Ordinal);
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("titleEn").GetString()));
    }

    [Fact]
    public async Task A_municipality_may_not_set_a_deadline()
    {
        var (id, dlaDeadline) = await AddCampaignAsync();
        var municipality = await factory.BearerClientAsync("muni-810116");

        using var response = await municipality.PutJsonAsync($"/api/v1/campaigns/{id}/deadline", new { deadline = dlaDeadline.AddDays(-2) }, ifMatch: null);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("own-deadline-forbidden", (await response.JsonAsync()).GetProperty("code").GetString());
    }

    [Fact]
    public async Task An_unknown_campaign_is_404_and_a_body_without_a_deadline_is_400()
    {
        var (id, _) = await AddCampaignAsync();
        var province = await factory.BearerClientAsync(DemoUsers.Province.UserName);

        using var unknown = await province.PutJsonAsync("/api/v1/campaigns/999999/deadline", new { deadline = DateTimeOffset.UtcNow.AddDays(1) }, ifMatch: null);
        using var empty = await province.PutJsonAsync($"/api/v1/campaigns/{id}/deadline", new { }, ifMatch: null);
        using var garbage = await province.PutJsonAsync($"/api/v1/campaigns/{id}/deadline", new { deadline = "next Friday" }, ifMatch: null);

        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("campaign-not-found", (await unknown.JsonAsync()).GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, garbage.StatusCode);
    }

    [Fact]
    public async Task The_endpoint_is_in_the_OpenAPI_document()
    {
        using var client = factory.CreateApiClient();

        var document = await client.GetFromJsonAsync<JsonElement>(new Uri("/openapi/v1.json", UriKind.Relative));

        Assert.True(document.GetProperty("paths").GetProperty("/api/v1/campaigns/{id}/deadline").TryGetProperty("put", out _));
    }

    /// <summary>An open campaign whose DLA deadline is 16:30 ICT sixty days from today; returns its id and that deadline.</summary>
    private async Task<(int Id, DateTimeOffset Deadline)> AddCampaignAsync()
    {
        var todayBangkok = DateTimeOffset.UtcNow.ToOffset(ThaiTime.BangkokOffset).Date;
        var deadline = new DateTimeOffset(todayBangkok.AddDays(60).AddHours(16.5), ThaiTime.BangkokOffset);
        var id = await factory.QueryAsync(async db =>
        {
            var campaign = new Campaign
            {
                FiscalYear = 2568,
                Title = "การคัดเลือกทดสอบกำหนดเวลา " + Guid.NewGuid().ToString("N")[..8],
                LetterNo = "มท ๐๘๑๐.๒/ว ทดสอบ",
                LetterDateUtc = DateTime.UtcNow.Date,
                State = CampaignState.Open,
                SubmissionDeadlineUtc = deadline.UtcDateTime,
                DlaDeadlineUtc = deadline.AddDays(14).UtcDateTime,
            };
            db.Campaigns.Add(campaign);
            await db.SaveChangesAsync();
            return campaign.Id;
        });
        return (id, deadline);
    }
}
