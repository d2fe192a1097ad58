using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using SmartCity.Portal.Attachments;
using SmartCity.Portal.Campaigns;
using SmartCity.Portal.Common;
using SmartCity.Portal.Core.Tests.Infrastructure;
using SmartCity.Portal.Data;
using SmartCity.Portal.Forms;
using SmartCity.Portal.Submissions;
using static SmartCity.Portal.Core.Tests.Submissions.WorkflowTestKit;

namespace SmartCity.Portal.Core.Tests.Submissions;

/// <summary>The report as filed, read by whoever may see the submission and by nobody else; every test makes its own campaign.</summary>
public sealed class SubmissionReportServiceTests(DemoDatabase database) : IClassFixture<DemoDatabase>
{
    private const string AoNangAnswers = """{"org":{"name":"เทศบาลตำบลอ่าวนาง","population":31653,"annualBudget":512000000.5}}""";

    private static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n");

    private FormService Forms => new(database.Factory, database.Clock);

    private AttachmentService Attachments => new(
        database.Factory, new StorageOptions { DataDirectory = database.DataDirectory }, Options.Create(new AttachmentOptions()), database.Clock);

    private SubmissionReportService Reports => new(
        Service(database, database.Clock), new CampaignService(database.Factory, database.Clock), Forms, Attachments);

    [Theory]
    [InlineData("muni-810116")]
    [InlineData("district-8101")]
    [InlineData("province-81")]
    [InlineData("dla")]
    public async Task The_municipality_and_the_offices_above_it_read_the_whole_report(string userName)
    {
        var (campaignId, formVersionId, submissionId, attachmentId) = await AoNangReportAsync();

        var report = await Reports.GetReportAsync(await database.SignInAsync(userName), submissionId);

        Assert.Equal(submissionId, report.Detail.Id);
        Assert.Equal("810116", report.Detail.Municipality.Code);
        Assert.Equal(campaignId, report.Campaign.Id);
        Assert.Equal((2567, "มท ๐๘๑๐.๒/ว ทดสอบ"), (report.Campaign.FiscalYear, report.Campaign.LetterNo));
        Assert.Equal(formVersionId, report.Form?.Id);
        Assert.Equal(DefaultSmartCityForm.TitleTh, report.Form?.Definition.TitleTh);
        Assert.Equal("เทศบาลตำบลอ่าวนาง", report.Answers["org"]?["name"]?.GetValue<string>());
        Assert.Equal(31653m, report.Answers["org"]?["population"]?.GetValue<decimal>());
        var file = Assert.Single(report.Attachments);
        Assert.Equal((attachmentId, "หลักฐานโครงการ.pdf", FileKind.Pdf, Pdf.LongLength), (file.Id, file.Name, file.Kind, file.Length));
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Pdf)), file.Sha256);
        Assert.Equal(("กระบี่", "เมืองกระบี่"), (report.ProvinceNameTh, report.DistrictNameTh));
        Assert.True(report.IsDraft);
    }

    [Theory]
    [InlineData("muni-810103")]
    [InlineData("district-8102")]
    public async Task Another_municipality_or_district_gets_404_as_if_it_did_not_exist(string userName)
    {
        var (_, _, submissionId, _) = await AoNangReportAsync();
        var user = await database.SignInAsync(userName);

        var refused = await Assert.ThrowsAsync<PortalNotFoundException>(() => Reports.GetReportAsync(user, submissionId));
        var missing = await Assert.ThrowsAsync<PortalNotFoundException>(() => Reports.GetReportAsync(user, int.MaxValue));

        Assert.Equal(missing.PortalMessage, refused.PortalMessage);
    }

    [Fact]
    public async Task The_report_keeps_the_form_version_it_was_filled_on_after_a_newer_one_is_published()
    {
        var (campaignId, formVersionId, submissionId, _) = await AoNangReportAsync();
        var template = DefaultSmartCityForm.Create();
        var second = await Forms.PublishAsync(
            await database.SignInAsync("dla"), campaignId,
            template with { TitleTh = "แบบรายงาน (ฉบับปรับปรุง)", Sections = template.Sections.Where(s => s.Id != "awards").ToList() });

        var report = await Reports.GetReportAsync(await database.SignInAsync("district-8101"), submissionId);

        Assert.Equal(2, second.Version);
        Assert.Equal(formVersionId, report.Form?.Id);
        Assert.Equal(1, report.Form?.Version);
        Assert.Equal(DefaultSmartCityForm.TitleTh, report.Form?.Definition.TitleTh);
        Assert.Contains(report.Form!.Definition.Sections, s => s.Id == "awards");
    }

    [Fact]
    public async Task A_report_started_before_the_campaign_had_a_form_comes_without_one()
    {
        var campaignId = await AddCampaignAsync(database);
        var municipality = await database.SignInAsync("muni-810116");
        var draft = await Service(database, database.Clock).CreateOrGetAsync(municipality, campaignId);

        var report = await Reports.GetReportAsync(await database.SignInAsync("district-8101"), draft.Id);

        Assert.Null(draft.FormVersionId);
        Assert.Null(report.Form);
        Assert.Empty(report.Answers);
        Assert.Empty(report.Attachments);
    }

    [Theory]
    [InlineData(null, 0)]
    [InlineData("", 0)]
    [InlineData("[1,2]", 0)]
    [InlineData("{not json", 0)]
    [InlineData("""{"org":{}}""", 1)]
    public void Stored_answers_that_are_not_an_object_read_as_unanswered(string? json, int sections) =>
        Assert.Equal(sections, SubmissionReportService.ParseAnswers(json).Count);

    /// <summary>Ao Nang's draft on a new campaign's version 1, with answers and one PDF under the first project's evidence.</summary>
    private async Task<(int CampaignId, int FormVersionId, int SubmissionId, int AttachmentId)> AoNangReportAsync()
    {
        var campaignId = await AddCampaignAsync(database);
        var form = await Forms.PublishAsync(await database.SignInAsync("dla"), campaignId, DefaultSmartCityForm.Create());
        var municipality = await database.SignInAsync("muni-810116");
        var service = Service(database, database.Clock);
        var draft = await service.CreateOrGetAsync(municipality, campaignId);
        await service.SaveAnswersAsync(municipality, draft.Id, draft.ConcurrencyToken, AoNangAnswers);
        using var content = new MemoryStream(Pdf);
        var file = await Attachments.UploadAsync(municipality, draft.Id, "projects.items[0].evidence", "หลักฐานโครงการ.pdf", content);
        return (campaignId, form.Id, draft.Id, file.Id);
    }
}
