using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using SmartCity.Portal.Web.Tests.Infrastructure;

namespace SmartCity.Portal.Web.Tests.Api;

/// <summary>A round set up entirely over the API: create, publish its form, open, change, close; only DLA may.</summary>
public sealed class ApiCampaignAdminTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private static object Details(string title, DateTimeOffset deadline, object? viaDistrict = null) => new
    {
        title,
        fiscalYear = 2570,
        letterNo = "มท ๐๘๑๐.๒/ว ๑๒๓",
        letterDate = DateTimeOffset.UtcNow.AddDays(-1).ToOffset(TimeSpan.FromHours(7)),
        submissionDeadline = deadline,
        dlaDeadline = deadline.AddDays(14),
        paperCopyRequired = false,
        viaDistrict,
    };

    [Fact]
    public async Task DLA_creates_publishes_a_form_opens_updates_and_closes_a_round_that_municipalities_then_see()
    {
        var dla = await factory.BearerClientAsync("dla");
        var municipality = await factory.BearerClientAsync("muni-810116");
        var deadline = new DateTimeOffset(DateTime.SpecifyKind(DateTime.UtcNow.Date.AddDays(90).AddHours(16.5), DateTimeKind.Unspecified), TimeSpan.FromHours(7));

        using var created = await dla.PostJsonAsync("/api/v1/campaigns", Details("รอบทดสอบผ่าน API", deadline, new { town = true }));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var round = await created.JsonAsync();
        var id = round.GetProperty("id").GetInt32();
        Assert.Equal("draft", round.GetProperty("state").GetString());
        Assert.True(round.GetProperty("viaDistrict").GetProperty("town").GetBoolean());
        Assert.Equal(deadline, round.GetProperty("submissionDeadline").GetDateTimeOffset());

        // Draft: no other office knows it exists, and it cannot open without a form.
        using var hidden = await municipality.GetAsync(new Uri($"/api/v1/campaigns/{id}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
        using var noForm = await dla.PostJsonAsync($"/api/v1/campaigns/{id}/open");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, noForm.StatusCode);

        // The form: the demo round's published definition, as GET returns it, published here as version 1.
        var demoId = await municipality.DemoCampaignIdAsync();
        var demoForm = await dla.GetFromJsonAsync<JsonElement>(new Uri($"/api/v1/campaigns/{demoId}/form", UriKind.Relative));
        using var publish = new HttpRequestMessage(HttpMethod.Post, new Uri($"/api/v1/campaigns/{id}/form", UriKind.Relative))
        {
            Content = new StringContent(demoForm.GetProperty("definition").GetRawText(), System.Text.Encoding.UTF8, "application/json"),
        };
        using var published = await dla.SendAsync(publish);
        Assert.Equal(HttpStatusCode.Created, published.StatusCode);
        Assert.Equal(1, (await published.JsonAsync()).GetProperty("version").GetInt32());

        using var opened = await dla.PostJsonAsync($"/api/v1/campaigns/{id}/open");
        Assert.Equal(HttpStatusCode.OK, opened.StatusCode);
        Assert.Equal("open", (await opened.JsonAsync()).GetProperty("state").GetString());
        using var visible = await municipality.GetAsync(new Uri($"/api/v1/campaigns/{id}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, visible.StatusCode);

        // An update needs the ETag last read; the one from before opening is stale.
        using var stale = await dla.PutJsonAsync($"/api/v1/campaigns/{id}", Details("ชื่อใหม่", deadline), created.ETag());
        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
        // Once open, the routing stays as the offices were told: a change to it is refused, a new title is not.
        using var rerouted = await dla.PutJsonAsync($"/api/v1/campaigns/{id}", Details("รอบทดสอบผ่าน API", deadline), opened.ETag());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, rerouted.StatusCode);
        using var renamed = await dla.PutJsonAsync($"/api/v1/campaigns/{id}", Details("รอบทดสอบผ่าน API (แก้ไข)", deadline, new { town = true }), opened.ETag());
        Assert.Equal(HttpStatusCode.OK, renamed.StatusCode);
        Assert.Equal("รอบทดสอบผ่าน API (แก้ไข)", (await renamed.JsonAsync()).GetProperty("title").GetString());

        using var closed = await dla.PostJsonAsync($"/api/v1/campaigns/{id}/close");
        Assert.Equal("closed", (await closed.JsonAsync()).GetProperty("state").GetString());
        using var closedAgain = await dla.PostJsonAsync($"/api/v1/campaigns/{id}/close");
        Assert.Equal(HttpStatusCode.Conflict, closedAgain.StatusCode);
    }

    [Fact]
    public async Task Other_tiers_are_refused_and_bad_details_get_a_Thai_reason()
    {
        var deadline = new DateTimeOffset(DateTime.SpecifyKind(DateTime.UtcNow.Date.AddDays(30).AddHours(16.5), DateTimeKind.Unspecified), TimeSpan.FromHours(7));
        foreach (var userName in new[] { "muni-810116", "district-8101", "province-81" })
        {
            var client = await factory.BearerClientAsync(userName);
            using var refused = await client.PostJsonAsync("/api/v1/campaigns", Details("ไม่ควรสร้างได้", deadline));
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
            using var open = await client.PostJsonAsync("/api/v1/campaigns/1/close");
            Assert.Equal(HttpStatusCode.Forbidden, open.StatusCode);
        }

        var dla = await factory.BearerClientAsync("dla");
        var backwards = new
        {
            title = "กำหนดส่งกลับด้าน",
            fiscalYear = 2570,
            letterNo = "มท ๐๘๑๐.๒/ว ๑",
            letterDate = deadline.AddDays(-20),
            submissionDeadline = deadline,
            dlaDeadline = deadline.AddDays(-1),
            paperCopyRequired = true,
        };
        using var invalid = await dla.PostJsonAsync("/api/v1/campaigns", backwards);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, invalid.StatusCode);
        var problem = await invalid.JsonAsync();
        Assert.Matches("[ก-๙]", problem.GetProperty("title").GetString());

        using var unknownClass = await dla.PostJsonAsync("/api/v1/campaigns", Details("ชั้นไม่มีจริง", deadline, new { village = true }));
        Assert.Equal(HttpStatusCode.BadRequest, unknownClass.StatusCode);

        using var notAForm = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/v1/campaigns/1/form", UriKind.Relative))
        {
            Content = new StringContent("""{"sections": "ไม่ใช่รายการ"}""", System.Text.Encoding.UTF8, "application/json"),
        };
        using var badForm = await dla.SendAsync(notAForm);
        Assert.True(badForm.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.UnprocessableEntity, $"a malformed form answered {(int)badForm.StatusCode}");
    }
}
