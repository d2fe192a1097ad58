using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using SmartCity.Portal.Core.Tests.Forms;
using SmartCity.Portal.Web.Tests.Infrastructure;

namespace SmartCity.Portal.Web.Tests.Api;

/// <summary>
/// A report filed by an integration through the API alone, step by step as the page does it: read the
/// form, save answers, upload evidence, name it in the answers, submit. The offices then read it like any other.
/// </summary>
public sealed class ApiOnlySubmissionTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task Answers_an_attachment_and_submit_through_the_API_make_a_whole_report_the_district_can_read()
    {
        var municipality = await factory.BearerClientAsync("muni-810103");
        var campaignId = await municipality.DemoCampaignIdAsync();
        using var created = await municipality.PostJsonAsync($"/api/v1/campaigns/{campaignId}/submissions");
        var draft = await created.JsonAsync();
        var id = draft.GetProperty("id").GetInt32();

        // The report names its form version; that version is readable by id and holds the evidence question.
        var formVersionId = draft.GetProperty("formVersionId").GetInt32();
        var form = await municipality.GetFromJsonAsync<JsonElement>(new Uri($"/api/v1/forms/{formVersionId}", UriKind.Relative));
        Assert.Equal(formVersionId, form.GetProperty("formVersionId").GetInt32());
        Assert.Contains(form.GetProperty("definition").GetProperty("sections").EnumerateArray(), s => s.GetProperty("id").GetString() == "projects");

        using var saved = await municipality.PutJsonAsync($"/api/v1/submissions/{id}/answers", DefaultTemplateAnswers.CompleteWithoutFiles, created.ETag());
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        var pdf = ApiAttachmentTests.Pdf(1_500);
        using var uploaded = await ApiAttachmentTests.UploadAsync(municipality, id, pdf, "ภาพกิจกรรมโครงการ.pdf", "projects.items[0].evidence");
        Assert.Equal(HttpStatusCode.Created, uploaded.StatusCode);
        var attachmentId = (await uploaded.JsonAsync()).GetProperty("id").GetInt32();

        var answers = JsonNode.Parse(DefaultTemplateAnswers.CompleteWithoutFiles)!.AsObject();
        answers["projects"]!["items"]![0]!["evidence"] = new JsonArray(attachmentId);
        using var withFile = await municipality.PutJsonAsync($"/api/v1/submissions/{id}/answers", answers.ToJsonString(), saved.ETag());
        Assert.Equal(HttpStatusCode.OK, withFile.StatusCode);
        using var submitted = await municipality.PostJsonAsync($"/api/v1/submissions/{id}/actions/submit", new { comment = "ส่งผ่านระบบของเทศบาล" }, withFile.ETag());
        Assert.Equal(HttpStatusCode.OK, submitted.StatusCode);

        // The district reads exactly what was sent, with the reference a browser submit gets, and downloads the file.
        var district = await factory.BearerClientAsync("district-8101");
        var report = await district.GetFromJsonAsync<JsonElement>(new Uri($"/api/v1/submissions/{id}", UriKind.Relative));
        Assert.Equal("atDistrict", report.GetProperty("state").GetString());
        Assert.Matches(@"^SC2567-81-\d{4}$", report.GetProperty("referenceNo").GetString());
        Assert.True(JsonNode.DeepEquals(answers, JsonNode.Parse(report.GetProperty("answers").GetRawText())), "the stored answers differ from those sent");
        Assert.Equal(["create", "submit"], report.GetProperty("history").EnumerateArray().Select(e => e.GetProperty("action").GetString()!));
        using var download = await district.GetAsync(new Uri($"/api/v1/attachments/{attachmentId}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(pdf, await download.Content.ReadAsByteArrayAsync());

        var otherDistrict = await factory.BearerClientAsync("district-8102");
        using var refused = await otherDistrict.GetAsync(new Uri($"/api/v1/attachments/{attachmentId}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
    }
}
