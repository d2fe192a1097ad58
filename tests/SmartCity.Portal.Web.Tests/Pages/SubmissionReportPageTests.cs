using System.Net;
using System.Text;
using SmartCity.Portal.Web.Tests.Api;
using SmartCity.Portal.Web.Tests.Infrastructure;

namespace SmartCity.Portal.Web.Tests.Pages;

/// <summary>
/// The issue's journey from the office side: the district officer opens the same report, reads its answers,
/// downloads its attachment and prints it; another district learns nothing. Against the real host and SQLite.
/// </summary>
public sealed class SubmissionReportPageTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private const string FileName = "หลักฐาน โครงการไฟถนน.pdf";

    private static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n");

    [Fact]
    public async Task The_district_reads_the_answers_and_gets_a_download_link_per_attachment_and_the_print_link()
    {
        var (submissionId, attachmentId) = await KrabiNoiReportAsync();
        var district = await factory.SignedInClientAsync("district-8101");

        using var response = await district.GetAsync(new Uri($"/submissions/{submissionId}", UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("data-testid=\"submission-answers\"", html, StringComparison.Ordinal);
        Assert.Contains("เทศบาลตำบลกระบี่น้อย", html, StringComparison.Ordinal);
        Assert.Contains("ส่วนที่ 8 การรับรองข้อมูล", html, StringComparison.Ordinal);
        Assert.Contains($"href=\"/api/v1/attachments/{attachmentId}\"", html, StringComparison.Ordinal);
        Assert.Contains($"data-name=\"{FileName}\"", html, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"attachment-link\"", html, StringComparison.Ordinal);
        Assert.Contains($"href=\"/submissions/{submissionId}/print\"", html, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"print-link\"", html, StringComparison.Ordinal);

        // The link works with the officer's cookie: the same bytes the municipality uploaded.
        using var download = await district.GetAsync(new Uri($"/api/v1/attachments/{attachmentId}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(Pdf, await download.Content.ReadAsByteArrayAsync());
    }

    [Theory]
    [InlineData("muni-810103")]
    [InlineData("district-8101")]
    [InlineData("province-81")]
    [InlineData("dla")]
    public async Task The_print_page_shows_the_whole_report_marked_as_a_draft_until_it_is_sent(string userName)
    {
        var (submissionId, _) = await KrabiNoiReportAsync();
        var client = await factory.SignedInClientAsync(userName);

        using var response = await client.GetAsync(new Uri($"/submissions/{submissionId}/print", UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("class=\"report-print\"", html, StringComparison.Ordinal);
        Assert.Contains("ร่าง — ยังไม่ได้ส่ง", html, StringComparison.Ordinal);
        Assert.Contains("12,345 คน", html, StringComparison.Ordinal);
        Assert.Contains(FileName, html, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"print-button\"", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("district-8102")]
    [InlineData("muni-810116")]
    public async Task Outside_the_jurisdiction_the_print_page_is_404_as_if_it_did_not_exist(string userName)
    {
        var (submissionId, _) = await KrabiNoiReportAsync();
        var client = await factory.SignedInClientAsync(userName);

        using var response = await client.GetAsync(new Uri($"/submissions/{submissionId}/print", UriKind.Relative));
        using var missing = await client.GetAsync(new Uri("/submissions/999999/print", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    /// <summary>
    /// Krabi Noi's draft (under district 8101) with a few answers and one PDF: made by the first test that needs it
    /// (xUnit makes a new instance per test, and the tests of a class run one at a time), found by the others.
    /// </summary>
    private async Task<(int SubmissionId, int AttachmentId)> KrabiNoiReportAsync()
    {
        var municipality = await factory.BearerClientAsync("muni-810103");
        var campaignId = await municipality.DemoCampaignIdAsync();
        using var created = await municipality.PostJsonAsync($"/api/v1/campaigns/{campaignId}/submissions");
        var id = (await created.JsonAsync()).GetProperty("id").GetInt32();
        using var listed = await municipality.GetAsync(new Uri($"/api/v1/submissions/{id}/attachments", UriKind.Relative));
        var existing = (await listed.JsonAsync()).EnumerateArray().ToList();
        if (existing.Count > 0)
        {
            return (id, existing[0].GetProperty("id").GetInt32());
        }

        using var upload = new HttpRequestMessage(HttpMethod.Post, new Uri($"/api/v1/submissions/{id}/attachments?field={Uri.EscapeDataString("projects.items[0].evidence")}", UriKind.Relative))
        {
            Content = new ByteArrayContent(Pdf),
        };
        upload.Headers.Add("X-File-Name", Uri.EscapeDataString(FileName));
        using var uploaded = await municipality.SendAsync(upload);
        Assert.Equal(HttpStatusCode.Created, uploaded.StatusCode);
        var attachmentId = (await uploaded.JsonAsync()).GetProperty("id").GetInt32();
        // As the form page does after an upload: the answers name the file under its question.
        var answers = new
        {
            org = new { name = "เทศบาลตำบลกระบี่น้อย", population = 12345 },
            projects = new { items = new[] { new { title = "ไฟถนนอัจฉริยะ", evidence = new[] { attachmentId } } } },
        };
        using var saved = await municipality.PutJsonAsync($"/api/v1/submissions/{id}/answers", answers, created.ETag());
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        return (id, attachmentId);
    }
}
