using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using SmartCity.Portal.E2E.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace SmartCity.Portal.E2E.Journeys;

/// <summary>
/// Issue 4: an officer of Krabi Noi fills the report over two sittings. What they typed is saved by
/// itself, is there after signing out and in again; dates are typed in the Buddhist era; the plan's PDF
/// is uploaded by the browser with a progress bar; the report is sent after a confirmation and the
/// receipt shows its reference number.
/// </summary>
[Collection(ReportFormJourneys.Name)]
public sealed class ReportFormJourneyTests(PortalServer server, ChromiumBrowser chromium) : BrowserJourney(server, chromium)
{
    private static readonly LocatorAssertionsToHaveAttributeOptions SaveWait = new() { Timeout = 20_000 };

    [Fact]
    public async Task Municipality_fills_over_two_sittings_attaches_a_PDF_and_submits_with_a_receipt()
    {
        // First sitting: start the report and fill Part 1; the page saves by itself once the officer pauses.
        await SignInAsync("muni-810103", "/municipality");
        await OpenAsync(Page, "/municipality/submission");
        await Page.Locator("[data-testid=start-submission]").ClickAsync();
        await Expect(Page.Locator("[data-testid=form-section]")).ToHaveCountAsync(8);

        await TypeAsync("org-name", "เทศบาลตำบลกระบี่น้อย");
        await ChooseAsync("org-class", "เทศบาลตำบล");
        await TypeAsync("org-district", "เมืองกระบี่");
        await TypeAsync("org-province", "กระบี่");
        await TypeAsync("org-population", "18250");
        await TypeAsync("org-area", "112.5");
        await TypeAsync("org-annualBudget", "98500000");
        await TypeAsync("org-coordinatorName", "นายสมชาย ใจดี");
        await TypeAsync("org-coordinatorPosition", "นักวิเคราะห์นโยบายและแผน");
        await TypeAsync("org-coordinatorPhone", "075 650 100");
        await TypeAsync("org-coordinatorEmail", "plan@krabinoi.go.th");

        await Expect(SaveStatus()).ToHaveAttributeAsync("data-state", "dirty");
        await Expect(SaveStatus()).ToHaveTextAsync("มีการแก้ไขที่ยังไม่บันทึก");
        await Expect(SaveStatus()).ToHaveAttributeAsync("data-state", "saved", SaveWait);
        await Expect(SaveStatus()).ToContainTextAsync("บันทึกล่าสุดเมื่อ");

        await Page.Locator("[data-testid=logout]").ClickAsync();
        await Page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/account/login");

        // Second sitting: everything typed is there (from the server: the browser's copy was cleared by the save).
        await SignInAsync("muni-810103", "/municipality");
        await OpenAsync(Page, "/municipality/submission");
        await Expect(Field("org-name")).ToHaveValueAsync("เทศบาลตำบลกระบี่น้อย");
        await Expect(Field("org-coordinatorEmail")).ToHaveValueAsync("plan@krabinoi.go.th");
        await Expect(Field("org-population")).ToHaveValueAsync("18,250");
        await Expect(Page.Locator("[data-testid=restore-draft]")).ToHaveCountAsync(0);

        // Typed, then the page is reloaded before the autosave: the browser warns first, and the new page
        // offers what the server never got from the browser's own copy.
        const string vision = "กระบี่น้อย ชุมชนน่าอยู่ ใช้ข้อมูลดูแลสิ่งแวดล้อม";
        await TypeAsync("vision-vision", vision);
        await Expect(SaveStatus()).ToHaveAttributeAsync("data-state", "dirty");
        var warnings = new List<string>();
        Page.Dialog += async (_, dialog) =>
        {
            warnings.Add(dialog.Type);
            await dialog.AcceptAsync();
        };
        await Page.ReloadAsync();
        await WaitForInteractiveAsync();
        Assert.Contains("beforeunload", warnings);
        await Expect(Page.Locator("[data-testid=restore-draft]")).ToContainTextAsync("พบข้อมูลที่ยังไม่ได้บันทึก");
        await Expect(Field("vision-vision")).ToHaveValueAsync("");
        await Page.Locator("[data-testid=restore-draft-restore]").ClickAsync();
        await Expect(Field("vision-vision")).ToHaveValueAsync(vision);
        await Expect(Page.Locator("[data-testid=restore-draft]")).ToHaveCountAsync(0);
        await Expect(SaveStatus()).ToHaveAttributeAsync("data-state", "saved", SaveWait);

        await TypeAsync("vision-areaCovered", "ทั้งเขตเทศบาล");
        await ChooseAsync("vision-inLocalPlan", "ใช่");
        await TypeAsync("vision-localPlanLink", "แผนพัฒนาท้องถิ่น (พ.ศ. 2566-2570) ยุทธศาสตร์ที่ 2");

        // The plan's pages as a PDF with a Thai name: sent by the browser, with a progress bar, then listed for download.
        var pdf = WritePdf("แผนพัฒนาท้องถิ่น.pdf");
        await Page.Locator("input[data-testid=file-input][data-field='vision.localPlanFiles']").SetInputFilesAsync(pdf);
        var upload = Page.Locator("[data-testid=file-upload][data-field='vision.localPlanFiles'] [data-testid=upload]");
        await Expect(upload).ToHaveAttributeAsync("data-state", "done");
        await Expect(upload.Locator("[data-testid=upload-progress]")).ToHaveAttributeAsync("data-percent", "100");
        var download = Page.Locator("#field-vision-localPlanFiles [data-testid=file-download]");
        await Expect(download).ToHaveTextAsync("แผนพัฒนาท้องถิ่น.pdf");
        await Expect(download).ToHaveAttributeAsync("href", new Regex(@"^/api/v1/attachments/\d+$"));

        // Part 3: one project, its start date typed in the Buddhist era.
        await Page.Locator("[data-testid=form-section][data-field=projects] [data-testid=group-add]").ClickAsync();
        await TypeAsync("projects-items-0-title", "ระบบแจ้งเตือนน้ำท่วมชุมชน");
        await TickAsync("projects-items-0-dimensions", "สิ่งแวดล้อมอัจฉริยะ (Smart Environment)");
        await TypeAsync("projects-items-0-problem", "น้ำท่วมฉับพลันในฤดูฝน");
        await TypeAsync("projects-items-0-solution", "เซนเซอร์วัดระดับน้ำแจ้งเตือนผ่านไลน์");
        await TypeAsync("projects-items-0-startDate", "15/01/2567");
        await Expect(Page.Locator("[data-field='projects.items[0].startDate'] [data-testid=date-preview]")).ToHaveTextAsync("15 มกราคม 2567");
        await ChooseAsync("projects-items-0-status", "เปิดให้บริการอย่างต่อเนื่อง");
        await TypeAsync("projects-items-0-budget", "450000");
        await TickAsync("projects-items-0-fundingSources", "งบประมาณขององค์กรปกครองส่วนท้องถิ่น");
        await TypeAsync("projects-items-0-indicator1Name", "ครัวเรือนที่ได้รับการแจ้งเตือน");
        await TypeAsync("projects-items-0-indicator1Unit", "ครัวเรือน");
        await TypeAsync("projects-items-0-indicator1Baseline", "0");
        await TypeAsync("projects-items-0-indicator1Target", "1200");
        await TypeAsync("projects-items-0-beneficiaries", "4800");

        await ChooseAsync("data-hasDataPlatform", "ไม่ใช่");
        await ChooseAsync("data-publishesOpenData", "ไม่ใช่");
        await TypeAsync("data-cybersecurity", "สำรองข้อมูลทุกวัน");
        await ChooseAsync("data-hasDpo", "ใช่");
        await TypeAsync("data-personalData", "ประกาศความเป็นส่วนตัว");
        await TypeAsync("people-participation", "เวทีประชาคมหมู่บ้าน");
        await TypeAsync("people-staffSkills", "อบรมการใช้ข้อมูล");
        await TypeAsync("sustainability-sustainability", "ตั้งงบบำรุงรักษาทุกปี");
        await TypeAsync("sustainability-fundingModel", "งบประมาณของเทศบาล");
        await TypeAsync("certification-certifierName", "นายวิชัย ศรีกระบี่");
        await TypeAsync("certification-certifierPosition", "นายกเทศมนตรีตำบลกระบี่น้อย");
        await TypeAsync("certification-certifiedOn", "20/11/2569");
        await Expect(Page.Locator("[data-field='certification.certifiedOn'] [data-testid=date-preview]")).ToHaveTextAsync("20 พฤศจิกายน 2569");

        // Sent after a confirmation (pending edits are saved first); the receipt names the reference and the time.
        await Page.Locator("[data-testid=action-submit]").ClickAsync();
        await ConfirmAsync(Page, "ส่งรายงาน");
        await Expect(Page.Locator("[data-testid=form-error-summary]")).ToHaveCountAsync(0);
        await Expect(Page.Locator("[data-testid=receipt-reference]")).ToHaveTextAsync(new Regex(@"^SC2567-81-\d{4}$"));
        await Expect(Page.Locator("[data-testid=receipt-time]")).ToContainTextAsync(ExpectedDates.Thai(DateTimeOffset.UtcNow));
        await Expect(Page.Locator("[data-testid=receipt-print]")).ToHaveAttributeAsync("href", new Regex(@"^/submissions/\d+/print$"));
        await Expect(Page.Locator("[data-testid=submission-state]")).ToHaveTextAsync("ส่งถึงอำเภอแล้ว");
        // Sent: the form is read-only and keeps the answers and the file.
        await Expect(Field("projects-items-0-title")).ToHaveValueAsync("ระบบแจ้งเตือนน้ำท่วมชุมชน");
        await Expect(Page.Locator("[data-testid=save-status]")).ToHaveCountAsync(0);
        await Expect(download).ToHaveTextAsync("แผนพัฒนาท้องถิ่น.pdf");
        var reference = await Page.Locator("[data-testid=receipt-reference]").TextContentAsync();

        // The district officer opens the same report from the inbox: the answers as typed, the PDF byte for byte, the paper copy.
        var district = await SignInAnotherUserAsync("district-8101", "/district");
        await OpenAsync(district, "/inbox");
        await district.Locator("[data-testid=inbox-open][data-code='810103']").ClickAsync();
        await district.WaitForURLAsync(url => Regex.IsMatch(new Uri(url).AbsolutePath, @"^/submissions/\d+$"));
        var answers = district.Locator("[data-testid=submission-answers]");
        await Expect(answers.Locator("#field-projects-items-0-title")).ToHaveValueAsync("ระบบแจ้งเตือนน้ำท่วมชุมชน");
        await Expect(answers.Locator("#field-org-name")).ToHaveValueAsync("เทศบาลตำบลกระบี่น้อย");
        var attachment = district.Locator("[data-testid=attachment-link][data-name='แผนพัฒนาท้องถิ่น.pdf']");
        var received = await district.RunAndWaitForDownloadAsync(() => attachment.ClickAsync());
        Assert.Equal("แผนพัฒนาท้องถิ่น.pdf", received.SuggestedFilename);
        Assert.Equal(await File.ReadAllBytesAsync(pdf), await File.ReadAllBytesAsync(await received.PathAsync()));

        await district.Locator("[data-testid=print-link]").ClickAsync();
        await district.WaitForURLAsync(url => new Uri(url).AbsolutePath.EndsWith("/print", StringComparison.Ordinal));
        await Expect(district.Locator("[data-testid=print-reference]")).ToContainTextAsync(reference!);
        await Expect(district.Locator("[data-testid=print-draft]")).ToHaveCountAsync(0);
        await Expect(district.Locator("[data-testid=print-file]")).ToContainTextAsync("แผนพัฒนาท้องถิ่น.pdf");
    }

    private ILocator SaveStatus() => Page.Locator("[data-testid=save-status]");

    private ILocator Field(string id) => Page.Locator("#field-" + id);

    /// <summary>Types into a field and leaves it (Tab), as an officer moving to the next box does: that is when the answer changes.</summary>
    private async Task TypeAsync(string id, string text)
    {
        await Field(id).FillAsync(text);
        await Field(id).PressAsync("Tab");
    }

    private Task ChooseAsync(string id, string label) =>
        Field(id).GetByText(label, new() { Exact = true }).ClickAsync();

    private Task TickAsync(string id, string label) =>
        Field(id).GetByText(label, new() { Exact = true }).ClickAsync();

    /// <summary>A minimal valid PDF (header, catalog, empty page tree, trailer) under a Thai file name.</summary>
    private static string WritePdf(string name)
    {
        var folder = Path.Combine(Path.GetTempPath(), "smartcity-e2e-files", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, name);
        const string body = "%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\n"
            + "trailer\n<< /Root 1 0 R >>\n%%EOF\n";
        File.WriteAllBytes(path, Encoding.ASCII.GetBytes(body));
        return path;
    }
}
