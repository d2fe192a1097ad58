using Microsoft.Playwright;

namespace SmartCity.Portal.E2E.Infrastructure;

/// <summary>
/// One headless Chromium for the whole collection: Debian's package, never a browser that
/// `playwright install` downloads (these machines are offline). Tests open a fresh context each.
/// </summary>
public sealed class ChromiumBrowser : IAsyncLifetime
{
    public const string ExecutablePath = "/usr/bin/chromium";

    // The machine has no internet: without these, Chromium keeps dialling Google services.
    private static readonly string[] Args =
    [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
    ];

    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public IBrowser Browser => _browser ?? throw new InvalidOperationException("Chromium has not been launched.");

    public async Task InitializeAsync()
    {
        if (!File.Exists(ExecutablePath))
        {
            // A failure, not a skip: the end-to-end tests are part of the gate.
            throw new InvalidOperationException(
                $"Chromium was not found at {ExecutablePath}. Install Debian's package with `apt-get install -y chromium` " +
                "(do not run `playwright install`: the machine is offline).");
        }

        // Blazor Server's first render can be slow on a cold server; conditions, not sleeps, decide.
        Assertions.SetDefaultExpectTimeout(15_000);
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            Args = Args,
        });
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
    }
}
