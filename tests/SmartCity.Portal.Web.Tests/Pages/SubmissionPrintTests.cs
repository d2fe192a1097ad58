using SmartCity.Portal.Core.Tests.Forms;
using System.Text.Json.Nodes;
using SmartCity.Portal.Attachments;
using SmartCity.Portal.Campaigns;
using SmartCity.Portal.Forms;
using SmartCity.Portal.Organisations;
using SmartCity.Portal.Submissions;
using SmartCity.Portal.Submissions.Routing;
using SmartCity.Portal.Submissions.Workflow;
using SmartCity.Portal.Web.Features.Submissions;
using SmartCity.Portal.Web.Tests.Forms;
using SmartCity.Portal.Web.Tests.Infrastructure;

namespace SmartCity.Portal.Web.Tests.Pages;

/// <summary>The A4 paper copy of a report and the receipt: every answer as a Thai reader checks it on paper.</summary>
public sealed class SubmissionPrintTests : PortalComponentTest
{
    /// <summary>16:29 ICT on 16 Aug 2024 (2567 BE): a minute before the 2567 round closed.</summary>
    private static readonly DateTime SubmittedUtc = new(2024, 8, 16, 9, 29, 0, DateTimeKind.Utc);

    private const string Sha = "abcdef0123456789abcdef0123456789abcdef0123456789abcdef0123456789";

    private const string Answers = """
        { "s": { "name": "เทศบาลตำบลอ่าวนาง", "people": 31653, "budget": 2450000.5, "start": "2024-01-15", "class": "town",
                 "dims": ["energy", "people"], "plan": true, "evidence": [12, 99] },
          "p": { "items": [ { "title": "ไฟถนนอัจฉริยะ", "budget": 350000 }, { "title": "แอปแจ้งเหตุ", "budget": 1234.56 } ] },
          "certification": { "certifierName": "นายสมชาย ใจดี", "certifierPosition": "นายกเทศมนตรีตำบลอ่าวนาง", "certifiedOn": "2024-08-15" } }
        """;

    [Fact]
    public void Numbers_money_dates_choices_and_yes_no_read_as_a_Thai_reader_writes_them()
    {
        using var thai = new CultureScope("th-TH");

        var cut = RenderReport(Report(Answers));

        Assert.Equal("เทศบาลตำบลอ่าวนาง", Answer(cut, "s.name"));
        Assert.Equal("31,653 คน", Answer(cut, "s.people"));
        Assert.Equal("2,450,000.50 บาท", Answer(cut, "s.budget"));
        Assert.Equal("15 มกราคม 2567", Answer(cut, "s.start"));
        Assert.Equal("เทศบาลเมือง", Answer(cut, "s.class"));
        Assert.Equal("พลังงาน, พลเมือง", Answer(cut, "s.dims"));
        Assert.Equal("ใช่", Answer(cut, "s.plan"));
        Assert.Equal("ไม่ได้ระบุ", Answer(cut, "s.story"));
    }

    [Fact]
    public void No_is_written_out_and_a_choice_the_form_no_longer_lists_is_shown_as_stored()
    {
        using var thai = new CultureScope("th-TH");

        var cut = RenderReport(Report("""{ "s": { "plan": false, "class": "metropolis", "people": 19.125, "budget": 0 } }"""));

        Assert.Equal("ไม่ใช่", Answer(cut, "s.plan"));
        Assert.Equal("metropolis", Answer(cut, "s.class"));
        Assert.Equal("19.125 คน", Answer(cut, "s.people"));
        Assert.Equal("0.00 บาท", Answer(cut, "s.budget"));
    }

