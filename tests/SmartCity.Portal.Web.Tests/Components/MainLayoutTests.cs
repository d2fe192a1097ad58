using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SmartCity.Portal.Data;
using SmartCity.Portal.Organisations;
using SmartCity.Portal.Security;
using SmartCity.Portal.Web.Components.Layout;
using SmartCity.Portal.Web.Tests.Infrastructure;

namespace SmartCity.Portal.Web.Tests.Components;

public sealed class MainLayoutTests : PortalComponentTest
{
    // 10:00 in Bangkok on 25 November 2026 = 2569 BE.
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 3, 0, 0, TimeSpan.Zero);

    private static readonly ActiveMembership DistrictOfficer = new(
        "user-1", "district-8101", "สมศรี รักษ์ถิ่น", PortalRoles.DistrictOfficer, 42, "/DLA/DLA-LAD/81/8101/", MembershipCount: 1);

    public MainLayoutTests()
    {
        Services.AddSingleton<TimeProvider>(new FakeTimeProvider(Now));
        // One membership: the office switcher never asks the service, so the database is never opened.
        Services.AddSingleton<IDbContextFactory<PortalDbContext>, UnusedDbContextFactory>();
        Services.AddSingleton<OrganisationService>();
        Services.AddSingleton<AntiforgeryStateProvider, FixedAntiforgeryStateProvider>();
        var auth = AddAuthorization();
        auth.SetAuthorized(DistrictOfficer.UserName);
        auth.SetClaims([.. ActiveMembershipResolver.ToClaims(DistrictOfficer)]);
        // Last: it starts the renderer, after which no service can be added.
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));
    }

    [Fact]
    public void In_Thai_the_layout_shows_the_title_the_Buddhist_era_date_the_user_and_the_logout_form()
    {
        using var thai = new CultureScope("th-TH");

        var layout = RenderLayout();

        Assert.Contains("ระบบรายงานเมืองน่าอยู่อัจฉริยะ", layout.Find(".portal-title").TextContent, StringComparison.Ordinal);
        Assert.Contains("กรมส่งเสริมการปกครองท้องถิ่น", layout.Find(".portal-subtitle").TextContent, StringComparison.Ordinal);
        Assert.Equal("วันนี้ 25 พฤศจิกายน 2569", Normalise(layout.Find("[data-testid=today]").TextContent));
        Assert.Equal("สมศรี รักษ์ถิ่น", layout.Find("[data-testid=user-name]").TextContent.Trim());
        AssertLogoutForm(layout, "ออกจากระบบ");
        Assert.Contains("page body", layout.Markup, StringComparison.Ordinal);
        Assert.Equal("true", layout.Find("[data-interactive]").GetAttribute("data-interactive"));
        // The menu links to the tier home of the active membership.
        Assert.Equal("/district", layout.Find("[data-testid=nav-home]").GetAttribute("href"));
        Assert.Empty(layout.FindAll("[data-testid=office-switcher]"));
    }

    [Fact]
    public void In_English_the_layout_shows_the_English_title_and_the_BE_date()
    {
        using var english = new CultureScope("en-US");

        var layout = RenderLayout();

        Assert.Contains("Smart City Reporting Portal", layout.Find(".portal-title").TextContent, StringComparison.Ordinal);
        Assert.Equal("Today 25 November 2569 BE", Normalise(layout.Find("[data-testid=today]").TextContent));
        Assert.Equal("สมศรี รักษ์ถิ่น", layout.Find("[data-testid=user-name]").TextContent.Trim());
        AssertLogoutForm(layout, "Sign out");
    }

    [Fact]
    public void The_date_follows_the_clock_in_Bangkok_time()
    {
        using var thai = new CultureScope("th-TH");
        // 18:00 UTC on 31 December 2026 is already 1 January 2027 (2570 BE) in Bangkok.
        ((FakeTimeProvider)Services.GetRequiredService<TimeProvider>()).SetUtcNow(new DateTimeOffset(2026, 12, 31, 18, 0, 0, TimeSpan.Zero));

        var layout = RenderLayout();

        Assert.Equal("วันนี้ 1 มกราคม 2570", Normalise(layout.Find("[data-testid=today]").TextContent));
    }

    private IRenderedComponent<MainLayout> RenderLayout() =>
        Render<MainLayout>(p => p.Add(l => l.Body, (RenderFragment)(b => b.AddContent(0, "page body"))));

    private static void AssertLogoutForm(IRenderedComponent<MainLayout> layout, string buttonText)
    {
        var form = layout.Find("form[action='account/logout']");
        Assert.Equal("post", form.GetAttribute("method"));
        Assert.Equal(FixedAntiforgeryStateProvider.Token, form.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value"));
        var button = layout.Find("[data-testid=logout]");
        Assert.Equal("submit", button.GetAttribute("type"));
        Assert.Contains(buttonText, button.TextContent, StringComparison.Ordinal);
    }

    private static string Normalise(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private sealed class UnusedDbContextFactory : IDbContextFactory<PortalDbContext>
    {
        public PortalDbContext CreateDbContext() =>
            throw new InvalidOperationException("The layout queried the database for a user with one membership.");
    }

    private sealed class FixedAntiforgeryStateProvider : AntiforgeryStateProvider
    {
        public const string Token = "test-antiforgery-token";

        public override AntiforgeryRequestToken? GetAntiforgeryToken() => new(Token, "__RequestVerificationToken");
    }
}
