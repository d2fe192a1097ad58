using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SmartCity.Portal.Common;
using SmartCity.Portal.Web.Tests.Api;
using SmartCity.Portal.Web.Tests.Infrastructure;

namespace SmartCity.Portal.Web.Tests.Pages;

/// <summary>DLA's campaign pages, rendered by the real host (prerender) on the demo data.</summary>
public sealed class CampaignAdminPagesTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private async Task<(int Id, string Title, DateTime Deadline)> DemoCampaignAsync() =>
        await factory.QueryAsync(async db =>
        {
            var c = await db.Campaigns.SingleAsync(x => x.FiscalYear == 2567);
            return (c.Id, c.Title, c.SubmissionDeadlineUtc);
        });

    [Fact]
    public async Task The_list_shows_the_demo_campaign_with_its_state_and_deadline_in_the_Buddhist_era()
    {
        var dla = await factory.SignedInClientAsync("dla");
        var (id, title, deadline) = await DemoCampaignAsync();

        using var response = await dla.GetAsync(new Uri("/dla/campaigns", UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("data-testid=\"campaign-admin-list\"", html, StringComparison.Ordinal);
        Assert.Contains($"href=\"/dla/campaigns/{id}\"", html, StringComparison.Ordinal);
        Assert.Contains(title, html, StringComparison.Ordinal);
        Assert.Contains(ThaiTime.FormatDateTime(deadline), html, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"campaign-admin-new\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_edit_page_shows_details_office_deadlines_documents_and_the_published_form()
    {
        var dla = await factory.SignedInClientAsync("dla");
        var (id, _, _) = await DemoCampaignAsync();
        var krabi = await factory.QueryAsync(db => db.TierDeadlines.Where(t => t.CampaignId == id && t.OrgUnit!.Code == "81").Select(t => t.DeadlineUtc).SingleAsync());

        using var response = await dla.GetAsync(new Uri($"/dla/campaigns/{id}", UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("data-testid=\"campaign-admin-details\"", html, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"campaign-admin-close\"", html, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"campaign-office-deadline\" data-code=\"81\"", html, StringComparison.Ordinal);
        Assert.Contains(ThaiTime.FormatDateTime(krabi), html, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"campaign-documents-admin\"", html, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"campaign-form-start-default\"", html, StringComparison.Ordinal);
        Assert.Contains("ฉบับที่ 1", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_edit_page_lists_who_changed_what_with_the_old_and_new_deadline_in_Thai()
    {
        var api = await factory.BearerClientAsync("dla");
        var deadline = new DateTimeOffset(2027, 3, 15, 16, 30, 0, TimeSpan.FromHours(7));
        object Details(DateTimeOffset due) => new
        {
            title = "รอบทดสอบประวัติบนหน้า", fiscalYear = 2570, letterNo = "มท ๑", letterDate = due.AddDays(-60),
            submissionDeadline = due, dlaDeadline = due.AddDays(14), paperCopyRequired = true,
        };
        using var created = await api.PostJsonAsync("/api/v1/campaigns", Details(deadline));
        var id = (await created.JsonAsync()).GetProperty("id").GetInt32();
        using var moved = await api.PutJsonAsync($"/api/v1/campaigns/{id}", Details(deadline.AddDays(-5)), created.ETag());
        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);

        var dla = await factory.SignedInClientAsync("dla");
        var html = await dla.GetStringAsync(new Uri($"/dla/campaigns/{id}", UriKind.Relative));

        Assert.Contains("data-testid=\"campaign-history-row\" data-action=\"update\"", html, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"campaign-history-row\" data-action=\"create\"", html, StringComparison.Ordinal);
        Assert.Contains("กำหนดส่งรายงานของเทศบาล: 15 มีนาคม 2570 เวลา 16:30 น. → 10 มีนาคม 2570 เวลา 16:30 น.", System.Net.WebUtility.HtmlDecode(html), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_new_page_offers_an_empty_form_and_the_create_button()
    {
        var dla = await factory.SignedInClientAsync("dla");

        using var response = await dla.GetAsync(new Uri("/dla/campaigns/new", UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("data-testid=\"campaign-admin-save\"", html, StringComparison.Ordinal);
        Assert.Contains("id=\"campaign-submission-deadline-date\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"campaign-admin-state-panel\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_preview_renders_the_form_as_a_municipality_sees_it_with_the_documents()
    {
        var dla = await factory.BearerClientAsync("dla");
        var (id, _, _) = await DemoCampaignAsync();
        var pdf = new byte[1500];
        "%PDF-1.4\n"u8.CopyTo(pdf);
        using (var request = new HttpRequestMessage(HttpMethod.Post, new Uri($"/api/v1/campaigns/{id}/documents?kind=criteria", UriKind.Relative)) { Content = new ByteArrayContent(pdf) })
        {
            request.Headers.Add("X-File-Name", Uri.EscapeDataString("หลักเกณฑ์พรีวิว.pdf"));
            using var uploaded = await dla.SendAsync(request);
            Assert.Equal(HttpStatusCode.Created, uploaded.StatusCode);
        }

        var page = await factory.SignedInClientAsync("dla");
        using var response = await page.GetAsync(new Uri($"/dla/campaigns/{id}/preview", UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("data-testid=\"campaign-preview-check\"", html, StringComparison.Ordinal);
        Assert.Contains("data-field=\"org.population\"", html, StringComparison.Ordinal);
        Assert.Contains("หลักเกณฑ์พรีวิว.pdf", html, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"campaign-document-link\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_administrator_sets_up_rounds_as_the_README_says_pages_menu_and_API_alike()
    {
        // Issue 10 item 19: CampaignAdminService lets the administrator through; the pages and the menu now agree.
        var admin = await factory.SignedInClientAsync("admin");
        var (id, title, _) = await DemoCampaignAsync();

        foreach (var path in new[] { "/dla/campaigns", "/dla/campaigns/new", $"/dla/campaigns/{id}", $"/dla/campaigns/{id}/preview" })
        {
            using var page = await admin.GetAsync(new Uri(path, UriKind.Relative));
            Assert.True(page.StatusCode == HttpStatusCode.OK, $"admin GET {path}: {(int)page.StatusCode} {page.RedirectTarget()}");
        }

        var list = await admin.GetStringAsync(new Uri("/dla/campaigns", UriKind.Relative));
        Assert.Contains("data-testid=\"campaign-admin-list\"", list, StringComparison.Ordinal);
        Assert.Contains(title, list, StringComparison.Ordinal);
        Assert.DoesNotContain("ไม่มีสิทธิ์เข้าถึง", list, StringComparison.Ordinal);
        var home = await admin.GetStringAsync(new Uri("/admin", UriKind.Relative));
        Assert.Contains("data-testid=\"nav-campaigns\"", home, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"home-campaigns-link\"", home, StringComparison.Ordinal);

        // The same through the API: the administrator creates a round (Draft) and reads it back.
        var api = await factory.BearerClientAsync("admin");
        var due = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(7)).Date.AddDays(90);
        var deadline = new DateTimeOffset(due.AddHours(16).AddMinutes(30), TimeSpan.FromHours(7));
        using var created = await api.PostJsonAsync("/api/v1/campaigns", new
        {
            title = "รอบที่ผู้ดูแลระบบตั้ง", fiscalYear = 2570, letterNo = "มท ๐๘๑๐.๒/ว ๑", letterDate = deadline.AddDays(-30),
            submissionDeadline = deadline, dlaDeadline = deadline.AddDays(14), paperCopyRequired = true,
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var newId = (await created.JsonAsync()).GetProperty("id").GetInt32();
        using var read = await api.GetAsync(new Uri($"/api/v1/campaigns/{newId}/admin", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Contains("รอบที่ผู้ดูแลระบบตั้ง", await admin.GetStringAsync(new Uri("/dla/campaigns", UriKind.Relative)), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("muni-810116")]
    [InlineData("province-81")]
    [InlineData("district-8101")]
    public async Task Other_tiers_do_not_get_the_pages(string userName)
    {
        var client = await factory.SignedInClientAsync(userName);

        using var response = await client.GetAsync(new Uri("/dla/campaigns", UriKind.Relative));

        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("campaign-admin-list", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
