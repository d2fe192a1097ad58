using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using SmartCity.Portal.Web.Tests.Infrastructure;

namespace SmartCity.Portal.Web.Tests.Api;

/// <summary>
/// The real Kestrel server with a server-wide body limit below our per-file limit: only the
/// in-memory test server would let a large upload through without the endpoint's own raise.
/// </summary>
public sealed class KestrelAttachmentPortalFactory : PortalFactory
{
    public const long ServerBodyLimit = 1_000_000;
    public const long MaxFileBytes = 2_000_000;

    public KestrelAttachmentPortalFactory()
        : base("Development", new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["Kestrel:Limits:MaxRequestBodySize"] = ServerBodyLimit.ToString(CultureInfo.InvariantCulture),
            ["Attachments:MaxFileBytes"] = MaxFileBytes.ToString(CultureInfo.InvariantCulture),
        })
    {
        UseKestrel(0);
    }
}

public sealed class ApiAttachmentKestrelTests(KestrelAttachmentPortalFactory factory) : IClassFixture<KestrelAttachmentPortalFactory>
{
    [Fact]
    public async Task An_upload_above_the_server_wide_body_limit_but_within_ours_arrives_and_one_above_ours_gets_our_Thai_413()
    {
        using var municipality = await KestrelClientAsync("muni-810116");
        var campaignId = await municipality.DemoCampaignIdAsync();
        using var created = await municipality.PostJsonAsync($"/api/v1/campaigns/{campaignId}/submissions");
        var submissionId = (await created.JsonAsync()).GetProperty("id").GetInt32();

        using var fits = await UploadAsync(municipality, submissionId, Pdf(1_500_000));
        Assert.Equal(HttpStatusCode.Created, fits.StatusCode);
        Assert.Equal(1_500_000, (await fits.JsonAsync()).GetProperty("length").GetInt64());

        using var tooLarge = await UploadAsync(municipality, submissionId, Pdf(2_000_001));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooLarge.StatusCode);
        Assert.Equal("attachment-too-large", (await tooLarge.JsonAsync()).GetProperty("code").GetString());
    }

    /// <summary>A plain HttpClient over a socket to the Kestrel address, with a bearer token.</summary>
    private async Task<HttpClient> KestrelClientAsync(string userName)
    {
        _ = factory.Services; // starts the server
        var address = factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var client = new HttpClient { BaseAddress = new Uri(address) };
        using var token = await client.RequestTokenAsync(userName, DemoUsers.Password);
        Assert.Equal(HttpStatusCode.OK, token.StatusCode);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", (await token.JsonAsync()).GetProperty("accessToken").GetString());
        return client;
    }

    // Sent without a Content-Type on purpose: the endpoint takes any, or none.
    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, int submissionId, byte[] content)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri($"/api/v1/submissions/{submissionId}/attachments?field=projects.items%5B0%5D.evidence", UriKind.Relative))
        {
            Content = new ByteArrayContent(content),
        };
        request.Headers.Add("X-File-Name", Uri.EscapeDataString("หลักฐานขนาดใหญ่.pdf"));
        return await client.SendAsync(request);
    }

    private static byte[] Pdf(int length)
    {
        const string head = "%PDF-1.4\n%";
        const string tail = "\n%%EOF\n";
        return Encoding.ASCII.GetBytes(head + new string('x', length - head.Length - tail.Length) + tail);
    }
}
