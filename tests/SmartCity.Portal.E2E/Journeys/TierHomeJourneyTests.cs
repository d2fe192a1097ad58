using Microsoft.Playwright;
using SmartCity.Portal.E2E.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace SmartCity.Portal.E2E.Journeys;

/// <summary>Every demo role signs in through the Thai sign-in page and lands on its own tier's home.</summary>
[Collection(PortalJourneys.Name)]
public sealed class TierHomeJourneyTests(PortalServer server, ChromiumBrowser chromium) : BrowserJourney(server, chromium)
{
    public static TheoryData<string, string, string, string> Roles => new()
    {
        { "muni-810101", "/municipality", "หน้าหลักของเทศบาล", "เทศบาลเมืองกระบี่" },
        { "district-8101", "/district", "หน้าหลักของอำเภอ", "อำเภอเมืองกระบี่" },
        { "province-81", "/province", "หน้าหลักของสำนักงานส่งเสริมการปกครองท้องถิ่นจังหวัด", "จังหวัดกระบี่" },
        { "dla", "/dla", "หน้าหลักของกองพัฒนาและส่งเสริมการบริหารงานท้องถิ่น", "กองพัฒนาและส่งเสริมการบริหารงานท้องถิ่น" },
        { "admin", "/admin", "หน้าหลักผู้ดูแลระบบ", "กรมส่งเสริมการปกครองท้องถิ่น" },
    };

    [Theory]
    [MemberData(nameof(Roles))]
    public async Task Demo_user_signs_in_and_sees_their_tier_home_in_Thai(string userName, string homePath, string tierHeading, string officeName)
    {
        var started = DateTimeOffset.UtcNow;

        await SignInAsync(userName, homePath);

        Assert.Equal(homePath, PathOf(Page));
        await Expect(Page.Locator("html")).ToHaveAttributeAsync("lang", "th");
        await Expect(Page.Locator("[data-testid=tier-label]")).ToHaveTextAsync(tierHeading);
        await Expect(Page.Locator("[data-testid=org-name]")).ToContainTextAsync(officeName);

        // The header's date was rendered between `started` and now: either date is right if that straddled midnight.
        var today = AnyOf([ExpectedDates.Thai(started), ExpectedDates.Thai(DateTimeOffset.UtcNow)]);
        await Expect(Page.Locator("[data-testid=today]")).ToContainTextAsync(today);

        if (userName == "muni-810101")
        {
            // A made-up municipality must say so next to its name.
            var badge = Page.Locator("[data-testid=org-overview] .demo-badge").First;
            await Expect(badge).ToBeVisibleAsync();
            await Expect(badge).ToHaveTextAsync("ข้อมูลสาธิต");
        }
    }
}
