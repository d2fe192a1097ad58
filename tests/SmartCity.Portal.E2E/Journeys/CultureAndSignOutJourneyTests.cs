using SmartCity.Portal.E2E.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace SmartCity.Portal.E2E.Journeys;

/// <summary>Switching to English and back is a full page load; signing out returns to the sign-in page.</summary>
[Collection(PortalJourneys.Name)]
public sealed class CultureAndSignOutJourneyTests(PortalServer server, ChromiumBrowser chromium) : BrowserJourney(server, chromium)
{
    [Fact]
    public async Task DLA_officer_switches_to_English_and_back_then_signs_out()
    {
        await SignInAsync("dla", "/dla");
        await Expect(Page.Locator("html")).ToHaveAttributeAsync("lang", "th");

        var started = DateTimeOffset.UtcNow;
        await Page.Locator("[data-testid=culture-en]").ClickAsync();

        await Expect(Page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await WaitForInteractiveAsync();
        Assert.Equal("/dla", PathOf(Page));
        await Expect(Page.GetByText("Smart City Reporting Portal").First).ToBeVisibleAsync();
        await Expect(Page.Locator("[data-testid=tier-label]")).ToHaveTextAsync("DLA division home");
        var today = AnyOf([ExpectedDates.English(started), ExpectedDates.English(DateTimeOffset.UtcNow)]);
        await Expect(Page.Locator("[data-testid=today]")).ToContainTextAsync(today);

        await Page.Locator("[data-testid=culture-th]").ClickAsync();

        await Expect(Page.Locator("html")).ToHaveAttributeAsync("lang", "th");
        await WaitForInteractiveAsync();
        Assert.Equal("/dla", PathOf(Page));
        await Expect(Page.GetByText("ระบบรายงานเมืองน่าอยู่อัจฉริยะ").First).ToBeVisibleAsync();
        await Expect(Page.Locator("[data-testid=tier-label]")).ToHaveTextAsync("หน้าหลักของกองพัฒนาและส่งเสริมการบริหารงานท้องถิ่น");

        await Page.Locator("[data-testid=logout]").ClickAsync();

        await Page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/account/login");
        await Expect(Page.GetByRole(Microsoft.Playwright.AriaRole.Heading, new() { Name = "เข้าสู่ระบบ", Exact = true })).ToBeVisibleAsync();

        // Really signed out: the DLA home sends the visitor back to sign in.
        await Page.GotoAsync("/dla");
        await Page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/account/login");
    }
}
