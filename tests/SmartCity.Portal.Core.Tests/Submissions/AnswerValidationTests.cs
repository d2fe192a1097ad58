using Microsoft.EntityFrameworkCore;
using SmartCity.Portal.Attachments;
using SmartCity.Portal.Core.Tests.Forms;
using SmartCity.Portal.Core.Tests.Infrastructure;
using SmartCity.Portal.Forms;
using SmartCity.Portal.Submissions;
using SmartCity.Portal.Submissions.Workflow;
using static SmartCity.Portal.Core.Tests.Submissions.WorkflowTestKit;

namespace SmartCity.Portal.Core.Tests.Submissions;

/// <summary>
/// The report's answers are held to the form version it started on, by the service itself: a save checks
/// types and limits, a submit checks everything, and a refused call writes nothing.
/// </summary>
public sealed class AnswerValidationTests(DemoDatabase database) : IClassFixture<DemoDatabase>
{
    private SubmissionService Submissions => Service(database, ClockAt(Early));

    private FormService Forms => new(database.Factory, ClockAt(Early));

    [Fact]
    public async Task A_save_with_a_wrong_type_or_an_unknown_field_is_refused_by_path_and_nothing_is_written()
    {
        var (municipality, draft) = await DraftOnDefaultFormAsync("muni-810116");
        var before = await RowAsync(draft.Id);

        const string bad = """{"org": {"name": "เทศบาลตำบลอ่าวนาง", "population": "สามหมื่น"}, "hacked": true}""";
        var refused = await Assert.ThrowsAsync<FormAnswersInvalidException>(
            () => Submissions.SaveAnswersAsync(municipality, draft.Id, draft.ConcurrencyToken, bad));

        Assert.Equal(["hacked", "org.population"], refused.Errors.Select(e => e.Path).Order(StringComparer.Ordinal));
        Assert.Equal("answers-invalid", refused.PortalMessage.Code);
        Assert.Contains("จำนวนประชากร", refused.Errors.Single(e => e.Path == "org.population").Message.Th, StringComparison.Ordinal);
        var after = await RowAsync(draft.Id);
        Assert.Equal((before.AnswersJson, before.ConcurrencyToken), (after.AnswersJson, after.ConcurrencyToken));
    }

    [Fact]
    public async Task A_half_done_draft_saves_but_does_not_submit_and_a_complete_one_does()
    {
        var (municipality, draft) = await DraftOnDefaultFormAsync("muni-810103");
        var token = await Submissions.SaveAnswersAsync(municipality, draft.Id, draft.ConcurrencyToken, """{"org": {"name": "เทศบาลตำบลทดสอบ"}}""");

        var refused = await Assert.ThrowsAsync<FormAnswersInvalidException>(
            () => Submissions.ActAsync(municipality, draft.Id, new ActionRequest(WorkflowAction.Submit, token)));
        Assert.Contains(refused.Errors, e => e.Path == "org.population" && e.Code == "required");
        Assert.Contains(refused.Errors, e => e.Path == "certification.certifierName" && e.Code == "required");
        Assert.DoesNotContain(refused.Errors, e => e.Path == "org.name");
        var still = await Submissions.GetAsync(municipality, draft.Id);
        Assert.Equal(SubmissionState.Draft, still.State);
        Assert.Null(still.ReferenceNo);
        Assert.Single(still.History); // only "create": a refused submit leaves no event

        token = await Submissions.SaveAnswersAsync(municipality, draft.Id, token, DefaultTemplateAnswers.CompleteWithoutFiles);
        var submitted = await Submissions.ActAsync(municipality, draft.Id, new ActionRequest(WorkflowAction.Submit, token));
        Assert.Equal(SubmissionState.AtDistrict, submitted.State);
    }

    [Fact]
    public async Task File_answers_may_name_only_the_reports_own_files_that_were_not_removed()
    {
        var (municipality, draft) = await DraftOnDefaultFormAsync("muni-810201");
        var (_, other) = await DraftOnDefaultFormAsync("muni-810301", (await RowAsync(draft.Id)).CampaignId);
        var own = await AddAttachmentAsync(draft.Id, "vision.localPlanFiles");
        var removed = await AddAttachmentAsync(draft.Id, "vision.localPlanFiles", deleted: true);
        var foreign = await AddAttachmentAsync(other.Id, "vision.localPlanFiles");

        static string Files(params int[] ids) => $$$"""{"vision": {"localPlanFiles": [{{{string.Join(",", ids)}}}]}}""";
        var token = await Submissions.SaveAnswersAsync(municipality, draft.Id, draft.ConcurrencyToken, Files(own));

        foreach (var id in new[] { foreign, removed, 999_999 })
        {
            var refused = await Assert.ThrowsAsync<FormAnswersInvalidException>(() => Submissions.SaveAnswersAsync(municipality, draft.Id, token, Files(own, id)));
            Assert.Equal(("vision.localPlanFiles", "unknown-file"), (refused.Errors.Single().Path, refused.Errors.Single().Code));
        }

        var twice = await Assert.ThrowsAsync<FormAnswersInvalidException>(() => Submissions.SaveAnswersAsync(municipality, draft.Id, token, Files(own, own)));
        Assert.Equal("duplicate-file", twice.Errors.Single().Code);
        Assert.Equal(Files(own), (await RowAsync(draft.Id)).AnswersJson);
    }

