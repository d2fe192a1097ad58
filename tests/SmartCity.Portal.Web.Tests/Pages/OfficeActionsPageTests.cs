using System.Net;
using System.Security.Claims;
using Bunit;
using Bunit.TestDoubles;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using SmartCity.Portal.Campaigns;
using SmartCity.Portal.Forms;
using SmartCity.Portal.Organisations;
using SmartCity.Portal.Registers;
using SmartCity.Portal.Security;
using SmartCity.Portal.Submissions;
using SmartCity.Portal.Submissions.Workflow;
using SmartCity.Portal.Web.Features.Submissions;
using SmartCity.Portal.Web.Tests.Api;
using SmartCity.Portal.Web.Tests.Infrastructure;

namespace SmartCity.Portal.Web.Tests.Pages;

/// <summary>
/// Issue 10 items 2, 6 and 7 over the real services of a portal host: the report page shows the office's permitted
/// actions; forward asks first, naming the report and the office it goes to (cancel leaves it in place); at the
/// province, on a round that wants the paper copy (the demo round does), the way on to DLA is the dispatch page.
/// </summary>
public sealed class OfficeActionsPageTests : PortalComponentTest, IClassFixture<PortalFactory>
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    private readonly PortalFactory factory;
    private readonly BunitAuthorizationContext auth;

    public OfficeActionsPageTests(PortalFactory factory)
    {
        this.factory = factory;
        foreach (var type in new[]
                 {
                     typeof(SubmissionService), typeof(SubmissionReportService), typeof(BulkActionService), typeof(PaperCopyService), typeof(CampaignService),
                     typeof(FormService), typeof(SubmissionChangeNotifier), typeof(OrganisationService), typeof(TimeProvider),
                 })
        {
            Services.AddSingleton(type, factory.Services.GetRequiredService(type));
        }

        auth = AddAuthorization();
    }

    [Fact]
    public async Task The_district_forwards_from_the_report_page_after_a_confirmation_naming_the_report_and_the_province()
    {
        using var thai = new CultureScope("th-TH");
        var (id, _, state) = await (await factory.BearerClientAsync("muni-810116")).CreateAndSubmitAsync();
        Assert.Equal("atDistrict", state);
        var district = await SignInAsync("district-8101");
        Render<MudPopoverProvider>();
        var dialogs = Render<MudDialogProvider>();

        var page = Render<SubmissionPage>(p => p.Add(x => x.Id, id));

        // The district's permitted actions are on the report page itself: forward and return.
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=submission-forward]")), Wait);
        Assert.NotEmpty(page.FindAll("[data-testid=submission-return]"));
        Assert.Empty(page.FindAll("[data-testid=submission-accept]"));

        page.Find("[data-testid=submission-forward]").Click();
        dialogs.WaitForAssertion(() => Assert.NotEmpty(dialogs.FindAll("[data-testid=confirm-dialog]")), Wait);
        Assert.Equal(
            "ส่งต่อรายงานของ เทศบาลตำบลอ่าวนาง ไปยัง สำนักงานส่งเสริมการปกครองท้องถิ่นจังหวัดกระบี่?",
            dialogs.Find("[data-testid=confirm-text]").TextContent.Trim());
        Assert.Matches(@"SC2567-81-\d{4}", dialogs.Find("[data-testid=confirm-items]").TextContent);

        // Cancelled: nothing moved.
        dialogs.Find("[data-testid=confirm-cancel]").Click();
        dialogs.WaitForAssertion(() => Assert.Empty(dialogs.FindAll("[data-testid=confirm-dialog]")), Wait);
        Assert.Equal(SubmissionState.AtDistrict, (await Submissions.GetAsync(district, id)).State);

        page.Find("[data-testid=submission-forward]").Click();
        dialogs.WaitForAssertion(() => Assert.NotEmpty(dialogs.FindAll("[data-testid=confirm-yes]")), Wait);
        dialogs.Find("[data-testid=confirm-yes]").Click();

        page.WaitForAssertion(() => Assert.Equal("AtProvince", page.Find("[data-testid=submission-state]").GetAttribute("data-state")), Wait);
        Assert.Equal(SubmissionState.AtProvince, (await Submissions.GetAsync(district, id)).State);
        Assert.Empty(page.FindAll("[data-testid=submission-forward]"));
    }

    [Fact]
    public async Task At_the_province_the_inbox_and_the_report_page_lead_a_paper_copy_report_to_the_dispatch_page()
    {
        using var thai = new CultureScope("th-TH");
        var (id, _, state) = await (await factory.BearerClientAsync("muni-810101")).CreateAndSubmitAsync();
        Assert.Equal("atProvince", state);
        var province = await SignInAsync("province-81");
        var detail = await Submissions.GetAsync(province, id);
        await factory.Services.GetRequiredService<PaperCopyService>().RecordAsync(province, id, TestDates.BangkokToday, null, detail.ConcurrencyToken);
        var campaignId = detail.CampaignId;
        var navigation = Services.GetRequiredService<NavigationManager>();
        Render<MudPopoverProvider>();
        Render<MudDialogProvider>();

        var inbox = Render<Inbox>();

        // No one-click forward: the row's button is the dispatch letter.
        inbox.WaitForAssertion(() => Assert.NotEmpty(inbox.FindAll("[data-testid=inbox-dispatch][data-code='810101']")), Wait);
        Assert.Empty(inbox.FindAll("[data-testid=inbox-forward][data-code='810101']"));
        Assert.Contains("ออกหนังสือนำส่ง", inbox.Find("[data-testid=inbox-dispatch][data-code='810101']").TextContent, StringComparison.Ordinal);
        inbox.Find("[data-testid=inbox-dispatch][data-code='810101']").Click();
        Assert.EndsWith($"/province/dispatches?campaign={campaignId}&select={id}", navigation.Uri, StringComparison.Ordinal);

        // Ticked in bulk, it is not among the plain forwards either: the bar offers the dispatch for it.
        inbox.Find("input[data-testid=bulk-select][data-code='810101']").Change(true);
        inbox.WaitForAssertion(() => Assert.Contains("(1)", inbox.Find("[data-testid=bulk-dispatch]").TextContent, StringComparison.Ordinal), Wait);
        Assert.Contains("(0)", inbox.Find("[data-testid=bulk-forward]").TextContent, StringComparison.Ordinal);
        Assert.True(inbox.Find("[data-testid=bulk-forward]").HasAttribute("disabled"));
        inbox.Find("[data-testid=bulk-dispatch]").Click();
        Assert.EndsWith($"/province/dispatches?campaign={campaignId}&select={id}", navigation.Uri, StringComparison.Ordinal);

        // The report page offers the same, from the same rule.
        var page = Render<SubmissionPage>(p => p.Add(x => x.Id, id));
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=submission-dispatch]")), Wait);
        Assert.Empty(page.FindAll("[data-testid=submission-forward]"));
        Assert.NotEmpty(page.FindAll("[data-testid=submission-paper-received]"));
        Assert.Equal(SubmissionState.AtProvince, (await Submissions.GetAsync(province, id)).State);
    }

    [Fact]
    public async Task The_dispatch_page_opened_from_the_inbox_has_the_reports_ticked()
    {
        // Khao Phanom (district 8102): its district forwards it, the province records its paper copy.
        var (id, etag, _) = await (await factory.BearerClientAsync("muni-810201")).CreateAndSubmitAsync();
        using (var forwarded = await (await factory.BearerClientAsync("district-8102")).PostJsonAsync($"/api/v1/submissions/{id}/actions/forward", null, etag))
        {
            Assert.Equal(HttpStatusCode.OK, forwarded.StatusCode);
        }

        var api = await factory.BearerClientAsync(DemoUsers.Province.UserName);
        using (var recorded = await api.PostJsonAsync($"/api/v1/submissions/{id}/paper-copy", new { receivedOn = TestDates.DaysAgo(1) }))
        {
            Assert.Equal(HttpStatusCode.Created, recorded.StatusCode);
        }

        var campaignId = await api.DemoCampaignIdAsync();
        var client = await factory.SignedInClientAsync(DemoUsers.Province.UserName);

        var html = await client.GetStringAsync(new Uri($"/province/dispatches?campaign={campaignId}&select={id}", UriKind.Relative));

        Assert.Contains("data-testid=\"dispatch-preselected\" data-count=\"1\"", html, StringComparison.Ordinal);
        Assert.Contains("data-selected=\"1\"", html, StringComparison.Ordinal);
        Assert.Contains("เลือกรายงานจากกล่องงานไว้แล้ว 1 แห่ง", html, StringComparison.Ordinal);
        // Without the link nothing is ticked.
        var plain = await client.GetStringAsync(new Uri("/province/dispatches", UriKind.Relative));
        Assert.DoesNotContain("dispatch-preselected", plain, StringComparison.Ordinal);
        Assert.Contains("data-selected=\"0\"", plain, StringComparison.Ordinal);
    }

    private SubmissionService Submissions => Services.GetRequiredService<SubmissionService>();

    /// <summary>Signs the rendered pages in as this office's officer; returns the same person for calling the services.</summary>
    private async Task<ClaimsPrincipal> SignInAsync(string userName)
    {
        var membership = await factory.QueryAsync(async db =>
        {
            var m = await db.Memberships.Where(x => x.User!.UserName == userName).Select(x => new { x.UserId, x.Role, x.OrgUnitId, x.OrgUnit!.Path }).FirstAsync();
            return new ActiveMembership(m.UserId, userName, userName, m.Role, m.OrgUnitId, m.Path, 1);
        });
        auth.SetAuthorized(userName);
        auth.SetClaims([.. ActiveMembershipResolver.ToClaims(membership)]);
        return new ClaimsPrincipal(new ClaimsIdentity(ActiveMembershipResolver.ToClaims(membership), "test", ClaimTypes.Name, ClaimTypes.Role));
    }
}
