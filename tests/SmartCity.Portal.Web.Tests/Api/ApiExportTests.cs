using System.Net;
using ClosedXML.Excel;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using SmartCity.Portal.Campaigns;
using SmartCity.Portal.Organisations;
using SmartCity.Portal.Reports;
using SmartCity.Portal.Submissions;
using SmartCity.Portal.Web.Tests.Infrastructure;

namespace SmartCity.Portal.Web.Tests.Api;

/// <summary>The Excel downloads over HTTP: with a bearer token or the pages' cookie, and refusals as Thai problem details.</summary>
public sealed class ApiExportTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    [Fact]
    public async Task The_province_downloads_the_Krabi_tracker_as_a_workbook_with_Thai_and_ASCII_file_names()
    {
        var campaignId = await DemoCampaignIdAsync();
        var province = await factory.BearerClientAsync(DemoUsers.Province.UserName);

        using var response = await province.GetAsync(new Uri($"/api/v1/exports/tracker.xlsx?campaignId={campaignId}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(Xlsx, response.Content.Headers.ContentType?.MediaType);
        var disposition = response.Content.Headers.ContentDisposition!;
        Assert.Equal("attachment", disposition.DispositionType);
        Assert.Matches(@"^tracker-2567-81-25\d{6}\.xlsx$", disposition.FileName!.Trim('"'));
        Assert.StartsWith("ติดตามรายงาน-2567-จังหวัดกระบี่-25", disposition.FileNameStar, StringComparison.Ordinal);
        var raw = string.Join(",", response.Content.Headers.GetValues("Content-Disposition"));
        Assert.Contains("filename*=UTF-8''", raw, StringComparison.Ordinal);

        using var workbook = new XLWorkbook(new MemoryStream(await response.Content.ReadAsByteArrayAsync()));
        var sheet = workbook.Worksheet(1);
        Assert.Equal("เทศบาล", sheet.Cell(1, 4).GetString());
        var codes = sheet.Column(3).CellsUsed().Skip(1).Select(c => c.GetString()).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(DemoOrganisations.Municipalities.Select(m => m.Code).Order(StringComparer.Ordinal), codes);
        Assert.Contains(sheet.Column(4).CellsUsed(), c => c.GetString() == "เทศบาลตำบลอ่าวนาง");
    }

    [Fact]
    public async Task A_municipality_is_refused_with_Thai_problem_details()
    {
        var campaignId = await DemoCampaignIdAsync();
        var municipality = await factory.BearerClientAsync(DemoUsers.Municipality.UserName);

        using var response = await municipality.GetAsync(new Uri($"/api/v1/exports/tracker.xlsx?campaignId={campaignId}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Null(response.Content.Headers.ContentDisposition);
        var problem = await response.JsonAsync();
        Assert.Equal("tracker-offices-only", problem.GetProperty("code").GetString());
        Assert.Contains("เฉพาะ", problem.GetProperty("title").GetString(), StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("titleEn").GetString()));
    }

    [Fact]
    public async Task A_missing_or_unknown_campaign_is_400_or_404()
    {
        var province = await factory.BearerClientAsync(DemoUsers.Province.UserName);

        using var missing = await province.GetAsync(new Uri("/api/v1/exports/tracker.xlsx", UriKind.Relative));
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        using var unknown = await province.GetAsync(new Uri("/api/v1/exports/tracker.xlsx?campaignId=999999", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("application/problem+json", unknown.Content.Headers.ContentType?.MediaType);
        using var dispatches = await province.GetAsync(new Uri("/api/v1/exports/dispatches.xlsx?campaignId=999999", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, dispatches.StatusCode);
    }

    [Fact]
    public async Task The_receive_register_link_on_the_page_works_with_the_sign_in_cookie()
    {
        var province = await factory.SignedInClientAsync(DemoUsers.Province.UserName);

        // The page carries the button, pointing at this year's register.
        using var page = await province.GetAsync(new Uri("/province/register", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        // A real link with "download", so that Blazor's router leaves the click to the browser.
        Assert.Matches("<a(?=[^>]*data-testid=\"register-export\")(?=[^>]*\\bdownload\\b)[^>]*>", html);
        Assert.Contains("/api/v1/exports/receive-register.xlsx?year=25", html, StringComparison.Ordinal);

        using var response = await province.GetAsync(new Uri("/api/v1/exports/receive-register.xlsx?year=2569", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(Xlsx, response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("receive-register-2569-81-", response.Content.Headers.ContentDisposition!.FileName!.Trim('"')[..25]);
        using var workbook = new XLWorkbook(new MemoryStream(await response.Content.ReadAsByteArrayAsync()));
        Assert.Equal("เลขรับ", workbook.Worksheet(1).Cell(1, 1).GetString());
        Assert.True(workbook.Worksheet(1).SheetView.SplitRow == 1);

        var district = await factory.SignedInClientAsync(DemoUsers.District.UserName);
        using var refused = await district.GetAsync(new Uri("/api/v1/exports/receive-register.xlsx?year=2569", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal("paper-copy-province-only", (await refused.JsonAsync()).GetProperty("code").GetString());
    }

    [Fact]
    public async Task The_dispatch_list_is_for_provinces_and_DLA()
    {
        var dla = await factory.BearerClientAsync(DemoUsers.Dla.UserName);
        using var all = await dla.GetAsync(new Uri("/api/v1/exports/dispatches.xlsx", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, all.StatusCode);
        Assert.StartsWith("dispatches-all-", all.Content.Headers.ContentDisposition!.FileName!.Trim('"'), StringComparison.Ordinal);
        using var workbook = new XLWorkbook(new MemoryStream(await all.Content.ReadAsByteArrayAsync()));
        Assert.Equal("เลขที่หนังสือ", workbook.Worksheet(1).Cell(1, 2).GetString());

        var district = await factory.BearerClientAsync(DemoUsers.District.UserName);
        using var refused = await district.GetAsync(new Uri("/api/v1/exports/dispatches.xlsx", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal("dispatches-province-dla-only", (await refused.JsonAsync()).GetProperty("code").GetString());
    }

    [Fact]
    public void State_and_class_names_in_exports_match_the_pages()
    {
        var localizer = factory.Services.GetRequiredService<IStringLocalizer<SharedResource>>();
        foreach (var culture in new[] { "th-TH", "en-GB" })
        {
            using var scope = new CultureScope(culture);
            var english = culture.StartsWith("en", StringComparison.Ordinal);
            foreach (var state in Enum.GetValues<SubmissionState>())
            {
                Assert.Equal(localizer["State." + state].Value, SubmissionTexts.State(state).For(english));
            }
        }
    }

    private Task<int> DemoCampaignIdAsync() =>
        factory.QueryAsync(db => db.Campaigns.Where(c => c.FiscalYear == DemoCampaign.FiscalYear).Select(c => c.Id).FirstAsync());
}

/// <summary>One export slot and a one-second queue: enough to see the 503 without waiting a minute.</summary>
public sealed class BusyExportsPortalFactory() : PortalFactory("Development", new Dictionary<string, string>(StringComparer.Ordinal)
{
    ["Reports:MaxConcurrentExports"] = "1",
    ["Reports:QueueTimeoutSeconds"] = "1",
});

public sealed class ApiExportBusyTests(BusyExportsPortalFactory factory) : IClassFixture<BusyExportsPortalFactory>
{
    [Fact]
    public async Task While_every_slot_is_taken_an_export_gets_503_in_Thai_and_then_works_again()
    {
        var province = await factory.BearerClientAsync(DemoUsers.Province.UserName);
        var gate = factory.Services.GetRequiredService<ExportGate>();
        Assert.Equal(1, gate.Capacity);

        using (await gate.EnterAsync(CancellationToken.None))
        {
            using var busy = await province.GetAsync(new Uri("/api/v1/exports/receive-register.xlsx?year=2569", UriKind.Relative));
            Assert.Equal(HttpStatusCode.ServiceUnavailable, busy.StatusCode);
            Assert.Equal("application/problem+json", busy.Content.Headers.ContentType?.MediaType);
            Assert.Null(busy.Content.Headers.ContentDisposition);
            Assert.Equal("30", busy.Headers.RetryAfter?.ToString());
            var problem = await busy.JsonAsync();
            Assert.Equal("exports-busy", problem.GetProperty("code").GetString());
            Assert.Equal("ระบบกำลังจัดทำรายงานอื่นอยู่ กรุณาลองใหม่อีกครั้ง", problem.GetProperty("title").GetString());
            Assert.Equal("The portal is busy preparing other reports. Please try again.", problem.GetProperty("titleEn").GetString());
        }

        using var ok = await province.GetAsync(new Uri("/api/v1/exports/receive-register.xlsx?year=2569", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
    }
}