    [Fact]
    public async Task A_report_keeps_being_checked_against_its_own_version_after_DLA_publishes_a_stricter_one()
    {
        var (municipality, draft) = await DraftOnDefaultFormAsync("muni-810401");
        var campaignId = (await RowAsync(draft.Id)).CampaignId;

        // Version 2 adds a required question to the organisation part; the report started on version 1.
        var template = DefaultSmartCityForm.Create();
        var org = template.Sections[0];
        var stricter = template with
        {
            Sections = [org with { Items = [.. org.Items, new FormQuestion("website", FormQuestionType.ShortText, "เว็บไซต์", "Website") { Required = true }] }, .. template.Sections.Skip(1)],
        };
        await Forms.PublishAsync(await database.SignInAsync("dla"), campaignId, stricter);

        var token = await Submissions.SaveAnswersAsync(municipality, draft.Id, draft.ConcurrencyToken, DefaultTemplateAnswers.CompleteWithoutFiles);
        var submitted = await Submissions.ActAsync(municipality, draft.Id, new ActionRequest(WorkflowAction.Submit, token));
        Assert.Equal(SubmissionState.AtDistrict, submitted.State);

        // A report started now is on version 2 and must answer the new question.
        var (later, laterDraft) = await DraftOnDefaultFormAsync("muni-810501", campaignId, publish: false);
        var laterToken = await Submissions.SaveAnswersAsync(later, laterDraft.Id, laterDraft.ConcurrencyToken, DefaultTemplateAnswers.CompleteWithoutFiles);
        var refused = await Assert.ThrowsAsync<FormAnswersInvalidException>(
            () => Submissions.ActAsync(later, laterDraft.Id, new ActionRequest(WorkflowAction.Submit, laterToken)));
        Assert.Equal("org.website", refused.Errors.Single().Path);
    }

    [Fact]
    public async Task A_report_begun_before_its_campaign_had_a_form_keeps_its_free_answers()
    {
        var campaignId = await AddCampaignAsync(database);
        var municipality = await database.SignInAsync("muni-810601");
        var draft = await Submissions.CreateOrGetAsync(municipality, campaignId);
        Assert.Null(draft.FormVersionId);

        var token = await Submissions.SaveAnswersAsync(municipality, draft.Id, draft.ConcurrencyToken, Answers);
        var submitted = await Submissions.ActAsync(municipality, draft.Id, new ActionRequest(WorkflowAction.Submit, token));
        Assert.Equal(SubmissionState.AtDistrict, submitted.State);
    }

    private async Task<(System.Security.Claims.ClaimsPrincipal User, SubmissionDetail Draft)> DraftOnDefaultFormAsync(
        string userName, int? campaignId = null, bool publish = true)
    {
        var id = campaignId ?? await AddCampaignAsync(database);
        if (campaignId is null && publish)
        {
            await Forms.PublishAsync(await database.SignInAsync("dla"), id, DefaultSmartCityForm.Create());
        }

        var user = await database.SignInAsync(userName);
        var draft = await Submissions.CreateOrGetAsync(user, id);
        Assert.NotNull(draft.FormVersionId);
        return (user, draft);
    }

    private async Task<Submission> RowAsync(int submissionId)
    {
        await using var db = database.CreateContext();
        return await db.Submissions.AsNoTracking().SingleAsync(s => s.Id == submissionId);
    }

    private async Task<int> AddAttachmentAsync(int submissionId, string field, bool deleted = false)
    {
        await using var db = database.CreateContext();
        var row = new Attachment
        {
            SubmissionId = submissionId,
            FieldPath = field,
            OriginalFileName = "แผนพัฒนาท้องถิ่น.pdf",
            StoredFileName = Guid.NewGuid().ToString("N") + ".pdf",
            Kind = FileKind.Pdf,
            ContentType = "application/pdf",
            Length = 1234,
            Sha256 = new string('a', 64),
            UploadedUtc = Early,
            UploadedByUserName = "muni-test",
            DeletedUtc = deleted ? Early : null,
        };
        db.Attachments.Add(row);
        await db.SaveChangesAsync();
        return row.Id;
    }
}
