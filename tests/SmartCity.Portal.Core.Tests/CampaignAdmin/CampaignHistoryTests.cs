using Microsoft.Extensions.Options;
using SmartCity.Portal.Attachments;
using SmartCity.Portal.Campaigns;
using SmartCity.Portal.Common;
using SmartCity.Portal.Core.Tests.Infrastructure;
using SmartCity.Portal.Data;
using SmartCity.Portal.Forms;
using SmartCity.Portal.Submissions.Routing;

namespace SmartCity.Portal.Core.Tests.CampaignAdmin;

/// <summary>
/// Everything DLA does to a round is on record, with who and, for a change, which field went from what to what.
/// A class (and database) of its own: it uploads a document, and CampaignAdminServiceTests checks that its
/// refused uploads leave the documents folder empty.
/// </summary>
public sealed class CampaignHistoryTests(DemoDatabase database) : IClassFixture<DemoDatabase>
{
    private static readonly DateTime LetterDate = new(2026, 11, 19, 17, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime SubmissionDeadline = new(2027, 1, 15, 9, 30, 0, DateTimeKind.Utc);
    private static readonly DateTime DlaDeadline = new(2027, 1, 29, 9, 30, 0, DateTimeKind.Utc);

    private CampaignAdminService Admin => new(database.Factory, database.Clock);

    private FormService Forms => new(database.Factory, database.Clock);

    private CampaignDocumentService Documents =>
        new(database.Factory, new StorageOptions { DataDirectory = database.DataDirectory }, Options.Create(new AttachmentOptions()), database.Clock);

    [Fact]
    public async Task Create_change_publish_document_open_and_close_are_recorded_newest_first_with_the_changed_fields()
    {
        var dla = await database.SignInAsync("dla");
        var details = new CampaignDetails("รอบทดสอบประวัติ", 2570, "มท ๐๘๑๐.๒/ว ๑", LetterDate, SubmissionDeadline, DlaDeadline, true, RoutingRule.Default);
        var created = await Admin.CreateAsync(dla, details);
        var earlier = SubmissionDeadline.AddDays(-5);
        var changed = await Admin.UpdateAsync(dla, created.Id, created.ConcurrencyToken, details with { SubmissionDeadlineUtc = earlier, Title = "รอบทดสอบประวัติ (แก้ไข)" });
        // Saving the same details again changes nothing and records nothing.
        await Admin.UpdateAsync(dla, created.Id, changed.ConcurrencyToken, details with { SubmissionDeadlineUtc = earlier, Title = "รอบทดสอบประวัติ (แก้ไข)" });
        await Forms.PublishAsync(dla, created.Id, DefaultSmartCityForm.Create());
        await Documents.UploadAsync(dla, created.Id, CampaignDocumentKind.Criteria, "หลักเกณฑ์.pdf", new MemoryStream("%PDF-1.4\n%%EOF\n"u8.ToArray()));
        await Admin.OpenAsync(await database.SignInAsync("admin"), created.Id);
        await Admin.CloseAsync(dla, created.Id);

        var history = await Admin.HistoryAsync(dla, created.Id);

        Assert.Equal(["close", "open", "document-add", "publish-form", "update", "create"], history.Select(e => e.Action));
        Assert.Equal(["dla", "admin", "dla", "dla", "dla", "dla"], history.Select(e => e.UserName));
        Assert.Equal("1", history.Single(e => e.Action == "publish-form").Detail);
        Assert.Equal("หลักเกณฑ์.pdf", history.Single(e => e.Action == "document-add").Detail);
        var update = history.Single(e => e.Action == "update");
        Assert.Equal(
            [
                new CampaignFieldChange("title", "รอบทดสอบประวัติ", "รอบทดสอบประวัติ (แก้ไข)"),
                new CampaignFieldChange("submissionDeadline", "2027-01-15T09:30:00Z", "2027-01-10T09:30:00Z"),
            ],
            update.Changes);
    }

    [Fact]
    public async Task Only_DLA_reads_a_rounds_history()
    {
        var created = await Admin.CreateAsync(await database.SignInAsync("dla"),
            new CampaignDetails("รอบทดสอบสิทธิ์", 2570, "มท ๑", LetterDate, SubmissionDeadline, DlaDeadline, false, RoutingRule.Default));
        await Assert.ThrowsAsync<PortalAccessDeniedException>(async () => await Admin.HistoryAsync(await database.SignInAsync("province-81"), created.Id));
        await Assert.ThrowsAsync<PortalNotFoundException>(async () => await Admin.HistoryAsync(await database.SignInAsync("dla"), 999_999));
    }
}
