using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using SmartCity.Portal.E2E.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace SmartCity.Portal.E2E.Journeys;

/// <summary>
/// A report on its way up, with a person at each desk in their own browser: the municipality
/// drafts and submits, the district returns it with a reason and later forwards it (after a
/// confirmation naming the report and the province), the province sends it to DLA under a
/// cover letter once the paper copy is in, DLA accepts. Pages update live for the others.
/// </summary>
[Collection(PortalJourneys.Name)]
public sealed class SubmissionJourneyTests(PortalServer server, ChromiumBrowser chromium) : BrowserJourney(server, chromium)
{
    private const string AtDistrict = "ส่งถึงอำเภอแล้ว";
    private const string AtProvince = "ส่งถึงจังหวัดแล้ว";
    private const string AtDla = "ส่งถึงกรมแล้ว";
    private const string Returned = "ส่งคืนให้แก้ไข";
    private const string Accepted = "กรมรับรายงานแล้ว";

    [Fact]
    public async Task Subdistrict_report_goes_through_the_district_is_returned_resubmitted_and_reaches_DLA()
    {
        // The municipality (เทศบาลตำบล) starts, its answers are saved, it submits.
        await SignInAsync("muni-810116", "/municipality");
        await Page.Locator("[data-testid=nav-submission]").ClickAsync();
        await Page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/municipality/submission");
        await StartFillAndSubmitAsync(Page, "muni-810116");

        await Expect(State(Page)).ToHaveTextAsync(AtDistrict);
        await Expect(Page.Locator("[data-testid=status-step][data-state=AtDistrict][data-current=true]")).ToHaveCountAsync(1);
        await Expect(Page.Locator("[data-testid=submission-holder]")).ToContainTextAsync("อำเภอเมืองกระบี่");
        await Expect(Page.Locator("[data-testid=submission-reference]")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^SC2567-81-\d{4}$"));
        await Expect(Page.Locator("[data-testid=submission-deadline]")).ToContainTextAsync("เวลา 16:30 น.");
        await Expect(Page.Locator("[data-testid=history-row][data-action=submit]")).ToHaveCountAsync(1);
        // Submitted: nothing left for the municipality to do but wait (or withdraw is not offered once sent).
        await Expect(Page.Locator("[data-testid=action-submit]")).ToHaveCountAsync(0);

        // The district officer sees it in the inbox and returns it with a reason.
        var district = await SignInAnotherUserAsync("district-8101", "/district");
        await district.Locator("[data-testid=nav-inbox]").ClickAsync();
        await district.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/inbox");
        await Expect(InboxState(district, "810116")).ToHaveTextAsync(AtDistrict);
        await district.Locator("[data-testid=inbox-return][data-code='810116']").ClickAsync();
        const string reason = "กรุณาแนบภาพถ่ายกิจกรรมโครงการ";
        await district.Locator("[data-testid=return-comment] textarea").FillAsync(reason);
        await district.Locator("[data-testid=return-confirm]").ClickAsync();
        await Expect(InboxState(district, "810116")).ToHaveTextAsync(Returned);
        await Expect(district.Locator("[data-testid=inbox-return][data-code='810116']")).ToHaveCountAsync(0);

        // The municipality's open page follows without a reload: returned, with the reason.
        await Expect(State(Page)).ToHaveTextAsync(Returned);
        await Expect(Page.Locator("[data-testid=returned-comment]")).ToHaveTextAsync(reason);
        await Expect(Page.Locator("[data-testid=history-row][data-action=return] [data-testid=history-comment]")).ToHaveTextAsync(reason);
        await Page.Locator("[data-testid=action-resubmit]").ClickAsync();
        await ConfirmAsync(Page, "ส่งรายงานอีกครั้ง");
        await Expect(State(Page)).ToHaveTextAsync(AtDistrict);

        // Back at the district (the inbox refreshed by itself): forward to the province. It asks first, naming the
        // report and where it goes; cancelling leaves the report where it is.
        await Expect(InboxState(district, "810116")).ToHaveTextAsync(AtDistrict);
        await district.Locator("[data-testid=inbox-forward][data-code='810116']").ClickAsync();
        var confirm = district.Locator("[data-testid=confirm-dialog]");
        await Expect(confirm.Locator("[data-testid=confirm-text]"))
            .ToHaveTextAsync("ส่งต่อรายงานของ เทศบาลตำบลอ่าวนาง ไปยัง สำนักงานส่งเสริมการปกครองท้องถิ่นจังหวัดกระบี่?");
        await Expect(confirm.Locator("[data-testid=confirm-items]")).ToContainTextAsync("SC2567-81-");
        // (MudDialog puts the test id on its content; the buttons are found on the page.)
        await district.Locator("[data-testid=confirm-cancel]").ClickAsync();
        await Expect(confirm).ToHaveCountAsync(0);
        await Expect(InboxState(district, "810116")).ToHaveTextAsync(AtDistrict);
        await Expect(State(Page)).ToHaveTextAsync(AtDistrict);
        await district.Locator("[data-testid=inbox-forward][data-code='810116']").ClickAsync();
        await district.Locator("[data-testid=confirm-yes]").ClickAsync();
        await Expect(InboxState(district, "810116")).ToHaveTextAsync(AtProvince);
        await Expect(State(Page)).ToHaveTextAsync(AtProvince);

        // The province sees it; forwarding to DLA waits for the paper copy.
        var province = await SignInAnotherUserAsync("province-81", "/province");
        await OpenAsync(province, "/inbox");
        await Expect(InboxState(province, "810116")).ToHaveTextAsync(AtProvince);
        await Expect(province.Locator("[data-testid=inbox-return][data-code='810116']")).ToBeVisibleAsync();
        await Expect(province.Locator("[data-testid=inbox-forward][data-code='810116']")).ToHaveCountAsync(0);

        // The paper copy arrives: the province records it from the inbox and gets the next receive number.
        await RecordPaperCopyAsync(province, "810116");
        await Expect(province.Locator("[data-testid=inbox-paper-received][data-code='810116']")).ToBeVisibleAsync();

        // On this round the way on to DLA is the cover letter: no one-click forward, the button opens the dispatch
        // page with the report ticked, and the letter it issues lists it.
        await Expect(province.Locator("[data-testid=inbox-forward][data-code='810116']")).ToHaveCountAsync(0);
        await province.Locator("[data-testid=inbox-dispatch][data-code='810116']").ClickAsync();
        await province.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/province/dispatches");
        var submissionId = System.Web.HttpUtility.ParseQueryString(new Uri(province.Url).Query)["select"];
        await Expect(province.Locator("[data-testid=dispatch-preselected]")).ToHaveAttributeAsync("data-count", "1");
        await Expect(province.Locator($"input[data-testid=dispatch-candidate][data-submission-id='{submissionId}']")).ToBeCheckedAsync();
        await Expect(province.Locator("[data-testid=dispatch-create]")).ToHaveAttributeAsync("data-selected", "1");
        await province.Locator("[data-testid=dispatch-create]").ClickAsync();
        await province.Locator("[data-testid=dispatch-confirm]").ClickAsync();
        var letterNo = await province.Locator("[data-testid=dispatch-result]").GetAttributeAsync("data-letter-no");
        Assert.Matches("^กบ ๐๐๒๓\\.๓/[๐-๙]+$", letterNo);
        await province.Locator("[data-testid=dispatch-letter-link]").ClickAsync();
        await Expect(province.Locator("[data-testid=letter-no]")).ToHaveTextAsync(letterNo!);
        await Expect(province.Locator("[data-testid=letter-list]")).ToContainTextAsync("เทศบาลตำบลอ่าวนาง");
        await Expect(State(Page)).ToHaveTextAsync(AtDla);

        // DLA accepts after a confirmation that names the report; cancelling first leaves it at DLA.
        var dla = await SignInAnotherUserAsync("dla", "/dla");
        await OpenAsync(dla, "/inbox");
        await dla.Locator("[data-testid=inbox-accept][data-code='810116']").ClickAsync();
        var accept = dla.Locator("[data-testid=confirm-dialog][data-action=accept]");
        await Expect(accept.Locator("[data-testid=confirm-text]")).ToContainTextAsync("เทศบาลตำบลอ่าวนาง");
        await dla.Locator("[data-testid=confirm-cancel]").ClickAsync();
        await Expect(accept).ToHaveCountAsync(0);
        await Expect(InboxState(dla, "810116")).ToHaveTextAsync(AtDla);
        await dla.Locator("[data-testid=inbox-accept][data-code='810116']").ClickAsync();
        await dla.Locator("[data-testid=confirm-yes]").ClickAsync();
        await Expect(InboxState(dla, "810116")).ToHaveTextAsync(Accepted);
        await Expect(State(Page)).ToHaveTextAsync(Accepted);
    }

    [Fact]
    public async Task Town_report_skips_the_district_and_goes_straight_to_the_province()
    {
        await SignInAsync("muni-810101", "/municipality");
        await Page.Locator("[data-testid=home-submission-link]").ClickAsync();
        await Page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/municipality/submission");
        await StartFillAndSubmitAsync(Page, "muni-810101");

        await Expect(State(Page)).ToHaveTextAsync(AtProvince);
        await Expect(Page.Locator("[data-testid=status-step][data-state=AtProvince][data-current=true]")).ToHaveCountAsync(1);
        await Expect(Page.Locator("[data-testid=status-step][data-state=AtDistrict]")).ToHaveCountAsync(0);

        var province = await SignInAnotherUserAsync("province-81", "/province");
        await OpenAsync(province, "/inbox");
        await Expect(InboxState(province, "810101")).ToHaveTextAsync(AtProvince);
        // Below the inbox: who has not started. Krabi Town has; Krabi Noi (never opened in these journeys) has not.
        await Expect(province.Locator("[data-testid=not-started-row][data-code='810103']")).ToHaveCountAsync(1);
        await Expect(province.Locator("[data-testid=not-started-row][data-code='810101']")).ToHaveCountAsync(0);

        var district = await SignInAnotherUserAsync("district-8101", "/district");
        await OpenAsync(district, "/inbox");
        await Expect(district.Locator("[data-testid=inbox-loaded]")).ToBeAttachedAsync();
        await Expect(district.Locator("[data-testid=inbox-municipality][data-code='810101']")).ToHaveCountAsync(0);
        await Expect(district.Locator("[data-testid=not-started-row][data-code='810103']")).ToHaveCountAsync(1);
        await Expect(district.Locator("[data-testid=not-started-row][data-code='810101']")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task Saving_over_someone_elses_change_says_so_in_Thai_and_keeps_the_typing()
    {
        await SignInAsync("muni-810201", "/municipality");
        await OpenAsync(Page, "/municipality/submission");
        await Page.Locator("[data-testid=start-submission]").ClickAsync();
        var name = Page.Locator("#field-org-name");
        await name.FillAsync("ฉบับแรก");
        await name.PressAsync("Tab");
        await Page.Locator("[data-testid=save-answers]").ClickAsync();
        // The submit button appears once answers are saved.
        await Expect(Page.Locator("[data-testid=action-submit]")).ToBeVisibleAsync();
        await Expect(SaveStatus(Page)).ToHaveAttributeAsync("data-state", "saved");

        // Another desk saves it meanwhile; this page still holds the old token. The autosave meets it.
        await Server.ChangeSubmissionElsewhereAsync("810201");
        await name.FillAsync("ฉบับแก้ไข");
        await name.PressAsync("Tab");

        await Expect(Page.Locator("[data-testid=save-conflict]")).ToContainTextAsync("มีผู้อื่นในเทศบาลบันทึกรายงานนี้ไปแล้ว");
        await Expect(SaveStatus(Page)).ToHaveAttributeAsync("data-state", "conflict");
        await Expect(name).ToHaveValueAsync("ฉบับแก้ไข");

        // Only the officer's choice loads the other version; then saving goes through again.
        await Page.Locator("[data-testid=save-conflict-reload]").ClickAsync();
        await Expect(name).ToHaveValueAsync("ฉบับแรก");
        await Expect(Page.Locator("[data-testid=save-conflict]")).ToHaveCountAsync(0);
        await name.FillAsync("ฉบับแก้ไข");
        await name.PressAsync("Tab");
        await Page.Locator("[data-testid=save-answers]").ClickAsync();
        await Expect(SaveStatus(Page)).ToHaveAttributeAsync("data-state", "saved");
        await OpenAsync(Page, "/municipality/submission");
        await Expect(name).ToHaveValueAsync("ฉบับแก้ไข");
    }

    [Fact]
    public async Task Workflow_page_draws_the_state_machine()
    {
        await SignInAsync("dla", "/dla");
        await Page.Locator("[data-testid=nav-workflow]").ClickAsync();
        await Page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/workflow");

        await Expect(Page.Locator("[data-testid=workflow-dot]")).ToContainTextAsync("digraph");
        await Expect(Page.Locator("[data-testid=workflow-row][data-state=AtDistrict]")).ToContainTextAsync(AtProvince);
    }

    [Fact]
    public async Task Workflow_page_shows_a_diagram_with_every_state_in_Thai()
    {
        await SignInAsync("district-8101", "/district");
        await OpenAsync(Page, "/workflow");

        var diagram = Page.Locator("svg[data-testid=workflow-diagram]");
        await Expect(diagram).ToBeVisibleAsync();
        foreach (var name in new[] { "ร่าง (อยู่ที่เทศบาล)", AtDistrict, AtProvince, AtDla, Accepted, Returned, "ถอนรายงานแล้ว", "พ้นกำหนดเวลา" })
        {
            await Expect(diagram).ToContainTextAsync(name);
        }

        // Drawn from the machine: the dynamic submit reaches both first holders, and each transition has its Thai action name.
        await Expect(diagram.Locator("[data-testid=workflow-edge][data-from=Draft][data-to=AtDistrict][data-action=submit]")).ToContainTextAsync("ส่งรายงาน");
        await Expect(diagram.Locator("[data-testid=workflow-edge][data-from=Draft][data-to=AtProvince][data-action=submit]")).ToHaveCountAsync(1);
        await Expect(diagram.Locator("[data-testid=workflow-edge][data-from=AtDla][data-to=Accepted]")).ToContainTextAsync("รับรายงาน");
        // The DOT text stays on the page, folded away for copying.
        await Expect(Page.Locator("[data-testid=workflow-dot]")).ToBeHiddenAsync();
        await Page.Locator("[data-testid=workflow-dot-section] summary").ClickAsync();
        await Expect(Page.Locator("[data-testid=workflow-dot]")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task District_extends_a_draft_from_its_inbox_and_the_municipality_sees_the_new_deadline()
    {
        // Ko Lanta Yai (เทศบาลตำบล, district 8103) starts and saves a draft; Krabi's own deadline is the day before the campaign's.
        await SignInAsync("muni-810301", "/municipality");
        await OpenAsync(Page, "/municipality/submission");
        await Page.Locator("[data-testid=start-submission]").ClickAsync();
        await Page.Locator("#field-org-name").FillAsync("เทศบาลตำบลเกาะลันตาใหญ่");
        await Page.Locator("#field-org-name").PressAsync("Tab");
        await Page.Locator("[data-testid=save-answers]").ClickAsync();
        await Expect(Page.Locator("[data-testid=action-submit]")).ToBeVisibleAsync();

        // The demo campaign closes 60 days after the server started (Bangkok), at 16:30; DLA's deadline is the same moment.
        var campaignDay = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(7)).Date.AddDays(60);
        var krabiDeadline = ExpectedDates.Thai(new DateTimeOffset(campaignDay.AddDays(-1), TimeSpan.FromHours(7))) + " เวลา 16:30 น.";
        var extended = ExpectedDates.Thai(new DateTimeOffset(campaignDay, TimeSpan.FromHours(7))) + " เวลา 12:00 น.";
        await Expect(Page.Locator("[data-testid=submission-deadline]")).ToHaveTextAsync(krabiDeadline);

        // The district office sees the draft below it and gives it until the campaign's own deadline.
        var district = await SignInAnotherUserAsync("district-8103", "/district");
        await OpenAsync(district, "/inbox");
        await Expect(InboxState(district, "810301")).ToHaveTextAsync("ร่าง (อยู่ที่เทศบาล)");
        await district.Locator("[data-testid=inbox-extend][data-code='810301']").ClickAsync();
        var dialog = district.Locator("[data-testid=extend-dialog]");
        await Expect(dialog.Locator("[data-testid=extend-current]")).ToHaveTextAsync(krabiDeadline);
        // Dates are typed day/month/Buddhist-era year, as on a letter; the preview reads them back in full.
        var date = dialog.Locator("[data-testid=extend-date] input");
        var time = dialog.Locator("[data-testid=extend-time] input");
        await Expect(time).ToHaveValueAsync("16:30");
        await date.FillAsync(campaignDay.AddDays(5).ToString("dd/MM/yyyy", CultureInfo.GetCultureInfo("th-TH")));
        await date.PressAsync("Tab");
        await Expect(dialog.Locator("[data-testid=extend-preview]")).ToHaveTextAsync(
            ExpectedDates.Thai(new DateTimeOffset(campaignDay.AddDays(5), TimeSpan.FromHours(7))) + " เวลา 16:30 น.");
        await date.FillAsync(campaignDay.ToString("dd/MM/yyyy", CultureInfo.GetCultureInfo("th-TH")));
        await date.PressAsync("Tab");
        await time.FillAsync("12:00");
        await time.PressAsync("Tab");
        await Expect(dialog.Locator("[data-testid=extend-preview]")).ToHaveTextAsync(extended);
        await Expect(district.Locator("[data-testid=extend-confirm]")).ToBeDisabledAsync();
        await dialog.Locator("[data-testid=extend-reason] textarea").FillAsync("น้ำท่วมเกาะ ติดต่อสำนักงานไม่ได้");
        await district.Locator("[data-testid=extend-confirm]").ClickAsync();
        await Expect(dialog).ToHaveCountAsync(0);
        await Expect(district.Locator("[data-testid=inbox-error]")).ToHaveCountAsync(0);

        // The municipality's open page follows: the new deadline, in Buddhist-era years, and the extension in its history.
        await Expect(Page.Locator("[data-testid=submission-deadline]")).ToHaveTextAsync(extended);
        await Expect(Page.Locator("[data-testid=history-row][data-action=extend]")).ToHaveCountAsync(1);
        await OpenAsync(Page, "/municipality/submission");
        await Expect(Page.Locator("[data-testid=submission-deadline]")).ToHaveTextAsync(extended);
    }

    [Fact]
    public async Task Province_records_a_paper_copy_sees_it_in_the_register_and_cancels_it_keeping_the_number()
    {
        // Khlong Thom Tai (district 8104) submits; its report is at the district when the paper copy reaches the province.
        await SignInAsync("muni-810401", "/municipality");
        await OpenAsync(Page, "/municipality/submission");
        await StartFillAndSubmitAsync(Page, "muni-810401");
        await Expect(State(Page)).ToHaveTextAsync(AtDistrict);

        var province = await SignInAnotherUserAsync("province-81", "/province");
        await OpenAsync(province, "/inbox");
        await Expect(InboxState(province, "810401")).ToHaveTextAsync(AtDistrict);
        var receiveNo = await RecordPaperCopyAsync(province, "810401");
        await Expect(province.Locator("[data-testid=inbox-paper-copy][data-code='810401']")).ToHaveCountAsync(0);

        // The register (from the province home) lists the entry under this Buddhist year, with the date received.
        await province.Locator("[data-testid=nav-home]").ClickAsync();
        await province.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/province");
        await province.Locator("[data-testid=home-register-link]").ClickAsync();
        await province.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/province/register");
        var year = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(7)).Year + 543;
        await Expect(province.Locator("[data-testid=register-loaded]")).ToHaveAttributeAsync("data-year", year.ToString(CultureInfo.InvariantCulture));
        var row = province.Locator("tr", new() { Has = province.Locator($"[data-testid=register-number][data-number='{receiveNo}']") });
        await Expect(row).ToHaveCountAsync(1);
        await Expect(row).ToContainTextAsync("คลองท่อมใต้");
        await Expect(row).ToContainTextAsync(ExpectedDates.Thai(DateTimeOffset.UtcNow));
        await Expect(row.Locator("[data-testid=register-status]")).ToHaveAttributeAsync("data-cancelled", "false");

        // Cancelled with a reason: the line stays, struck through, and keeps its number.
        await row.Locator("[data-testid=register-cancel]").ClickAsync();
        var dialog = province.Locator("[data-testid=register-cancel-dialog]");
        await Expect(province.Locator("[data-testid=register-cancel-confirm]")).ToBeDisabledAsync();
        const string reason = "บันทึกผิดเรื่อง เอกสารยังไม่มาถึง";
        await dialog.Locator("[data-testid=register-cancel-reason] textarea").FillAsync(reason);
        await province.Locator("[data-testid=register-cancel-confirm]").ClickAsync();
        await Expect(dialog).ToHaveCountAsync(0);
        await Expect(row.Locator("[data-testid=register-status]")).ToHaveAttributeAsync("data-cancelled", "true");
        await Expect(row.Locator("[data-testid=register-cancel-reason-text]")).ToHaveTextAsync(reason);
        await Expect(row).ToHaveClassAsync(new Regex("register-cancelled"));
        await Expect(row.Locator("[data-testid=register-number]")).ToHaveTextAsync(receiveNo);
        await Expect(row.Locator("[data-testid=register-cancel]")).ToHaveCountAsync(0);

        // The report waits for its paper copy again: the inbox offers to record it.
        await province.Locator("[data-testid=nav-inbox]").ClickAsync();
        await province.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/inbox");
        await Expect(province.Locator("[data-testid=inbox-paper-copy][data-code='810401']")).ToBeVisibleAsync();
        await Expect(province.Locator("[data-testid=inbox-paper-received][data-code='810401']")).ToHaveCountAsync(0);
    }

    private static ILocator State(IPage page) => page.Locator("[data-testid=submission-state]");

    private static ILocator SaveStatus(IPage page) => page.Locator("[data-testid=save-status]");

    /// <summary>
    /// Starts the report in the browser, has its complete answers saved through the API (filling the form is
    /// ReportFormJourneyTests' subject, not this journey's), and submits it from the page with its confirmation.
    /// </summary>
    private async Task StartFillAndSubmitAsync(IPage page, string userName)
    {
        await page.Locator("[data-testid=start-submission]").ClickAsync();
        await Expect(State(page)).ToHaveTextAsync("ร่าง (อยู่ที่เทศบาล)");
        // Nothing to submit yet: the button appears once answers are saved.
        await Expect(page.Locator("[data-testid=action-submit]")).ToHaveCountAsync(0);

        using (var api = new PortalApi(Server.BaseAddress))
        {
            await api.SaveCompleteAnswersAsync(userName);
        }

        // The open page follows the save by itself (it had nothing unsaved).
        await Expect(page.Locator("#field-org-name")).ToHaveValueAsync((string)PortalApi.CompleteAnswers()["org"]!["name"]!);
        await page.Locator("[data-testid=action-submit]").ClickAsync();
        await ConfirmAsync(page, "ส่งรายงาน");
        await Expect(page.Locator("[data-testid=receipt-reference]")).ToHaveTextAsync(new Regex(@"^SC2567-81-\d{4}$"));
    }
}
