using Microsoft.AspNetCore.Http.Features;
using Microsoft.Net.Http.Headers;
using SmartCity.Portal.Attachments;

namespace SmartCity.Portal.Web.Api;

/// <summary>
/// The HTTP side of uploaded files, shared by evidence (<see cref="AttachmentEndpoints"/>) and campaign
/// documents (<see cref="CampaignDocumentEndpoints"/>): the raw-body upload protocol and the download answer.
/// </summary>
internal static class FileTransfer
{
    /// <summary>The display name travels percent-encoded UTF-8, so Thai survives any HTTP stack.</summary>
    public const string FileNameHeader = "X-File-Name";

    private const long BodyOverheadBytes = 64 * 1024;

    /// <summary>
    /// Lifts the server-wide body limit (Kestrel's 30 MB by default) to ours, for this request only, so that
    /// our per-file limit answers with its Thai message before the server cuts the connection.
    /// </summary>
    public static void AllowBody(HttpContext http, long maxFileBytes)
    {
        ArgumentNullException.ThrowIfNull(http);
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodySize)
        {
            bodySize.MaxRequestBodySize = maxFileBytes + BodyOverheadBytes;
        }
    }

    /// <summary>The name the sender gave, or null when there is none or it is not valid percent-encoding.</summary>
    public static string? FileName(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var header = request.Headers[FileNameHeader].ToString();
        if (string.IsNullOrEmpty(header))
        {
            return null;
        }

        try
        {
            return Uri.UnescapeDataString(header);
        }
        catch (UriFormatException)
        {
            return null;
        }
    }

    /// <summary>Always a download, never rendered inline or re-guessed by the browser: an uploaded file is not our page.</summary>
    public static IResult Download(HttpResponse response, AttachmentContent file, string asciiName)
    {
        ArgumentNullException.ThrowIfNull(response);
        ArgumentNullException.ThrowIfNull(file);
        response.Headers.ContentDisposition = new ContentDispositionHeaderValue("attachment")
        {
            // filename= for clients that know only ASCII; filename*= (RFC 5987) carries the Thai name.
            FileName = asciiName + FileSniffer.Extension(file.Kind),
            FileNameStar = file.Name,
        }.ToString();
        response.Headers.XContentTypeOptions = "nosniff";
        response.Headers.CacheControl = "private, no-store";
        return TypedResults.Stream(file.Content, file.ContentType);
    }
}
