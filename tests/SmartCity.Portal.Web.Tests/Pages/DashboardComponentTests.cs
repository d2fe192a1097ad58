using System.Security.Claims;
using Bunit.TestDoubles;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MudBlazor;
using SmartCity.Portal.Campaigns;
using SmartCity.Portal.Dashboards;
using SmartCity.Portal.Security;
using SmartCity.Portal.Submissions;
using SmartCity.Portal.Submissions.Workflow;
using SmartCity.Portal.Web.Features.Dashboards;
using SmartCity.Portal.Web.Tests.Infrastructure;

namespace SmartCity.Portal.Web.Tests.Pages;

/// <summary>
/// The dashboard components rendered with bUnit over the real services and database of a portal host:
/// Krabi's demo round with 810116 (via district 8101) at the province and the others not started.
/// </summary>
public sealed class DashboardComponentTests : PortalComponentTest, IClassFixture<PortalFactory>
{
    private readonly PortalFactory factory;
    private readonly FakeTimeProvider clock = new(DateTimeOffset.UtcNow);
    private readonly BunitAuthorizationContext auth;
    private bool popoverProvider;

    public DashboardComponentTests(PortalFactory factory)
    {
        this.factory = factory;
        Services.AddSingleton(factory.Services.GetRequiredService<DashboardService>());
        Services.AddSingleton(factory.Services.GetRequiredService<CampaignService>());
        Services.AddSingleton(factory.Services.GetRequiredService<SubmissionChangeNotifier>());
        // The component's clock (countdown, reload delay) is fake; the services keep the host's real one.
        Services.AddSingleton<TimeProvider>(clock);
        auth = AddAuthorization();
    }

