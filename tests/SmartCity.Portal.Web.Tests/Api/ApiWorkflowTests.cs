using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SmartCity.Portal.Web.Tests.Infrastructure;

namespace SmartCity.Portal.Web.Tests.Api;

/// <summary>A report's way up through the API, ETags and If-Match, and two officers pressing at once.</summary>
public sealed class ApiWorkflowTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task A_subdistrict_municipality_goes_through_the_district_and_the_province_to_DLA()
    {
        var municipality = await factory.BearerClientAsync("muni-810116");
        var district = await factory.BearerClientAsync(DemoUsers.District.UserName);
        var province = await factory.BearerClientAsync(DemoUsers.Province.UserName);
        var dla = await factory.BearerClientAsync(DemoUsers.Dla.UserName);
        var campaignId = await municipality.DemoCampaignIdAsync();

        // Create is idempotent: 201 the first time, 200 with the same submission after.
        using var created = await municipality.PostJsonAsync($"/api/v1/campaigns/{campaignId}/submissions");
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var draft = await created.JsonAsync();
        var id = draft.GetProperty("id").GetInt32();
        Assert.Equal("draft", draft.GetProperty("state").GetString());
        Assert.Equal($"/api/v1/submissions/{id}", created.Headers.Location?.OriginalString);
        using var again = await municipality.PostJsonAsync($"/api/v1/campaigns/{campaignId}/submissions");
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(id, (await again.JsonAsync()).GetProperty("id").GetInt32());

        using var detail = await municipality.GetAsync(new Uri($"/api/v1/submissions/{id}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, detail.StatusCode);
        var body = await detail.JsonAsync();
        Assert.Equal(body.GetProperty("etag").GetString(), detail.ETag());
        // An empty report cannot be submitted yet: only withdraw is offered.
        Assert.Equal("withdraw", string.Join(',', body.GetProperty("permittedActions").EnumerateArray().Select(a => a.GetString())));
        Assert.EndsWith("+07:00", body.GetProperty("effectiveDeadline").GetString(), StringComparison.Ordinal);

        // Submitting an empty report is refused with a reason.
        using var empty = await municipality.PostJsonAsync($"/api/v1/submissions/{id}/actions/submit", null, detail.ETag());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, empty.StatusCode);
        Assert.Equal("answers-required", (await empty.JsonAsync()).GetProperty("code").GetString());

        // Half a report saves; submitting it is refused field by field against the campaign's form.
        using var half = await municipality.PutJsonAsync($"/api/v1/submissions/{id}/answers", new { org = new { population = 20000 } }, detail.ETag());
        Assert.Equal(HttpStatusCode.OK, half.StatusCode);
        Assert.NotEqual(detail.ETag(), half.ETag());
        var filled = await municipality.GetFromJsonAsync<JsonElement>(new Uri($"/api/v1/submissions/{id}", UriKind.Relative));
        Assert.Equal("submit,withdraw", string.Join(',', filled.GetProperty("permittedActions").EnumerateArray().Select(a => a.GetString())));
        Assert.Equal(half.ETag(), filled.GetProperty("etag").GetString());
        using var incomplete = await municipality.PostJsonAsync($"/api/v1/submissions/{id}/actions/submit", new { comment = "ส่ง" }, half.ETag());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, incomplete.StatusCode);
        var refusal = await incomplete.JsonAsync();
        Assert.Equal("answers-invalid", refusal.GetProperty("code").GetString());
        var errors = refusal.GetProperty("errors").EnumerateArray().ToList();
        Assert.Contains(errors, e => e.GetProperty("path").GetString() == "org.name" && e.GetProperty("code").GetString() == "required"
            && e.GetProperty("title").GetString()!.Contains("ชื่อ", StringComparison.Ordinal) && e.GetProperty("titleEn").GetString()!.Length > 0);
        Assert.DoesNotContain(errors, e => e.GetProperty("path").GetString() == "org.population");

        using var saved = await municipality.PutJsonAsync($"/api/v1/submissions/{id}/answers", Core.Tests.Forms.DefaultTemplateAnswers.CompleteWithoutFiles, half.ETag());
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        using var submitted = await municipality.PostJsonAsync($"/api/v1/submissions/{id}/actions/submit", new { comment = "ส่ง" }, saved.ETag());
        Assert.Equal(HttpStatusCode.OK, submitted.StatusCode);
        Assert.Equal("atDistrict", (await submitted.JsonAsync()).GetProperty("state").GetString());

        // The district sees it in its list and forwards it.
        var inbox = await district.GetFromJsonAsync<JsonElement>(new Uri($"/api/v1/submissions?campaignId={campaignId}&state=atDistrict", UriKind.Relative));
        Assert.Contains(inbox.GetProperty("items").EnumerateArray(), s => s.GetProperty("id").GetInt32() == id);
        using var forwarded = await district.PostJsonAsync($"/api/v1/submissions/{id}/actions/forward", new { comment = "ตรวจแล้ว" }, submitted.ETag());
        Assert.Equal(HttpStatusCode.OK, forwarded.StatusCode);
        Assert.Equal("atProvince", (await forwarded.JsonAsync()).GetProperty("state").GetString());

        // The campaign wants the paper copy before the province may forward to DLA.
        using var noPaper = await province.PostJsonAsync($"/api/v1/submissions/{id}/actions/forward", new { comment = "ส่งกรม" }, forwarded.ETag());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, noPaper.StatusCode);
        Assert.Equal("paper-copy-required", (await noPaper.JsonAsync()).GetProperty("code").GetString());

        await factory.QueryAsync(db => db.Submissions.Where(s => s.Id == id)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.PaperCopyReceivedUtc, DateTime.UtcNow)));
        // With the copy in, the way to DLA on this round is the cover letter: the plain forward is refused (decision 0018).
        using var plain = await province.PostJsonAsync($"/api/v1/submissions/{id}/actions/forward", new { comment = "ส่งกรม" }, forwarded.ETag());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, plain.StatusCode);
        Assert.Equal("dispatch-required", (await plain.JsonAsync()).GetProperty("code").GetString());
        using var letter = await province.PostJsonAsync("/api/v1/dispatches", new { campaignId, submissionIds = new[] { id }, letterDate = TestDates.DaysAgo(0) });
        Assert.Equal(HttpStatusCode.Created, letter.StatusCode);
        using var toDla = await dla.GetAsync(new Uri($"/api/v1/submissions/{id}", UriKind.Relative));
        Assert.Equal("atDla", (await toDla.JsonAsync()).GetProperty("state").GetString());

        using var accepted = await dla.PostJsonAsync($"/api/v1/submissions/{id}/actions/accept", null, toDla.ETag());
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.Equal("accepted", (await accepted.JsonAsync()).GetProperty("state").GetString());

        var history = (await municipality.GetFromJsonAsync<JsonElement>(new Uri($"/api/v1/submissions/{id}", UriKind.Relative))).GetProperty("history");
        Assert.Equal("create,submit,forward,forward,accept", string.Join(',', history.EnumerateArray().Select(e => e.GetProperty("action").GetString())));
        Assert.Equal("atProvince", history[2].GetProperty("toState").GetString());
    }

    [Fact]
    public async Task A_town_municipality_goes_straight_to_the_province()
    {
        var town = await factory.BearerClientAsync(DemoUsers.Municipality.UserName);

        var (id, _, state) = await town.CreateAndSubmitAsync();

        Assert.Equal("atProvince", state);
        var district = await factory.BearerClientAsync(DemoUsers.District.UserName);
        using var hidden = await district.GetAsync(new Uri($"/api/v1/submissions/{id}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
        var province = await factory.BearerClientAsync(DemoUsers.Province.UserName);
        var detail = await province.GetFromJsonAsync<JsonElement>(new Uri($"/api/v1/submissions/{id}", UriKind.Relative));
        Assert.Equal("81", detail.GetProperty("holder").GetProperty("code").GetString());
        // Forwarding to DLA waits for the paper copy; returning does not.
        Assert.Equal("return", string.Join(',', detail.GetProperty("permittedActions").EnumerateArray().Select(a => a.GetString())));
    }

    [Fact]
    public async Task Saving_answers_needs_If_Match_and_a_stale_one_is_refused()
    {
        var municipality = await factory.BearerClientAsync("muni-810201");
        var campaignId = await municipality.DemoCampaignIdAsync();
        using var created = await municipality.PostJsonAsync($"/api/v1/campaigns/{campaignId}/submissions");
        var id = (await created.JsonAsync()).GetProperty("id").GetInt32();
        var path = $"/api/v1/submissions/{id}/answers";

        using var missing = await municipality.PutJsonAsync(path, new { org = new { population = 1 } }, ifMatch: null);
        Assert.Equal((HttpStatusCode)428, missing.StatusCode);
        Assert.Equal("if-match-required", (await missing.JsonAsync()).GetProperty("code").GetString());

        using var first = await municipality.PutJsonAsync(path, new { org = new { population = 1 } }, created.ETag());
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);

        // The ETag from before the first save is stale now: nothing is overwritten.
        using var stale = await municipality.PutJsonAsync(path, new { org = new { population = 2 } }, created.ETag());
        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
        var problem = await stale.JsonAsync();
        Assert.Equal("stale", problem.GetProperty("code").GetString());
        Assert.Equal("Someone else changed this submission. Please reload it and try again; nothing was overwritten.", problem.GetProperty("titleEn").GetString());

        var answers = (await municipality.GetFromJsonAsync<JsonElement>(new Uri($"/api/v1/submissions/{id}", UriKind.Relative))).GetProperty("answers");
        Assert.Equal(1, answers.GetProperty("org").GetProperty("population").GetInt32());

        // Types and limits are checked on every save, each refusal at its field path; nothing is written.
        using var wrong = await municipality.PutJsonAsync(path, new { org = new { population = "หนึ่งหมื่น", area = 1.234 }, extra = true }, first.ETag());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, wrong.StatusCode);
        var wrongProblem = await wrong.JsonAsync();
        Assert.Equal(
            ["extra", "org.area", "org.population"],
            wrongProblem.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("path").GetString()!).Order(StringComparer.Ordinal));
        using var unchanged = await municipality.GetAsync(new Uri($"/api/v1/submissions/{id}", UriKind.Relative));
        Assert.Equal(first.ETag(), unchanged.ETag());

        using var notAnObject = await municipality.PutJsonAsync(path, Enumerable.Range(1, 2), first.ETag());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, notAnObject.StatusCode);

        using var noIfMatchOnAction = await municipality.PostJsonAsync($"/api/v1/submissions/{id}/actions/withdraw", new { comment = "x" });
        Assert.Equal((HttpStatusCode)428, noIfMatchOnAction.StatusCode);

        using var unknown = await municipality.PostJsonAsync($"/api/v1/submissions/{id}/actions/teleport", new { comment = "x" }, first.ETag());
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("unknown-action", (await unknown.JsonAsync()).GetProperty("code").GetString());

        using var lapse = await municipality.PostJsonAsync($"/api/v1/submissions/{id}/actions/lapse", new { comment = "x" }, first.ETag());
        Assert.Equal(HttpStatusCode.NotFound, lapse.StatusCode);
    }

    [Fact]
    public async Task A_district_extends_a_drafts_deadline_given_in_Bangkok_time_and_a_return_needs_a_comment()
    {
        var municipality = await factory.BearerClientAsync("muni-810301");
        var district = await factory.BearerClientAsync("district-8103");
        var campaignId = await municipality.DemoCampaignIdAsync();
        using var created = await municipality.PostJsonAsync($"/api/v1/campaigns/{campaignId}/submissions");
        var draft = await created.JsonAsync();
        var id = draft.GetProperty("id").GetInt32();
        var deadline = DateTimeOffset.Parse(draft.GetProperty("effectiveDeadline").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        var extended = deadline.AddHours(12);

        using var noReason = await district.PostJsonAsync($"/api/v1/submissions/{id}/actions/extend", new { extendedDeadline = extended }, created.ETag());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, noReason.StatusCode);
        Assert.Equal("comment-required", (await noReason.JsonAsync()).GetProperty("code").GetString());

        using var granted = await district.PostJsonAsync(
            $"/api/v1/submissions/{id}/actions/extend", new { comment = "น้ำท่วมสำนักงาน", extendedDeadline = extended.ToString("yyyy-MM-dd'T'HH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture) }, created.ETag());
        Assert.Equal(HttpStatusCode.OK, granted.StatusCode);
        Assert.Equal("draft", (await granted.JsonAsync()).GetProperty("state").GetString());

        var detail = await municipality.GetFromJsonAsync<JsonElement>(new Uri($"/api/v1/submissions/{id}", UriKind.Relative));
        Assert.Equal(extended, DateTimeOffset.Parse(detail.GetProperty("extendedDeadline").GetString()!, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(extended, DateTimeOffset.Parse(detail.GetProperty("effectiveDeadline").GetString()!, System.Globalization.CultureInfo.InvariantCulture));
        Assert.EndsWith("+07:00", detail.GetProperty("extendedDeadline").GetString(), StringComparison.Ordinal);

        using var saved = await municipality.PutJsonAsync($"/api/v1/submissions/{id}/answers", Core.Tests.Forms.DefaultTemplateAnswers.CompleteWithoutFiles, granted.ETag());
        using var submitted = await municipality.PostJsonAsync($"/api/v1/submissions/{id}/actions/submit", null, saved.ETag());
        Assert.Equal(HttpStatusCode.OK, submitted.StatusCode);
        using var bareReturn = await district.PostJsonAsync($"/api/v1/submissions/{id}/actions/return", new { comment = "  " }, submitted.ETag());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, bareReturn.StatusCode);
        Assert.Equal("comment-required", (await bareReturn.JsonAsync()).GetProperty("code").GetString());
        using var returned = await district.PostJsonAsync($"/api/v1/submissions/{id}/actions/return", new { comment = "แนบภาพถ่ายเพิ่ม" }, submitted.ETag());
        Assert.Equal(HttpStatusCode.OK, returned.StatusCode);
        Assert.Equal("returned", (await returned.JsonAsync()).GetProperty("state").GetString());
    }

    [Theory]
    [InlineData("muni-810103", "district-8101")]
    [InlineData("muni-810401", "district-8104")]
    [InlineData("muni-810501", "district-8105")]
    public async Task Two_officers_forwarding_at_once_one_wins_and_the_other_gets_412(string municipalityUser, string districtUser)
    {
        var municipality = await factory.BearerClientAsync(municipalityUser);
        var (id, etag, state) = await municipality.CreateAndSubmitAsync();
        Assert.Equal("atDistrict", state);
        var district = await factory.BearerClientAsync(districtUser);
        // The same office signed in twice (two tabs, two scripts): both read the same ETag.
        using var colleague = await factory.NewBearerClientAsync(districtUser);

        var responses = await Task.WhenAll(
            district.PostJsonAsync($"/api/v1/submissions/{id}/actions/forward", new { comment = "คนที่หนึ่ง" }, etag),
            colleague.PostJsonAsync($"/api/v1/submissions/{id}/actions/forward", new { comment = "คนที่สอง" }, etag));
        try
        {
            Assert.Equal(
                new[] { HttpStatusCode.OK, HttpStatusCode.PreconditionFailed },
                responses.Select(r => r.StatusCode).OrderBy(s => (int)s).ToArray());
            var loser = responses.Single(r => r.StatusCode == HttpStatusCode.PreconditionFailed);
            Assert.Equal("stale", (await loser.JsonAsync()).GetProperty("code").GetString());
        }
        finally
        {
            foreach (var r in responses)
            {
                r.Dispose();
            }
        }

        var forwards = await factory.QueryAsync(db => db.WorkflowEvents.CountAsync(e => e.SubmissionId == id && e.Action == "forward"));
        Assert.Equal(1, forwards);
        var detail = await district.GetFromJsonAsync<JsonElement>(new Uri($"/api/v1/submissions/{id}", UriKind.Relative));
        Assert.Equal("atProvince", detail.GetProperty("state").GetString());
    }
}
