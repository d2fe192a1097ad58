using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace SmartCity.Portal.E2E.Infrastructure;

/// <summary>
/// Base for journeys: a fresh browser context (no cookies) per test, and the steps every
/// journey shares. Waits are on conditions (Playwright's auto-waiting), never on time.
/// </summary>
public abstract class BrowserJourney(PortalServer server, ChromiumBrowser chromium) : IAsyncLifetime
{
    public const string DemoPassword = "Demo@2567";

    private readonly List<IBrowserContext> _contexts = [];
    private IPage? _page;

    protected PortalServer Server { get; } = server;

    protected IPage Page => _page ?? throw new InvalidOperationException("The page is created in InitializeAsync.");

    public async Task InitializeAsync() => _page = await NewPageInNewContextAsync();

    public async Task DisposeAsync()
    {
        foreach (var context in _contexts)
        {
            await context.DisposeAsync();
        }
    }

    /// <summary>A browser of its own (own cookies), not signed in.</summary>
    protected Task<IPage> NewBrowserAsync() => NewPageInNewContextAsync();

    /// <summary>A second person at another desk: their own browser context (own cookies), signed in and interactive.</summary>
    protected async Task<IPage> SignInAnotherUserAsync(string userName, string homePath)
    {
        var page = await NewPageInNewContextAsync();
        await SignInAsync(page, userName, homePath);
        return page;
    }

    /// <summary>Open /, be sent to the Thai sign-in page, sign in, and land on <paramref name="homePath"/> with a live circuit.</summary>
    protected Task SignInAsync(string userName, string homePath) => SignInAsync(Page, userName, homePath);

    private static async Task SignInAsync(IPage page, string userName, string homePath)
    {
        await page.GotoAsync("/");
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/account/login");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "เข้าสู่ระบบ", Exact = true })).ToBeVisibleAsync();

        await page.Locator("#userName").FillAsync(userName);
        await page.Locator("#password").FillAsync(DemoPassword);
        await page.Locator("[data-testid=login-submit]").ClickAsync();

        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == homePath);
        await WaitForInteractiveAsync(page);
    }

    /// <summary>The layout marks itself once the Blazor circuit is up; clicks before that are lost.</summary>
    protected Task WaitForInteractiveAsync() => WaitForInteractiveAsync(Page);

    protected static Task WaitForInteractiveAsync(IPage page) => Expect(page.Locator("[data-interactive=true]")).ToBeAttachedAsync();

    /// <summary>Opens a path with a full page load and waits for its circuit.</summary>
    protected static async Task OpenAsync(IPage page, string path)
    {
        await page.GotoAsync(path);
        await WaitForInteractiveAsync(page);
    }

    /// <summary>Records the paper copy from the inbox row (today's date) and returns the receive number from the notice.</summary>
    protected static async Task<string> RecordPaperCopyAsync(IPage province, string municipalityCode)
    {
        await province.Locator($"[data-testid=inbox-paper-copy][data-code='{municipalityCode}']").ClickAsync();
        var dialog = province.Locator("[data-testid=paper-copy-dialog]");
        await Expect(dialog.Locator("[data-testid=paper-copy-date] input"))
            .ToHaveValueAsync(DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(7)).ToString("dd/MM/yyyy", CultureInfo.GetCultureInfo("th-TH")));
        await Expect(dialog.Locator("[data-testid=paper-copy-preview]")).ToHaveTextAsync(ExpectedDates.Thai(DateTimeOffset.UtcNow));
        await dialog.Locator("[data-testid=paper-copy-note] textarea").FillAsync("รับทางไปรษณีย์");
        await province.Locator("[data-testid=paper-copy-confirm]").ClickAsync();
        await Expect(dialog).ToHaveCountAsync(0);
        var notice = province.Locator(".mud-snackbar", new() { HasText = "บันทึกรับแล้ว" });
        await Expect(notice).ToHaveTextAsync(new Regex(@"บันทึกรับแล้ว เลขรับ \d+/\d{4}"));
        var match = Regex.Match(await notice.InnerTextAsync(), @"เลขรับ (\d+/\d{4})");
        Assert.True(match.Success);
        // Closed, so that the next recording's notice is the only one to read.
        await notice.Locator("button").ClickAsync();
        await Expect(notice).ToHaveCountAsync(0);
        return match.Groups[1].Value;
    }

    /// <summary>Answers a MudBlazor confirmation (message box) with its yes button.</summary>
    protected static async Task ConfirmAsync(IPage page, string yesText)
    {
        var dialog = page.Locator(".mud-dialog");
        await dialog.Locator(".mud-dialog-actions button", new() { HasText = yesText }).ClickAsync();
        await Expect(dialog).ToHaveCountAsync(0);
    }

    protected static ILocator InboxState(IPage page, string municipalityCode) =>
        page.Locator($"[data-testid=inbox-state][data-code='{municipalityCode}']");

    private async Task<IPage> NewPageInNewContextAsync()
    {
        var context = await chromium.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = Server.BaseAddress.ToString(),
            // An English browser on purpose: the portal must still open in Thai (it ignores Accept-Language).
            Locale = "en-US",
            ViewportSize = new ViewportSize { Width = 1280, Height = 800 },
        });
        _contexts.Add(context);
        return await context.NewPageAsync();
    }

    protected static string PathOf(IPage page) => new Uri(page.Url).AbsolutePath;

    /// <summary>Matches any of the texts. No RegexOptions: Playwright hands the pattern to JavaScript and refuses most .NET flags.</summary>
    protected static Regex AnyOf(IEnumerable<string> texts) =>
        new(string.Join('|', texts.Distinct(StringComparer.Ordinal).Select(Regex.Escape)));
}
