using SmartCity.Portal.E2E.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace SmartCity.Portal.E2E.Journeys;

/// <summary>A signed-in district officer typing addresses cannot reach another tier or another district.</summary>
[Collection(PortalJourneys.Name)]
public sealed class JurisdictionJourneyTests(PortalServer server, ChromiumBrowser chromium) : BrowserJourney(server, chromium)
{
    [Fact]
    public async Task District_officer_cannot_open_the_DLA_home_by_URL()
    {
        await SignInAsync("district-8101", "/district");

        await Page.GotoAsync("/dla");

        await Page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/account/access-denied");
        await Expect(Page.Locator("[data-testid=access-denied]")).ToContainTextAsync("ไม่มีสิทธิ์เข้าถึง");
        await Expect(Page.Locator("[data-testid=tier-label]")).ToHaveCountAsync(0);
        await Expect(Page.Locator("[data-testid=org-overview]")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task District_officer_sees_their_own_district_page_but_not_found_for_another_district()
    {
        var own = await Server.OrgUnitIdAsync("8101");
        var other = await Server.OrgUnitIdAsync("8102");
        await SignInAsync("district-8101", "/district");

        // The route works for an office in their jurisdiction...
        await Page.GotoAsync($"/org-units/{own}");
        await Expect(Page.Locator("[data-testid=org-overview]")).ToHaveAttributeAsync("data-org-code", "8101");

        // ...and another district's office looks exactly like one that does not exist.
        await Page.GotoAsync($"/org-units/{other}");
        await Expect(Page.Locator("[data-testid=not-found]")).ToContainTextAsync("ไม่พบ");
        await Expect(Page.Locator("[data-testid=org-overview]")).ToHaveCountAsync(0);
        await Expect(Page.GetByText("เขาพนม")).ToHaveCountAsync(0);
    }
}
