using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SmartCity.Portal.Attachments;
using SmartCity.Portal.Campaigns;
using SmartCity.Portal.Common;
using SmartCity.Portal.Core.Tests.Infrastructure;
using SmartCity.Portal.Data;
using SmartCity.Portal.Forms;
using SmartCity.Portal.Organisations;
using SmartCity.Portal.Submissions.Routing;
using SmartCity.Portal.Submissions.Workflow;

namespace SmartCity.Portal.Core.Tests.CampaignAdmin;

/// <summary>DLA's campaign administration on a real SQLite file; every test creates its own campaign.</summary>
public sealed class CampaignAdminServiceTests(DemoDatabase database) : IClassFixture<DemoDatabase>
{
    // The fixture's clock stands at 25 Nov 2026 03:00 UTC; these lie ahead of it.
    private static readonly DateTime LetterDate = new(2026, 11, 19, 17, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime SubmissionDeadline = new(2027, 1, 15, 9, 30, 0, DateTimeKind.Utc);
    private static readonly DateTime DlaDeadline = new(2027, 1, 29, 9, 30, 0, DateTimeKind.Utc);

    private CampaignAdminService Admin => new(database.Factory, database.Clock);

    private CampaignService Campaigns => new(database.Factory, database.Clock);

    private FormService Forms => new(database.Factory, database.Clock);

    private CampaignDocumentService Documents =>
        new(database.Factory, new StorageOptions { DataDirectory = database.DataDirectory }, Options.Create(new AttachmentOptions()), database.Clock);

    private static CampaignDetails Details(string? title = null) => new(
        title ?? "การคัดเลือกทดสอบ " + Guid.NewGuid().ToString("N")[..8], 2570, "มท ๐๘๑๐.๒/ว ๑๒๓", LetterDate, SubmissionDeadline, DlaDeadline, true, RoutingRule.Default);

    [Theory]
    [InlineData("muni-810116")]
    [InlineData("district-8101")]
    [InlineData("province-81")]
    public async Task Only_DLA_and_administrators_manage_campaigns(string userName)
    {
        var user = await database.SignInAsync(userName);
        var existing = await Admin.CreateAsync(await database.SignInAsync("dla"), Details());

        Assert.Equal(CampaignAdminMessages.Forbidden, (await Assert.ThrowsAsync<PortalAccessDeniedException>(() => Admin.CreateAsync(user, Details()))).PortalMessage);
        await Assert.ThrowsAsync<PortalAccessDeniedException>(() => Admin.ListAsync(user));
        await Assert.ThrowsAsync<PortalAccessDeniedException>(() => Admin.UpdateAsync(user, existing.Id, existing.ConcurrencyToken, Details()));
        await Assert.ThrowsAsync<PortalAccessDeniedException>(() => Admin.OpenAsync(user, existing.Id));
        await Assert.ThrowsAsync<PortalAccessDeniedException>(() => Admin.CloseAsync(user, existing.Id));
        await Assert.ThrowsAsync<PortalAccessDeniedException>(() => Forms.SaveDraftAsync(user, existing.Id, DefaultSmartCityForm.Create()));
        await Assert.ThrowsAsync<PortalAccessDeniedException>(() => Documents.UploadAsync(user, existing.Id, CampaignDocumentKind.Criteria, "x.pdf", new MemoryStream(Pdf())));

        var admin = await Admin.CreateAsync(await database.SignInAsync("admin"), Details());
        Assert.Equal(CampaignState.Draft, admin.State);
    }

    [Fact]
    public async Task Details_are_checked_in_order_with_a_message_for_each_rule()
    {
        var dla = await database.SignInAsync("dla");

        async Task<PortalMessage> Refused(CampaignDetails details) =>
            (await Assert.ThrowsAsync<PortalValidationException>(() => Admin.CreateAsync(dla, details))).PortalMessage;

        Assert.Equal(CampaignAdminMessages.TitleRequired, await Refused(Details() with { Title = "   " }));
        Assert.Equal(CampaignAdminMessages.LetterRequired, await Refused(Details() with { LetterNo = "" }));
        Assert.Equal(CampaignAdminMessages.FiscalYearImplausible, await Refused(Details() with { FiscalYear = 2027 }));
        Assert.Equal(CampaignAdminMessages.FiscalYearImplausible, await Refused(Details() with { FiscalYear = 2701 }));
        Assert.Equal(CampaignAdminMessages.LetterAfterDeadline, await Refused(Details() with { LetterDateUtc = SubmissionDeadline.AddMinutes(1) }));
        Assert.Equal(CampaignAdminMessages.SubmissionAfterDla, await Refused(Details() with { SubmissionDeadlineUtc = DlaDeadline.AddSeconds(1) }));

        // The edges are allowed: the same instant is "in order".
        var edge = await Admin.CreateAsync(dla, Details() with { LetterDateUtc = SubmissionDeadline, DlaDeadlineUtc = SubmissionDeadline });
        Assert.Equal(SubmissionDeadline, edge.Details.DlaDeadlineUtc);
    }

    [Fact]
    public async Task A_campaign_goes_from_draft_to_open_to_closed_and_is_hidden_from_other_tiers_while_draft()
    {
        var dla = await database.SignInAsync("dla");
        var municipality = await database.SignInAsync("muni-810116");
        var created = await Admin.CreateAsync(dla, Details());
        Assert.Equal(CampaignState.Draft, created.State);
        Assert.Null(created.PublishedFormVersion);

        await Assert.ThrowsAsync<PortalNotFoundException>(() => Campaigns.GetAsync(municipality, created.Id));
        Assert.DoesNotContain(await Campaigns.ListAsync(await database.SignInAsync("province-81")), c => c.Id == created.Id);

        await Forms.SaveDraftAsync(dla, created.Id, DefaultSmartCityForm.Create());
        Assert.True((await Admin.GetAsync(dla, created.Id)).HasDraftForm);
        var published = await Forms.PublishDraftAsync(dla, created.Id);
        Assert.Equal(1, published.Version);

        var open = await Admin.OpenAsync(dla, created.Id);
        Assert.Equal(CampaignState.Open, open.State);
        Assert.Equal(1, open.PublishedFormVersion);
        Assert.False(open.HasDraftForm);
        Assert.Equal(CampaignState.Open, (await Campaigns.GetAsync(municipality, created.Id)).State);
        Assert.Equal(1, (await Forms.GetPublishedAsync(municipality, created.Id)).Version);

        Assert.Equal(CampaignAdminMessages.CannotOpen, (await Assert.ThrowsAsync<PortalConflictException>(() => Admin.OpenAsync(dla, created.Id))).PortalMessage);
        var closed = await Admin.CloseAsync(dla, created.Id);
        Assert.Equal(CampaignState.Closed, closed.State);
        Assert.Equal(CampaignAdminMessages.CannotClose, (await Assert.ThrowsAsync<PortalConflictException>(() => Admin.CloseAsync(dla, created.Id))).PortalMessage);
        Assert.Equal(CampaignState.Open, (await Admin.OpenAsync(dla, created.Id)).State);
    }

    [Fact]
    public async Task Opening_without_a_published_form_or_after_the_deadline_is_refused_saying_why()
    {
        var dla = await database.SignInAsync("dla");
        var created = await Admin.CreateAsync(dla, Details());

        // A draft form is not enough: municipalities would have nothing to fill in.
        await Forms.SaveDraftAsync(dla, created.Id, DefaultSmartCityForm.Create());
        var refused = await Assert.ThrowsAsync<PortalValidationException>(() => Admin.OpenAsync(dla, created.Id));
        Assert.Equal(CampaignAdminMessages.NoPublishedForm, refused.PortalMessage);
        Assert.Contains("แบบรายงาน", refused.PortalMessage.Th, StringComparison.Ordinal);
        Assert.Equal(CampaignState.Draft, (await Admin.GetAsync(dla, created.Id)).State);

        var past = await Admin.CreateAsync(dla, Details() with
        {
            LetterDateUtc = new DateTime(2026, 10, 1, 0, 0, 0, DateTimeKind.Utc),
            SubmissionDeadlineUtc = new DateTime(2026, 11, 20, 9, 30, 0, DateTimeKind.Utc),
        });
        await Forms.PublishAsync(dla, past.Id, DefaultSmartCityForm.Create());
        Assert.Equal(CampaignAdminMessages.DeadlineInPast, (await Assert.ThrowsAsync<PortalValidationException>(() => Admin.OpenAsync(dla, past.Id))).PortalMessage);
    }

    [Fact]
    public async Task An_update_on_a_stale_token_changes_nothing()
    {
        var dla = await database.SignInAsync("dla");
        var created = await Admin.CreateAsync(dla, Details("ชื่อเดิม"));

        var first = await Admin.UpdateAsync(dla, created.Id, created.ConcurrencyToken, Details("ชื่อของเจ้าหน้าที่คนแรก"));
        var stale = await Assert.ThrowsAsync<PortalStaleException>(() => Admin.UpdateAsync(dla, created.Id, created.ConcurrencyToken, Details("ชื่อของเจ้าหน้าที่คนที่สอง")));

        Assert.Equal(CampaignAdminMessages.Stale, stale.PortalMessage);
        Assert.NotEqual(created.ConcurrencyToken, first.ConcurrencyToken);
        Assert.Equal("ชื่อของเจ้าหน้าที่คนแรก", (await Admin.GetAsync(dla, created.Id)).Details.Title);
    }

    [Fact]
    public async Task The_routing_rule_changes_only_while_draft()
    {
        var dla = await database.SignInAsync("dla");
        var created = await Admin.CreateAsync(dla, Details());
        var allViaDistrict = new RoutingRule(Enum.GetValues<MunicipalityClass>().ToDictionary(c => c, _ => true));

        var changed = await Admin.UpdateAsync(dla, created.Id, created.ConcurrencyToken, Details() with { Routing = allViaDistrict });
        Assert.True(changed.Details.Routing.PassesDistrict(MunicipalityClass.Town));

        await Forms.PublishAsync(dla, created.Id, DefaultSmartCityForm.Create());
        var open = await Admin.OpenAsync(dla, created.Id);
        var refused = await Assert.ThrowsAsync<PortalValidationException>(() => Admin.UpdateAsync(dla, open.Id, open.ConcurrencyToken, Details() with { Routing = RoutingRule.Default }));
        Assert.Equal(CampaignAdminMessages.RoutingLocked, refused.PortalMessage);
    }

    [Fact]
    public async Task A_child_office_deadline_is_never_after_its_parents_and_DLA_cannot_move_before_an_office_naming_it()
    {
        var dla = await database.SignInAsync("dla");
        var province = await database.SignInAsync("province-81");
        var district = await database.SignInAsync("district-8101");
        var created = await Admin.CreateAsync(dla, Details());
        await Forms.PublishAsync(dla, created.Id, DefaultSmartCityForm.Create());
        var open = await Admin.OpenAsync(dla, created.Id);

        var provinceDeadline = SubmissionDeadline.AddDays(-1);
        await Campaigns.SetOwnDeadlineAsync(province, created.Id, provinceDeadline);

        // District after its province, and after the campaign: both refused, the limit named.
        var afterProvince = await Assert.ThrowsAsync<PortalValidationException>(() => Campaigns.SetOwnDeadlineAsync(district, created.Id, provinceDeadline.AddMinutes(1)));
        Assert.Equal(WorkflowMessages.OwnDeadlineAfterParent(provinceDeadline), afterProvince.PortalMessage);
        await Assert.ThrowsAsync<PortalValidationException>(() => Campaigns.SetOwnDeadlineAsync(district, created.Id, SubmissionDeadline.AddMinutes(1)));
        await Campaigns.SetOwnDeadlineAsync(district, created.Id, provinceDeadline.AddHours(-2));

        // DLA moves the municipalities' deadline before the province's own: refused, the offices named.
        var view = await Admin.GetAsync(dla, created.Id);
        Assert.Equal(2, view.OfficeDeadlines.Count);
        var refused = await Assert.ThrowsAsync<PortalValidationException>(() =>
            Admin.UpdateAsync(dla, created.Id, view.ConcurrencyToken, Details() with { Title = view.Details.Title, SubmissionDeadlineUtc = provinceDeadline.AddHours(-3) }));
        Assert.Equal("campaign-deadline-before-offices", refused.PortalMessage.Code);
        string provinceName, districtName;
        await using (var db = database.CreateContext())
        {
            provinceName = await db.OrgUnits.Where(o => o.Code == "81").Select(o => o.NameTh).SingleAsync();
            districtName = await db.OrgUnits.Where(o => o.Code == "8101").Select(o => o.NameTh).SingleAsync();
        }

        Assert.Contains(provinceName, refused.PortalMessage.Th, StringComparison.Ordinal);
        Assert.Contains(districtName, refused.PortalMessage.Th, StringComparison.Ordinal);
        Assert.Contains(ThaiTime.FormatDateTime(provinceDeadline), refused.PortalMessage.Th, StringComparison.Ordinal);
        Assert.Equal(SubmissionDeadline, (await Admin.GetAsync(dla, created.Id)).Details.SubmissionDeadlineUtc);

        // At or after every office's own deadline it goes through.
        var moved = await Admin.UpdateAsync(dla, created.Id, view.ConcurrencyToken, Details() with { Title = view.Details.Title, SubmissionDeadlineUtc = provinceDeadline });
        Assert.Equal(provinceDeadline, moved.Details.SubmissionDeadlineUtc);
        Assert.Equal(CampaignState.Open, open.State);
    }

    [Fact]
    public async Task A_form_draft_is_DLAs_alone_and_publishing_it_makes_the_next_version_without_touching_the_last()
    {
        var dla = await database.SignInAsync("dla");
        var municipality = await database.SignInAsync("muni-810116");
        var created = await Admin.CreateAsync(dla, Details());
        var v1 = await Forms.PublishAsync(dla, created.Id, DefaultSmartCityForm.Create());
        await Admin.OpenAsync(dla, created.Id);

        var template = DefaultSmartCityForm.Create();
        var draft = await Forms.SaveDraftAsync(dla, created.Id, template with { TitleTh = "แบบรายงานฉบับปรับปรุง" });
        Assert.Null(draft.PublishedUtc);
        await Assert.ThrowsAsync<PortalNotFoundException>(() => Forms.GetVersionAsync(municipality, draft.Id));
        Assert.Equal(1, (await Forms.GetPublishedAsync(municipality, created.Id)).Version);

        // A draft that does not pass the checker can be saved (work in progress) but not published.
        var broken = template with { Sections = [.. template.Sections, new FormSection("extra", "", "", [])] };
        await Forms.SaveDraftAsync(dla, created.Id, broken);
        var refused = await Assert.ThrowsAsync<PortalValidationException>(() => Forms.PublishDraftAsync(dla, created.Id));
        Assert.Equal("form-definition-invalid", refused.PortalMessage.Code);

        await Forms.SaveDraftAsync(dla, created.Id, template with { TitleTh = "แบบรายงานฉบับปรับปรุง" });
        var v2 = await Forms.PublishDraftAsync(dla, created.Id);
        Assert.Equal(2, v2.Version);
        Assert.Equal("แบบรายงานฉบับปรับปรุง", (await Forms.GetPublishedAsync(municipality, created.Id)).Definition.TitleTh);
        Assert.Equal(DefaultSmartCityForm.TitleTh, (await Forms.GetVersionAsync(municipality, v1.Id)).Definition.TitleTh);
        Assert.Null(await Forms.GetDraftAsync(dla, created.Id));
    }

    [Fact]
    public async Task An_executable_renamed_pdf_is_refused_and_leaves_no_file()
    {
        var dla = await database.SignInAsync("dla");
        var created = await Admin.CreateAsync(dla, Details());
        var exe = new byte[2048];
        "MZ"u8.CopyTo(exe);

        var refused = await Assert.ThrowsAsync<PortalValidationException>(() =>
            Documents.UploadAsync(dla, created.Id, CampaignDocumentKind.Criteria, "หลักเกณฑ์.pdf", new MemoryStream(exe)));

        Assert.Equal(CampaignAdminMessages.DocumentType, refused.PortalMessage);
        Assert.Empty(await Documents.ListAsync(dla, created.Id));
        var folder = Path.Combine(database.DataDirectory, "campaign-documents");
        Assert.Empty(Directory.Exists(folder) ? Directory.GetFiles(folder, "*", SearchOption.AllDirectories) : []);
    }

    [Fact]
    public async Task A_municipality_downloads_the_criteria_once_the_campaign_is_open_but_not_while_draft()
    {
        var dla = await database.SignInAsync("dla");
        var municipality = await database.SignInAsync("muni-810116");
        var created = await Admin.CreateAsync(dla, Details());
        var pdf = Pdf();
        var uploaded = await Documents.UploadAsync(dla, created.Id, CampaignDocumentKind.Criteria, "../หลักเกณฑ์\u202Efdp.exe", new MemoryStream(pdf));
        Assert.Equal("หลักเกณฑ์fdp.exe", uploaded.Name);
        Assert.Equal(FileKind.Pdf, uploaded.FileKind);
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(pdf)), uploaded.Sha256);

