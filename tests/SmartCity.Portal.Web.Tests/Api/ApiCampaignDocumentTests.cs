using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using SmartCity.Portal.Web.Tests.Infrastructure;

namespace SmartCity.Portal.Web.Tests.Api;

/// <summary>Campaign documents over HTTP (the criteria PDF, the letter), against the real host, SQLite and disk.</summary>
public sealed class ApiCampaignDocumentTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task DLA_uploads_a_criteria_PDF_and_a_municipality_lists_and_downloads_it_with_its_Thai_name()
    {
        var dla = await factory.BearerClientAsync("dla");
        var campaignId = await dla.DemoCampaignIdAsync();
        var pdf = Pdf(4_000);

        using var uploaded = await UploadAsync(dla, campaignId, pdf, "หลักเกณฑ์การคัดเลือก.pdf", "criteria");

        Assert.Equal(HttpStatusCode.Created, uploaded.StatusCode);
        var body = await uploaded.JsonAsync();
        var id = body.GetProperty("id").GetInt32();
        Assert.Equal("หลักเกณฑ์การคัดเลือก.pdf", body.GetProperty("name").GetString());
        Assert.Equal("criteria", body.GetProperty("kind").GetString());
        Assert.Equal("pdf", body.GetProperty("fileKind").GetString());
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(pdf)), body.GetProperty("sha256").GetString());
        Assert.Equal($"/api/v1/campaign-documents/{id}", uploaded.Headers.Location?.OriginalString);

        var municipality = await factory.BearerClientAsync("muni-810116");
        var list = await municipality.GetFromJsonAsync<JsonElement>(new Uri($"/api/v1/campaigns/{campaignId}/documents", UriKind.Relative));
        Assert.Contains(list.EnumerateArray(), d => d.GetProperty("id").GetInt32() == id);

        using var download = await municipality.GetAsync(new Uri($"/api/v1/campaign-documents/{id}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/pdf", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("หลักเกณฑ์การคัดเลือก.pdf", download.Content.Headers.ContentDisposition?.FileNameStar);
        Assert.Equal("nosniff", Assert.Single(download.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal(pdf, await download.Content.ReadAsByteArrayAsync());

        // Stored under a server-made name in the campaign's own folder, never the user's name.
        var stored = Directory.GetFiles(Path.Combine(factory.DataDirectory, "campaign-documents", campaignId.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Contains(stored, f => System.Text.RegularExpressions.Regex.IsMatch(Path.GetFileName(f), "^[0-9a-f]{32}\\.pdf$"));
    }

    [Fact]
    public async Task A_municipality_may_not_upload_or_delete_a_campaign_document()
    {
        var municipality = await factory.BearerClientAsync("muni-810103");
        var campaignId = await municipality.DemoCampaignIdAsync();

        using var upload = await UploadAsync(municipality, campaignId, Pdf(1_000), "ของเทศบาล.pdf", "other");
        Assert.Equal(HttpStatusCode.Forbidden, upload.StatusCode);
        Assert.Equal("campaign-admin-forbidden", (await upload.JsonAsync()).GetProperty("code").GetString());

        var dla = await factory.BearerClientAsync("dla");
        using var uploaded = await UploadAsync(dla, campaignId, Pdf(1_000), "หนังสือ.pdf", "letter");
        var id = (await uploaded.JsonAsync()).GetProperty("id").GetInt32();
        using var delete = await municipality.DeleteAsync(new Uri($"/api/v1/campaign-documents/{id}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Forbidden, delete.StatusCode);

        using var deleted = await dla.DeleteAsync(new Uri($"/api/v1/campaign-documents/{id}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        using var gone = await municipality.GetAsync(new Uri($"/api/v1/campaign-documents/{id}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
    }

    [Theory]
    [InlineData("exe")]
    [InlineData("png")]
    [InlineData("empty")]
    public async Task A_file_that_is_not_a_PDF_or_DOCX_is_refused_with_422_and_a_Thai_message(string what)
    {
        var dla = await factory.BearerClientAsync("dla");
        var campaignId = await dla.DemoCampaignIdAsync();
        byte[] content = what switch
        {
            "exe" => [0x4D, 0x5A, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00],
            "png" => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00],
            _ => [],
        };

        using var response = await UploadAsync(dla, campaignId, content, "หลักเกณฑ์.pdf", "criteria");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var problem = await response.JsonAsync();
        Assert.Equal(what == "empty" ? "attachment-empty" : "campaign-document-type", problem.GetProperty("code").GetString());
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("title").GetString()));
    }

    [Fact]
    public async Task An_unknown_kind_is_refused_before_the_body_is_read()
    {
        var dla = await factory.BearerClientAsync("dla");
        var campaignId = await dla.DemoCampaignIdAsync();

        using var response = await UploadAsync(dla, campaignId, Pdf(500), "x.pdf", "evidence");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("campaign-document-kind", (await response.JsonAsync()).GetProperty("code").GetString());
    }

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, int campaignId, byte[] content, string name, string kind)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri($"/api/v1/campaigns/{campaignId}/documents?kind={kind}", UriKind.Relative))
        {
            Content = new ByteArrayContent(content),
        };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/octet-stream");
        request.Headers.Add("X-File-Name", Uri.EscapeDataString(name));
        return await client.SendAsync(request);
    }

    private static byte[] Pdf(int length)
    {
        var bytes = new byte[length];
        "%PDF-1.7\n"u8.CopyTo(bytes);
        return bytes;
    }
}