    [Fact]
    public async Task The_cards_show_the_counts_and_a_click_on_one_filters_the_list()
    {
        using var thai = new CultureScope("th-TH");
        await SignInAsync("province-81");
        var page = RenderDashboard();

        page.WaitForAssertion(() => Assert.Equal("8", Count(page, "Total")), TimeSpan.FromSeconds(10));
        Assert.Equal("7", Count(page, "NotStarted"));
        Assert.Equal("1", Count(page, "AtProvince"));
        Assert.Equal("0", Count(page, "Late"));
        page.WaitForAssertion(() => Assert.Equal(8, Rows(page).Count));

        page.Find("[data-testid=count-AtProvince]").Click();
        page.WaitForAssertion(() => Assert.Equal(["810116:AtProvince"], Rows(page)));
        Assert.Equal("true", page.Find("[data-testid=count-AtProvince]").GetAttribute("aria-pressed"));

        // The same card again clears the filter.
        page.Find("[data-testid=count-AtProvince]").Click();
        page.WaitForAssertion(() => Assert.Equal(8, Rows(page).Count));

        page.Find("[data-testid=count-NotStarted]").Click();
        page.WaitForAssertion(() => Assert.Equal(7, Rows(page).Count));
        Assert.All(Rows(page), r => Assert.EndsWith(":NotStarted", r, StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_province_matrix_counts_each_district_and_the_direct_row_and_a_cell_filters_the_list()
    {
        using var thai = new CultureScope("th-TH");
        await SignInAsync("province-81");
        var page = RenderDashboard();

        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=province-matrix]")), TimeSpan.FromSeconds(10));
        Assert.Equal("1", Cell(page, "matrix-8101-AtProvince"));
        Assert.Equal("1", Cell(page, "matrix-8101-NotStarted"));
        Assert.Equal("0", Cell(page, "matrix-8107-Total"));
        Assert.Equal("1", Cell(page, "matrix-direct-NotStarted"));
        Assert.Equal("8", Cell(page, "matrix-total-Total"));
        Assert.Contains("ส่งตรงจังหวัด", page.Find("[data-testid=matrix-row-direct]").TextContent, StringComparison.Ordinal);
        Assert.Contains("อำเภอเมืองกระบี่", page.Find("[data-testid=matrix-row-8101]").TextContent, StringComparison.Ordinal);

        page.Find("[data-testid=matrix-8101-NotStarted] button").Click();
        page.WaitForAssertion(() => Assert.Equal(["810103:NotStarted"], Rows(page)));
    }

    [Fact]
    public async Task DLA_sees_every_province_sorts_by_any_column_and_drills_down()
    {
        using var thai = new CultureScope("th-TH");
        await SignInAsync("dla");
        var page = RenderDashboard();

        page.WaitForAssertion(() => Assert.Equal(76, ProvinceOrder(page).Count), TimeSpan.FromSeconds(10));
        Assert.Equal("/dla/dashboard?province=81", page.Find("[data-testid=dla-province-81] a").GetAttribute("href"));
        Assert.Equal("8", Cell(page, "dla-81-Total"));
        Assert.Equal("1", Cell(page, "dla-81-Submitted"));
        Assert.Equal("0%", page.Find("[data-testid=dla-81-Share]").TextContent.Trim().Replace(" ", "", StringComparison.Ordinal));

        // A number column sorts largest first; a second click turns it round (ties by province code).
        page.Find("[data-testid=dla-sort-Total]").Click();
        page.WaitForAssertion(() => Assert.Equal("81", ProvinceOrder(page)[0]));
        page.Find("[data-testid=dla-sort-Total]").Click();
        page.WaitForAssertion(() => Assert.Equal("81", ProvinceOrder(page)[^1]));
        var ascending = ProvinceOrder(page);
        Assert.Equal(ascending.Take(75).Order(StringComparer.Ordinal), ascending.Take(75));

        // Krabi by district: its matrix, whose district names lead one level further down.
        var krabi = RenderDashboard(p => p.Add(d => d.ProvinceCode, "81").Add(d => d.DrillDown, true));
        krabi.WaitForAssertion(() => Assert.NotEmpty(krabi.FindAll("[data-testid=province-matrix]")), TimeSpan.FromSeconds(10));
        Assert.Equal("/dla/dashboard?province=81&district=8101", krabi.Find("[data-testid=matrix-open-8101]").GetAttribute("href"));
        Assert.Empty(krabi.FindAll("[data-testid=dla-provinces]"));
    }

    [Fact]
    public async Task A_burst_of_changes_reloads_the_dashboard_once()
    {
        using var thai = new CultureScope("th-TH");
        await SignInAsync("district-8101");
        var page = RenderDashboard();
        page.WaitForAssertion(() => Assert.Equal("1", page.Find("[data-testid=dashboard]").GetAttribute("data-loads")), TimeSpan.FromSeconds(10));
        var notifier = Services.GetRequiredService<SubmissionChangeNotifier>();

        for (var i = 0; i < 20; i++)
        {
            notifier.Changed(i);
        }

        // Nothing before the delay has passed; then exactly one reload for the twenty changes.
        Assert.Equal("1", page.Find("[data-testid=dashboard]").GetAttribute("data-loads"));
        clock.Advance(TimeSpan.FromSeconds(1));
        page.WaitForAssertion(() => Assert.Equal("2", page.Find("[data-testid=dashboard]").GetAttribute("data-loads")), TimeSpan.FromSeconds(10));
        clock.Advance(TimeSpan.FromSeconds(5));
        Assert.Equal("2", page.Find("[data-testid=dashboard]").GetAttribute("data-loads"));

        // Gone with the page: a change afterwards reloads nothing and throws nothing.
        await DisposeComponentsAsync();
        notifier.Changed(1);
        clock.Advance(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task The_deadlines_show_the_Buddhist_era_date_and_the_time_left_in_Thai()
    {
        using var thai = new CultureScope("th-TH");
        await SignInAsync("district-8101");
        var krabiDeadline = await factory.QueryAsync(db => db.TierDeadlines.Where(t => t.OrgUnit!.Code == "81").Select(t => t.DeadlineUtc).SingleAsync());
        var page = RenderDashboard();

        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=deadline-submission]")), TimeSpan.FromSeconds(10));
        Assert.Equal(Common.ThaiTime.FormatDateTime(krabiDeadline), page.Find("[data-testid=deadline-submission-date]").TextContent.Trim());
        var left = krabiDeadline - clock.GetUtcNow().UtcDateTime;
        Assert.Equal($"เหลืออีก {(int)left.TotalDays} วัน {left.Hours} ชั่วโมง", page.Find("[data-testid=deadline-submission-countdown]").TextContent.Trim());
    }

    private IRenderedComponent<TierDashboard> RenderDashboard(Action<ComponentParameterCollectionBuilder<TierDashboard>>? parameters = null)
    {
        // The filters are MudSelects: their popovers need one provider in the context.
        if (!popoverProvider)
        {
            Render<MudPopoverProvider>();
            popoverProvider = true;
        }

        return Render<TierDashboard>(parameters ?? (_ => { }));
    }

    private static string? Count(IRenderedComponent<TierDashboard> page, string key) =>
        page.Find($"[data-testid=count-{key}] .dashboard-card-count").GetAttribute("data-count");

    private static string? Cell(IRenderedComponent<TierDashboard> page, string testId) =>
        page.Find($"[data-testid={testId}]").GetAttribute("data-count");

    private static List<string> Rows(IRenderedComponent<TierDashboard> page) =>
        page.FindAll("[data-testid=dashboard-row]").Select(e => $"{e.GetAttribute("data-code")}:{e.GetAttribute("data-status")}").ToList();

    private static List<string> ProvinceOrder(IRenderedComponent<TierDashboard> page) =>
        page.FindAll("[data-testid=dla-provinces] tbody tr").Select(e => e.GetAttribute("data-code") ?? "").ToList();

    /// <summary>Signs in as a demo account (its one membership, as the claims transformation would) and makes sure 810116 is at the province.</summary>
    private async Task SignInAsync(string userName)
    {
        var membership = await MembershipAsync(userName);
        auth.SetAuthorized(userName);
        auth.SetClaims([.. ActiveMembershipResolver.ToClaims(membership)]);
        await EnsureAoNangAtProvinceAsync();
    }

    private Task<ActiveMembership> MembershipAsync(string userName) => factory.QueryAsync(async db =>
    {
        var m = await db.Memberships.Where(x => x.User!.UserName == userName)
            .Select(x => new { x.UserId, x.Role, x.OrgUnitId, x.OrgUnit!.Path }).FirstAsync();
        return new ActiveMembership(m.UserId, userName, userName, m.Role, m.OrgUnitId, m.Path, 1);
    });

    private async Task EnsureAoNangAtProvinceAsync()
    {
        var submissions = factory.Services.GetRequiredService<SubmissionService>();
        var campaignId = await factory.QueryAsync(db => db.Campaigns.Where(c => c.State == CampaignState.Open).Select(c => c.Id).FirstAsync());
        var municipality = Principal(await MembershipAsync("muni-810116"));
        var draft = await submissions.CreateOrGetAsync(municipality, campaignId);
        if (draft.State != SubmissionState.Draft)
        {
            return;
        }

        await submissions.SaveAnswersAsync(municipality, draft.Id, draft.ConcurrencyToken, Core.Tests.Forms.DefaultTemplateAnswers.CompleteWithoutFiles);
        var current = await submissions.GetAsync(municipality, draft.Id);
        await submissions.ActAsync(municipality, draft.Id, new ActionRequest(WorkflowAction.Submit, current.ConcurrencyToken, null, null));
        var district = Principal(await MembershipAsync("district-8101"));
        current = await submissions.GetAsync(district, draft.Id);
        await submissions.ActAsync(district, draft.Id, new ActionRequest(WorkflowAction.Forward, current.ConcurrencyToken, null, null));
    }

    private static ClaimsPrincipal Principal(ActiveMembership membership) =>
        new(new ClaimsIdentity(ActiveMembershipResolver.ToClaims(membership), "test"));
}