    [Fact]
    public void A_repeatable_group_prints_as_numbered_items_and_an_empty_one_says_so()
    {
        using var thai = new CultureScope("th-TH");

        var cut = RenderReport(Report(Answers));
        var items = cut.FindAll("[data-group='p.items'] [data-testid=print-group-item]");
        var empty = RenderReport(Report("""{ "p": { "items": [] } }"""));

        Assert.Equal(2, items.Count);
        Assert.Equal("โครงการที่ 1", items[0].QuerySelector("h3")!.TextContent);
        Assert.Equal("โครงการที่ 2", items[1].QuerySelector("h3")!.TextContent);
        Assert.Equal("ไฟถนนอัจฉริยะ", Answer(cut, "p.items[0].title"));
        Assert.Equal("350,000.00 บาท", Answer(cut, "p.items[0].budget"));
        Assert.Equal("1,234.56 บาท", Answer(cut, "p.items[1].budget"));
        Assert.Equal("ไม่มีโครงการ", empty.Find("[data-group='p.items'] [data-testid=print-group-empty]").TextContent);
    }

    [Fact]
    public void Files_are_listed_by_name_with_the_first_12_hex_of_their_SHA_256()
    {
        using var thai = new CultureScope("th-TH");

        var cut = RenderReport(Report(Answers));
        var files = cut.FindAll("[data-path='s.evidence'] [data-testid=print-file]");

        Assert.Equal(2, files.Count);
        Assert.Equal("แผนที่ชุมชน.pdf (SHA-256 abcdef012345)", Normalise(files[0].TextContent));
        Assert.DoesNotContain("abcdef0123456", files[0].TextContent, StringComparison.Ordinal);
        // An id the answers name but no attachment has (deleted, or sent through the API) is shown, not dropped.
        Assert.Equal("ไฟล์แนบหมายเลข 99 (ไม่พบไฟล์)", Normalise(files[1].TextContent));
    }

    [Fact]
    public void The_header_names_the_campaign_the_letter_the_municipality_and_the_reference_in_large_print()
    {
        using var thai = new CultureScope("th-TH");

        var cut = RenderReport(Report(Answers, submitted: true));

        Assert.Equal("SC2567-81-0007", cut.Find("[data-testid=print-reference]").TextContent);
        Assert.Contains("report-print-ref-no", cut.Find("[data-testid=print-reference]").ClassName, StringComparison.Ordinal);
        Assert.Equal("แบบทดสอบ", cut.Find("[data-testid=print-title]").TextContent);
        Assert.Contains("การคัดเลือกเมืองอัจฉริยะ (ปีงบประมาณ พ.ศ. 2567)", cut.Find("[data-testid=print-campaign]").TextContent, StringComparison.Ordinal);
        Assert.Equal("ตามหนังสือ มท ๐๘๑๐.๒/ว ๓๐๙๕ ลงวันที่ 15 กรกฎาคม 2567", Normalise(cut.Find("[data-testid=print-letter]").TextContent));
        Assert.Equal("เทศบาลตำบลอ่าวนาง (เทศบาลตำบล)", cut.Find("[data-testid=print-municipality]").TextContent);
        Assert.Equal("เมืองกระบี่", cut.Find("[data-testid=print-district]").TextContent);
        Assert.Equal("กระบี่", cut.Find("[data-testid=print-province]").TextContent);
        Assert.Equal("16 สิงหาคม 2567 เวลา 16:29 น.", cut.Find("[data-testid=print-submitted]").TextContent);
        Assert.Empty(cut.FindAll("[data-testid=print-draft]"));
        Assert.Equal("false", cut.Find("[data-testid=report-print]").GetAttribute("data-draft"));
    }

    [Fact]
    public void A_report_not_yet_submitted_prints_as_a_draft()
    {
        using var thai = new CultureScope("th-TH");

        var cut = RenderReport(Report(Answers, submitted: false));

        Assert.Equal("ร่าง — ยังไม่ได้ส่ง", cut.Find("[data-testid=print-draft]").TextContent);
        Assert.Single(cut.FindAll(".report-print-watermark"));
        Assert.Equal("true", cut.Find("[data-testid=report-print]").GetAttribute("data-draft"));
        Assert.Equal("—", cut.Find("[data-testid=print-reference]").TextContent);
        Assert.Equal("ยังไม่ได้ส่ง", cut.Find("[data-testid=print-submitted]").TextContent);
    }

