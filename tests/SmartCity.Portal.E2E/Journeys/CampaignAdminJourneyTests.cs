using System.Text.RegularExpressions;
using Microsoft.Playwright;
using SmartCity.Portal.E2E.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace SmartCity.Portal.E2E.Journeys;

/// <summary>
/// A DLA officer sets up a round in the browser: details with Buddhist-era dates, a criteria PDF uploaded
/// with fetch(), the default form with one label changed, published, opened, and closed again (so the
/// other journeys keep the demo round as the only open one); a municipality downloads the criteria meanwhile.
/// </summary>
[Collection(PortalJourneys.Name)]
public sealed partial class CampaignAdminJourneyTests(PortalServer server, ChromiumBrowser chromium) : BrowserJourney(server, chromium)
{
    [Fact]
    public async Task DLA_creates_a_round_attaches_the_criteria_publishes_the_form_opens_and_closes_it()
    {
        await SignInAsync("dla", "/dla");
        await OpenAsync(Page, "/dla/campaigns/new");

        await FillAsync("#campaign-title", "การคัดเลือกทดสอบ E2E");
        // An old fiscal year: listed after the demo round, never picked as "the current one" by other pages.
        await FillAsync("#campaign-fiscal-year", "2560");
        await FillAsync("#campaign-letter-no", "มท ๐๘๑๐.๒/ว ๙๙๙");
        await FillAsync("#campaign-letter-date-date", ThaiDate(DateTime.UtcNow.AddHours(7).AddDays(-1)));
        await FillAsync("#campaign-submission-deadline-date", ThaiDate(DateTime.UtcNow.AddHours(7).AddDays(30)));
        await FillAsync("#campaign-dla-deadline-date", ThaiDate(DateTime.UtcNow.AddHours(7).AddDays(45)));
        await Page.Locator("[data-testid=campaign-admin-save]").ClickAsync();

        await Page.WaitForURLAsync(url => IdPath().IsMatch(new Uri(url).AbsolutePath));
        var campaignId = int.Parse(IdPath().Match(new Uri(Page.Url).AbsolutePath).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        await Expect(Page.Locator("[data-testid=campaign-state]")).ToHaveAttributeAsync("data-state", "Draft");

        // The criteria PDF goes up through the plain file input and fetch().
        var pdf = new byte[4096];
        "%PDF-1.7\n"u8.CopyTo(pdf);
        await Page.Locator("[data-testid=campaign-document-file]").SetInputFilesAsync(new FilePayload { Name = "หลักเกณฑ์การคัดเลือก.pdf", MimeType = "application/pdf", Buffer = pdf });
        await Page.Locator("[data-testid=campaign-document-upload]").ClickAsync();
        var row = Page.Locator("[data-testid=campaign-document-row]");
        await Expect(row).ToHaveCountAsync(1);
        await Expect(row).ToContainTextAsync("หลักเกณฑ์การคัดเลือก.pdf");
        var documentId = await row.GetAttributeAsync("data-document-id");

        // Opening without a form is refused with a message that says why.
        await Page.Locator("[data-testid=campaign-admin-open]").ClickAsync();
        await ConfirmAsync("เปิดรับรายงาน");
        await Expect(Page.Locator("[data-testid=campaign-admin-error]")).ToContainTextAsync("ยังไม่ได้เผยแพร่แบบรายงาน");

        await Page.Locator("[data-testid=campaign-form-start-default]").ClickAsync();
        await Expect(Page.Locator("[data-testid=form-editor]")).ToBeVisibleAsync();
        await FillAsync("#fe-label-th-org-name", "ชื่อเทศบาล (ตามทะเบียน)");
        await Expect(Page.Locator("[data-testid=campaign-form-unsaved]")).ToBeVisibleAsync();
        await Page.Locator("[data-testid=campaign-form-publish]").ClickAsync();
        await ConfirmAsync("เผยแพร่เป็นฉบับใหม่");
        await Expect(Page.Locator("[data-testid=campaign-form-status]")).ToContainTextAsync("ฉบับที่ 1");

        await Page.Locator("[data-testid=campaign-admin-open]").ClickAsync();
        await ConfirmAsync("เปิดรับรายงาน");
        await Expect(Page.Locator("[data-testid=campaign-state]")).ToHaveAttributeAsync("data-state", "Open");

        // A municipality now gets the criteria (same origin, its own cookie).
        var municipality = await SignInAnotherUserAsync("muni-810116", "/municipality");
        var download = await municipality.APIRequest.GetAsync($"/api/v1/campaign-documents/{documentId}");
        Assert.Equal(200, download.Status);
        Assert.Equal(pdf, await download.BodyAsync());
        var form = await municipality.APIRequest.GetAsync($"/api/v1/campaigns/{campaignId}/form");
        Assert.Contains("ชื่อเทศบาล (ตามทะเบียน)", await form.TextAsync(), StringComparison.Ordinal);

        await Page.Locator("[data-testid=campaign-admin-close]").ClickAsync();
        await ConfirmAsync("ปิดรับรายงาน");
        await Expect(Page.Locator("[data-testid=campaign-state]")).ToHaveAttributeAsync("data-state", "Closed");
    }

    private async Task FillAsync(string selector, string value)
    {
        var input = Page.Locator(selector);
        await input.FillAsync(value);
        // MudBlazor text fields take the value on change, i.e. when focus leaves.
        await input.PressAsync("Tab");
    }

    private async Task ConfirmAsync(string yesText) =>
        await Page.Locator(".mud-dialog").GetByRole(AriaRole.Button, new() { Name = yesText, Exact = true }).ClickAsync();

    private static string ThaiDate(DateTime bangkok) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{bangkok.Day:00}/{bangkok.Month:00}/{bangkok.Year + 543}");

    [GeneratedRegex(@"^/dla/campaigns/(\d+)$")]
    private static partial Regex IdPathPattern();

    private static Regex IdPath() => IdPathPattern();
}
