using System.Diagnostics;
using System.Net;
using AngleSharp.Html.Parser;
using Microsoft.EntityFrameworkCore;
using SmartCity.Portal.Web.Hosting;
using SmartCity.Portal.Web.Tests.Infrastructure;

namespace SmartCity.Portal.Web.Tests.Accounts;

/// <summary>Production, an empty data folder, Seed:Demo off: what a fresh install is.</summary>
public sealed class FreshProductionFactory() : PortalFactory("Production", new Dictionary<string, string>(StringComparer.Ordinal)
{
    ["Seed:Demo"] = "false",
    ["Portal:PublicBaseUrl"] = "https://smartcity.dla.example",
});

/// <summary>
/// The bootstrap command on a fresh Production install: it prints a one-time link, the link's page sets the
/// password, the administrator signs in; a second bootstrap is refused loudly (exit 3, Thai and English).
/// </summary>
public sealed class BootstrapCommandTests(FreshProductionFactory factory) : IClassFixture<FreshProductionFactory>
{
    private string[] Settings(params string[] command) =>
    [
        "admin", "create", .. command, "--environment", "Production", $"--Storage:DataDirectory={factory.DataDirectory}", "--Database:Provider=Sqlite",
        "--Seed:Demo=false", "--Portal:PublicBaseUrl=https://smartcity.dla.example", "--Logging:LogLevel:Default=Warning",
    ];

    [Fact]
    public async Task The_first_administrator_is_bootstrapped_signs_in_through_the_link_and_a_second_is_refused()
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = await AdminCommand.RunAsync(Settings("--user", "dla.admin", "--display-name", "นายผู้ดูแล ระบบกรม", "--email", "admin@dla.example"), output, error);

        Assert.True(exit == AdminCommand.Ok, error.ToString());
        var line = output.ToString().Split('\n').Select(l => l.TrimEnd('\r')).Single(l => l.StartsWith("set-password: ", StringComparison.Ordinal));
        var url = new Uri(line["set-password: ".Length..]);
        Assert.Equal("https://smartcity.dla.example/account/set-password", url.GetLeftPart(UriPartial.Path));

        // The portal itself, Production, same folder: the link's page, then the sign-in.
        using var browser = factory.CreatePortalClient();
        var local = new Uri(url.PathAndQuery, UriKind.Relative);
        using (var page = await browser.GetAsync(local))
        {
            var html = await page.Content.ReadAsStringAsync();
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            Assert.Contains("dla.admin", html, StringComparison.Ordinal);
            Assert.Equal("no-referrer", page.Headers.GetValues("Referrer-Policy").Single());
            var token = new HtmlParser().ParseDocument(html).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
            using var form = new FormUrlEncodedContent(new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["_handler"] = "set-password",
                ["__RequestVerificationToken"] = token,
                ["Input.Token"] = AccountApi.TokenOf(url.ToString()),
                ["Input.NewPassword"] = "ผู้ดูแลระบบคนแรกของกรม",
                ["Input.ConfirmPassword"] = "ผู้ดูแลระบบคนแรกของกรม",
            });
            using var set = await browser.PostAsync(local, form);
            Assert.Equal(HttpStatusCode.Redirect, set.StatusCode);
            Assert.StartsWith("/account/login?passwordSet=1&userName=dla.admin", set.RedirectTarget(), StringComparison.Ordinal);
        }

        await browser.SignInAsync("dla.admin", "ผู้ดูแลระบบคนแรกของกรม");
        using (var home = await browser.GetAsync(new Uri("/admin/accounts", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.OK, home.StatusCode);
            Assert.Contains("dla.admin", await home.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        // The used link is refused by its page.
        using (var reused = await browser.GetAsync(local))
        {
            Assert.Contains("ใช้ได้เพียงครั้งเดียว", await reused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        var refusedOut = new StringWriter();
        var refusedErr = new StringWriter();
        var refused = await AdminCommand.RunAsync(Settings("--user", "second.admin", "--display-name", "ผู้ดูแลคนที่สอง"), refusedOut, refusedErr);
        Assert.Equal(AdminCommand.Refused, refused);
        Assert.Contains("ปฏิเสธ", refusedErr.ToString(), StringComparison.Ordinal);
        Assert.Contains("Refused", refusedErr.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("set-password:", refusedOut.ToString(), StringComparison.Ordinal);
        Assert.False(await factory.QueryAsync(db => db.Users.AnyAsync(u => u.UserName == "second.admin")));
        Assert.Equal(1, await factory.QueryAsync(db => db.AdminEvents.CountAsync(e => e.Action == "bootstrap" && e.ActorUserName.StartsWith("cli:"))));
    }

    [Fact]
    public async Task The_command_runs_as_its_own_process_through_the_portal_entry_point()
    {
        var folder = Path.Combine(Path.GetTempPath(), "smartcity-web-tests", Guid.NewGuid().ToString("N"));
        try
        {
            var dll = Path.Combine(AppContext.BaseDirectory, "SmartCity.Portal.Web.dll");
            var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = AppContext.BaseDirectory };
            foreach (var arg in new[]
            {
                dll, "admin", "create", "--user", "first.admin", "--display-name", "ผู้ดูแลระบบ", "--environment", "Production",
                $"--Storage:DataDirectory={folder}", "--Seed:Demo=false", "--Portal:PublicBaseUrl=https://portal.example",
            })
            {
                start.ArgumentList.Add(arg);
            }

            using var process = Process.Start(start)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            Assert.True(process.WaitForExit(120_000), "the command did not finish within 2 minutes");
            Assert.True(process.ExitCode == 0, await stderr);
            Assert.Matches(@"(?m)^set-password: https://portal\.example/account/set-password\?token=[A-Za-z0-9_\-%]+\r?$", await stdout);
            Assert.True(File.Exists(Path.Combine(folder, "portal.db")));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }
}