    [Fact]
    public void The_certification_part_becomes_the_signature_block_with_name_position_and_date()
    {
        using var thai = new CultureScope("th-TH");

        var cut = RenderReport(Report(Answers));
        var blank = RenderReport(Report("{}"));

        Assert.Single(cut.FindAll("[data-testid=print-sign]"));
        Assert.Equal("( นายสมชาย ใจดี )", cut.Find("[data-testid=print-signer]").TextContent);
        Assert.Equal("ตำแหน่ง นายกเทศมนตรีตำบลอ่าวนาง", cut.Find("[data-testid=print-signer-position]").TextContent);
        Assert.Equal("วันที่ 15 สิงหาคม 2567", cut.Find("[data-testid=print-signed-on]").TextContent);
        Assert.Equal("ขอรับรองว่าข้อมูลข้างต้นถูกต้อง", cut.Find("[data-testid=print-statement]").TextContent);
        // Printed once, in the block, not again as rows of the table.
        Assert.Empty(cut.FindAll("[data-path='certification.certifierName']"));
        Assert.StartsWith("( ....", blank.Find("[data-testid=print-signer]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void A_report_without_a_form_prints_what_was_stored_and_still_has_room_to_sign()
    {
        using var thai = new CultureScope("th-TH");

        var cut = RenderReport(Report("""{"q1":"มีแผนพัฒนาเมืองอัจฉริยะ","q2":3}""", form: false));

        Assert.NotNull(cut.Find("[data-testid=print-no-form]"));
        Assert.Contains("มีแผนพัฒนาเมืองอัจฉริยะ", cut.Markup, StringComparison.Ordinal);
        Assert.Single(cut.FindAll("[data-testid=print-sign]"));
        Assert.Equal("การคัดเลือกเมืองอัจฉริยะ", cut.Find("[data-testid=print-title]").TextContent);
    }

    [Fact]
    public void The_whole_default_template_prints_every_section_and_project()
    {
        using var thai = new CultureScope("th-TH");

        var cut = RenderReport(Report(DefaultTemplateAnswers.Complete, definition: DefaultSmartCityForm.Create()));

        Assert.Equal(DefaultSmartCityForm.Create().Sections.Count, cut.FindAll("[data-testid=print-section]").Count);
        Assert.Equal(2, cut.FindAll("[data-group='projects.items'] [data-testid=print-group-item]").Count);
        Assert.Equal("2,450,000.50 บาท", Answer(cut, "projects.items[0].budget"));
        Assert.Equal("15 มกราคม 2567", Answer(cut, "projects.items[0].startDate"));
    }

    [Fact]
    public void In_English_the_labels_follow_the_culture_and_dates_stay_Buddhist_era()
    {
        using var english = new CultureScope("en-GB");

        var cut = RenderReport(Report(Answers));

        Assert.Equal("Yes", Answer(cut, "s.plan"));
        Assert.Equal("Town", Answer(cut, "s.class"));
        Assert.Equal("15 January 2567 BE", Answer(cut, "s.start"));
        Assert.Equal("2,450,000.50 baht", Answer(cut, "s.budget"));
    }

    [Fact]
    public void The_receipt_shows_the_reference_the_time_in_BE_the_municipality_the_holder_and_the_print_link()
    {
        using var thai = new CultureScope("th-TH");

        var cut = Render<SubmissionReceipt>(p => p.Add(c => c.Detail, Detail(submitted: true, "{}")));

        Assert.Contains("ส่งรายงานเรียบร้อยแล้ว", cut.Find("[data-testid=receipt-title]").TextContent, StringComparison.Ordinal);
        Assert.Equal("SC2567-81-0007", cut.Find("[data-testid=receipt-reference]").TextContent);
        Assert.Equal("16 สิงหาคม 2567 เวลา 16:29 น.", cut.Find("[data-testid=receipt-time]").TextContent);
        Assert.Equal("เทศบาลตำบลอ่าวนาง", cut.Find("[data-testid=receipt-municipality]").TextContent);
        Assert.Equal("สำนักงานส่งเสริมการปกครองท้องถิ่นอำเภอเมืองกระบี่", cut.Find("[data-testid=receipt-holder]").TextContent);
        Assert.Equal("/submissions/42/print", cut.Find("[data-testid=receipt-print]").GetAttribute("href"));
    }

    [Theory]
    [InlineData(0, "0 B")]
    [InlineData(850, "850 B")]
    [InlineData(12_800, "12.5 KB")]
    [InlineData(3_355_443, "3.2 MB")]
    public void File_sizes_read_in_units(long bytes, string expected) => Assert.Equal(expected, ReportFormat.Size(bytes));

    private IRenderedComponent<SubmissionReportView> RenderReport(SubmissionReport report) =>
        Render<SubmissionReportView>(p => p.Add(c => c.Report, report));

    private static string Answer(IRenderedComponent<SubmissionReportView> cut, string path) =>
        Normalise(cut.Find($"[data-path='{path}'] td").TextContent);

    private static string Normalise(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private static SubmissionReport Report(string answers, bool submitted = false, bool form = true, FormDefinition? definition = null)
    {
        var detail = Detail(submitted, answers);
        var campaign = new CampaignSummary(
            7, 2567, "การคัดเลือกเมืองอัจฉริยะ", "มท ๐๘๑๐.๒/ว ๓๐๙๕", new DateTime(2024, 7, 14, 17, 0, 0, DateTimeKind.Utc), CampaignState.Open, true,
            RoutingRule.Default, SubmittedUtc.AddMinutes(1), SubmittedUtc.AddDays(14), SubmittedUtc.AddMinutes(1));
        var version = form ? new FormVersionView(5, 7, 1, SubmittedUtc, SubmittedUtc, "dla", definition ?? WithCertification(TestForms.EveryType())) : null;
        AttachmentInfo[] files = [new(12, 42, "s.evidence", "แผนที่ชุมชน.pdf", FileKind.Pdf, "application/pdf", 1024, Sha, SubmittedUtc, "muni-810116")];
        return new SubmissionReport(detail, campaign, version, SubmissionReportService.ParseAnswers(answers), files, "กระบี่", "เมืองกระบี่");
    }

    private static FormDefinition WithCertification(FormDefinition definition) => definition with
    {
        Sections = [.. definition.Sections, new FormSection("certification", "การรับรองข้อมูล", "Certification", [
            new FormQuestion("certifierName", FormQuestionType.ShortText, "ชื่อผู้รับรอง", "Name"),
            new FormQuestion("certifierPosition", FormQuestionType.ShortText, "ตำแหน่ง", "Position"),
            new FormQuestion("certifiedOn", FormQuestionType.Date, "วันที่รับรอง", "Date"),
        ]) { HelpTh = "ขอรับรองว่าข้อมูลข้างต้นถูกต้อง", HelpEn = "I certify the above." }],
    };

    private static SubmissionDetail Detail(bool submitted, string answers) => new(
        42, 7, new OrgRef(3, "810116", "เทศบาลตำบลอ่าวนาง", "Ao Nang Subdistrict Municipality"), MunicipalityClass.Subdistrict, "81", "8101",
        submitted ? SubmissionState.AtDistrict : SubmissionState.Draft,
        submitted ? new OrgRef(2, "8101", "สำนักงานส่งเสริมการปกครองท้องถิ่นอำเภอเมืองกระบี่", null) : new OrgRef(3, "810116", "เทศบาลตำบลอ่าวนาง", null),
        null, submitted ? "SC2567-81-0007" : null, answers, SubmittedUtc.AddMinutes(1), null, null, submitted ? SubmittedUtc : null,
        SubmittedUtc.AddDays(-3), SubmittedUtc, Guid.NewGuid(), [], [], IsDemo: true, FormVersionId: 5);
}
