using Microsoft.Playwright;
using SmartCity.Portal.E2E.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace SmartCity.Portal.E2E.Journeys;

/// <summary>
/// A report on its way up, with a person at each desk in their own browser: the municipality
/// drafts and submits, the district returns it with a reason and later forwards it, the province
/// forwards it once the paper copy is in, DLA accepts. Pages update live for the others.
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
        // The municipality (เทศบาลตำบล) starts, writes a summary, saves and submits.
        await SignInAsync("muni-810116", "/municipality");
        await Page.Locator("[data-testid=nav-submission]").ClickAsync();
        await Page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/municipality/submission");
        await StartFillAndSubmitAsync(Page, "ผลการดำเนินงานเมืองอัจฉริยะอ่าวนาง ปี 2567");

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
        await Expect(State(Page)).ToHaveTextAsync(AtDistrict);

        // Back at the district (the inbox refreshed by itself): forward to the province.
        await Expect(InboxState(district, "810116")).ToHaveTextAsync(AtDistrict);
        await district.Locator("[data-testid=inbox-forward][data-code='810116']").ClickAsync();
        await Expect(InboxState(district, "810116")).ToHaveTextAsync(AtProvince);
        await Expect(State(Page)).ToHaveTextAsync(AtProvince);

        // The province sees it; forwarding to DLA waits for the paper copy.
        var province = await SignInAnotherUserAsync("province-81", "/province");
        await OpenAsync(province, "/inbox");
        await Expect(InboxState(province, "810116")).ToHaveTextAsync(AtProvince);
        await Expect(province.Locator("[data-testid=inbox-return][data-code='810116']")).ToBeVisibleAsync();
        await Expect(province.Locator("[data-testid=inbox-forward][data-code='810116']")).ToHaveCountAsync(0);

        await Server.RecordPaperCopyAsync("810116");
        await OpenAsync(province, "/inbox");
        await province.Locator("[data-testid=inbox-forward][data-code='810116']").ClickAsync();
        await Expect(InboxState(province, "810116")).ToHaveTextAsync(AtDla);

        // DLA accepts; the municipality sees the end of the road.
        var dla = await SignInAnotherUserAsync("dla", "/dla");
        await OpenAsync(dla, "/inbox");
        await dla.Locator("[data-testid=inbox-accept][data-code='810116']").ClickAsync();
        await Expect(InboxState(dla, "810116")).ToHaveTextAsync(Accepted);
        await Expect(State(Page)).ToHaveTextAsync(Accepted);
    }

    [Fact]
    public async Task Town_report_skips_the_district_and_goes_straight_to_the_province()
    {
        await SignInAsync("muni-810101", "/municipality");
        await Page.Locator("[data-testid=home-submission-link]").ClickAsync();
        await Page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/municipality/submission");
        await StartFillAndSubmitAsync(Page, "ผลการดำเนินงานเทศบาลเมืองกระบี่");

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
        var summary = Page.Locator("[data-testid=answer-summary] textarea");
        await summary.FillAsync("ฉบับแรก");
        await Page.Locator("[data-testid=save-answers]").ClickAsync();
        await Expect(Page.Locator("[data-testid=action-submit]")).ToBeVisibleAsync();

        // Another desk saves it meanwhile; this page still holds the old token.
        await Server.ChangeSubmissionElsewhereAsync("810201");
        await summary.FillAsync("ฉบับแก้ไข");
        await Page.Locator("[data-testid=save-answers]").ClickAsync();

        await Expect(Page.Locator("[data-testid=submission-error]")).ToContainTextAsync("มีผู้อื่นแก้ไขรายงานนี้ไปแล้ว");
        await Expect(summary).ToHaveValueAsync("ฉบับแก้ไข");

        // The page reloaded the latest version: saving again goes through.
        await Expect(Page.Locator("[data-testid=answers-saved]")).ToHaveAttributeAsync("data-summary", "ฉบับแรก");
        await Page.Locator("[data-testid=save-answers]").ClickAsync();
        await Expect(Page.Locator("[data-testid=answers-saved]")).ToHaveAttributeAsync("data-summary", "ฉบับแก้ไข");
        await Expect(Page.Locator("[data-testid=submission-error]")).ToHaveCountAsync(0);
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

    private static ILocator State(IPage page) => page.Locator("[data-testid=submission-state]");

    private static ILocator InboxState(IPage page, string municipalityCode) =>
        page.Locator($"[data-testid=inbox-state][data-code='{municipalityCode}']");

    private static async Task StartFillAndSubmitAsync(IPage page, string summary)
    {
        await page.Locator("[data-testid=start-submission]").ClickAsync();
        await Expect(State(page)).ToHaveTextAsync("ร่าง (อยู่ที่เทศบาล)");
        // Nothing to submit yet: the button appears once answers are saved.
        await Expect(page.Locator("[data-testid=action-submit]")).ToHaveCountAsync(0);

        await page.Locator("[data-testid=answer-summary] textarea").FillAsync(summary);
        await page.Locator("[data-testid=save-answers]").ClickAsync();
        await page.Locator("[data-testid=action-submit]").ClickAsync();
    }
}
