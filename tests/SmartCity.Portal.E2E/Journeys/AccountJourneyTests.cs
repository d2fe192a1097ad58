using Microsoft.Playwright;
using SmartCity.Portal.E2E.Infrastructure;
using SmartCity.Portal.Web.Hosting;
using static Microsoft.Playwright.Assertions;

namespace SmartCity.Portal.E2E.Journeys;

/// <summary>
/// Putting a fresh Production install into service, in Chromium: the bootstrap command's link, the first
/// administrator signing in, a provincial administrator and a district officer created on the pages, each
/// setting a password from a link; then the provincial administrator disables the officer and the officer's
/// open page moves to the sign-in screen.
/// </summary>
[Collection(FreshInstallJourneys.Name)]
public sealed class AccountJourneyTests(FreshProductionServer server, ChromiumBrowser chromium) : BrowserJourney(server, chromium)
{
    [Fact]
    public async Task A_fresh_install_gets_its_first_administrator_who_delegates_to_a_province_whose_officer_loses_access_when_disabled()
    {
        // 1. The bootstrap command on the server's data folder.
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = await AdminCommand.RunAsync(
        [
            "admin", "create", "--user", "dla.admin", "--display-name", "นายผู้ดูแล ระบบกรม", "--environment", "Production",
            $"--Storage:DataDirectory={Server.DataDirectory}", "--Seed:Demo=false", $"--Portal:PublicBaseUrl={Server.BaseAddress.ToString().TrimEnd('/')}",
        ], output, error);
        Assert.True(exit == AdminCommand.Ok, error.ToString());
        var bootstrapLink = output.ToString().Split('\n').Select(l => l.Trim()).Single(l => l.StartsWith("set-password: ", StringComparison.Ordinal))["set-password: ".Length..];

        // 2. The first administrator sets a password from the link and signs in.
        await SetPasswordAndSignInAsync(Page, bootstrapLink, "dla.admin", "ผู้ดูแลระบบคนแรกของกรม", "/admin");

        // 3. It creates Krabi's provincial administrator on the page and gets the link to hand over.
        var provinceLink = await CreateAccountAsync(Page, "krabi.admin", "นางสาวกนกพร ผู้ดูแลจังหวัด", "81", "ผู้ดูแลระบบระดับจังหวัด");

        // 4. The provincial administrator, at another desk, sets a password and lands in the province's workspace.
        var province = await NewBrowserAsync();
        await SetPasswordAndSignInAsync(province, provinceLink, "krabi.admin", "ทะเลกระบี่สวยทุกฤดู", "/province");
        await Expect(province.Locator("[data-testid=nav-accounts]")).ToBeVisibleAsync();

        // 5. It creates a district officer of Mueang Krabi (8101); roles above the province are not offered.
        var districtLink = await CreateAccountAsync(province, "somchai.8101", "นายสมชาย ใจดี", "8101", "เจ้าหน้าที่อำเภอ");
        var district = await NewBrowserAsync();
        await SetPasswordAndSignInAsync(district, districtLink, "somchai.8101", "อำเภอเมืองกระบี่ริมทะเล", "/district");

        // 6. The provincial administrator disables the officer; the officer's open page goes to the sign-in screen.
        await OpenAsync(province, "/admin/accounts?office=8101");
        await province.Locator("[data-testid=account-row][data-user-name='somchai.8101'] [data-testid=account-open]").ClickAsync();
        await province.Locator("[data-testid=account-disable]").ClickAsync();
        await province.Locator("textarea[data-testid=disable-reason], [data-testid=disable-reason] textarea").First.FillAsync("ย้ายไปอำเภออื่น");
        await province.Locator("[data-testid=disable-confirm]").ClickAsync();
        await Expect(province.Locator("[data-testid=account-status]").First).ToHaveAttributeAsync("data-status", "Disabled");

        await district.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/account/login", new() { Timeout = 30_000 });

        // 7. The audit shows who did it.
        await OpenAsync(Page, "/admin/audit");
        await Expect(Page.Locator("[data-testid=audit-row][data-action=account-disable]").First).ToBeVisibleAsync();
    }

    private static async Task SetPasswordAndSignInAsync(IPage page, string link, string userName, string password, string homePath)
    {
        await page.GotoAsync(link);
        await Expect(page.Locator("[data-testid=set-password-for]")).ToContainTextAsync(userName);
        await page.Locator("#newPassword").FillAsync(password);
        await page.Locator("#confirmPassword").FillAsync(password);
        await page.Locator("[data-testid=set-password-submit]").ClickAsync();

        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/account/login");
        await Expect(page.Locator("[data-testid=password-set]")).ToBeVisibleAsync();
        await Expect(page.Locator("#userName")).ToHaveValueAsync(userName);
        await page.Locator("#password").FillAsync(password);
        await page.Locator("[data-testid=login-submit]").ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == homePath);
        await WaitForInteractiveAsync(page);
    }

    /// <summary>Fills the new-account page (office by code in the picker, role by its Thai name) and returns the link shown once.</summary>
    private static async Task<string> CreateAccountAsync(IPage page, string userName, string displayName, string officeCode, string roleTh)
    {
        await OpenAsync(page, "/admin/accounts/new");
        await page.Locator("#account-user-name").FillAsync(userName);
        await page.Locator("#account-display-name").FillAsync(displayName);
        var office = page.Locator("input[data-testid=membership-office], [data-testid=membership-office] input").First;
        await office.ClickAsync();
        await office.FillAsync(officeCode);
        await page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasTextRegex = new System.Text.RegularExpressions.Regex("^" + officeCode + " ") }).First.ClickAsync();
        await page.Locator("[data-testid=membership-role]").First.ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasText = roleTh }).First.ClickAsync();
        await page.Locator("[data-testid=account-create]").ClickAsync();

        await Expect(page.Locator("[data-testid=account-created]")).ToContainTextAsync(userName);
        var link = await page.Locator("[data-testid=set-password-url]").InnerTextAsync();
        Assert.Contains("/account/set-password?token=", link, StringComparison.Ordinal);
        return link.Trim();
    }
}