        await Assert.ThrowsAsync<PortalNotFoundException>(() => Documents.OpenAsync(municipality, uploaded.Id));
        await Assert.ThrowsAsync<PortalNotFoundException>(() => Documents.ListAsync(municipality, created.Id));

        await Forms.PublishAsync(dla, created.Id, DefaultSmartCityForm.Create());
        await Admin.OpenAsync(dla, created.Id);
        var listed = Assert.Single(await Documents.ListAsync(municipality, created.Id));
        Assert.Equal(uploaded.Id, listed.Id);
        var file = await Documents.OpenAsync(municipality, uploaded.Id);
        await using (file.Content)
        {
            using var copy = new MemoryStream();
            await file.Content.CopyToAsync(copy);
            Assert.Equal(pdf, copy.ToArray());
        }

        // Only DLA removes; the row stays, the file and the listing go.
        await Assert.ThrowsAsync<PortalAccessDeniedException>(() => Documents.DeleteAsync(municipality, uploaded.Id));
        await Documents.DeleteAsync(dla, uploaded.Id);
        Assert.Empty(await Documents.ListAsync(municipality, created.Id));
        await Assert.ThrowsAsync<PortalNotFoundException>(() => Documents.OpenAsync(dla, uploaded.Id));
        await using var db = database.CreateContext();
        Assert.NotNull((await db.CampaignDocuments.SingleAsync(d => d.Id == uploaded.Id)).DeletedUtc);
    }

    private static byte[] Pdf()
    {
        var bytes = new byte[3000];
        "%PDF-1.7\n"u8.CopyTo(bytes);
        return bytes;
    }
}
