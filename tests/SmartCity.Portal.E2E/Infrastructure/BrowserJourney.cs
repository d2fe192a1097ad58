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

    private IBrowserContext? _context;
    private IPage? _page;

    protected PortalServer Server { get; } = server;

    protected IPage Page => _page ?? throw new InvalidOperationException("The page is created in InitializeAsync.");

    public async Task InitializeAsync()
    {
        _context = await chromium.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = Server.BaseAddress.ToString(),
            // An English browser on purpose: the portal must still open in Thai (it ignores Accept-Language).
            Locale = "en-US",
            ViewportSize = new ViewportSize { Width = 1280, Height = 800 },
        });
        _page = await _context.NewPageAsync();
    }

    public async Task DisposeAsync()
    {
        if (_context is not null)
        {
            await _context.DisposeAsync();
        }
    }

    /// <summary>Open /, be sent to the Thai sign-in page, sign in, and land on <paramref name="homePath"/> with a live circuit.</summary>
    protected async Task SignInAsync(string userName, string homePath)
    {
        await Page.GotoAsync("/");
        await Page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/account/login");
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "เข้าสู่ระบบ", Exact = true })).ToBeVisibleAsync();

        await Page.Locator("#userName").FillAsync(userName);
        await Page.Locator("#password").FillAsync(DemoPassword);
        await Page.Locator("[data-testid=login-submit]").ClickAsync();

        await Page.WaitForURLAsync(url => new Uri(url).AbsolutePath == homePath);
        await WaitForInteractiveAsync();
    }

    /// <summary>The layout marks itself once the Blazor circuit is up; clicks before that are lost.</summary>
    protected Task WaitForInteractiveAsync() => Expect(Page.Locator("[data-interactive=true]")).ToBeAttachedAsync();

    protected static string PathOf(IPage page) => new Uri(page.Url).AbsolutePath;

    /// <summary>Matches any of the texts. No RegexOptions: Playwright hands the pattern to JavaScript and refuses most .NET flags.</summary>
    protected static Regex AnyOf(IEnumerable<string> texts) =>
        new(string.Join('|', texts.Distinct(StringComparer.Ordinal).Select(Regex.Escape)));
}
