using System.Security.Claims;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using SmartCity.Portal.Attachments;
using SmartCity.Portal.Campaigns;
using SmartCity.Portal.Common;

namespace SmartCity.Portal.Web.Api;

public sealed record CampaignDocumentDto(int Id, int CampaignId, string Kind, string Name, string FileKind, string ContentType, long Length, string Sha256, DateTime UploadedUtc, string UploadedBy);

/// <summary>
/// A campaign's documents (criteria, letter). Same protocol as evidence uploads
/// (<see cref="AttachmentEndpoints"/>): raw body, display name in <c>X-File-Name</c> percent-encoded UTF-8,
/// streamed to disk; the bytes decide the type. DLA uploads and deletes; whoever sees the campaign downloads.
/// </summary>
internal static class CampaignDocumentEndpoints
{
    public static void MapCampaignDocumentEndpoints(this RouteGroupBuilder api)
    {
        var documents = api.MapGroup("").WithTags("campaigns");
        documents.MapPost("/campaigns/{id:int}/documents", UploadAsync)
            .WithSummary("DLA: upload a campaign document (PDF or DOCX; raw body, name in X-File-Name percent-encoded UTF-8) of ?kind=criteria|letter|other")
            .Produces<CampaignDocumentDto>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        documents.MapGet("/campaigns/{id:int}/documents", ListAsync)
            .WithSummary("Anyone who may see the campaign: its documents")
            .Produces<IReadOnlyList<CampaignDocumentDto>>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        documents.MapGet("/campaign-documents/{id:int}", DownloadAsync)
            .WithSummary("Anyone who may see the campaign: the document, as an attachment with its Thai name")
            .Produces(StatusCodes.Status200OK)
            .ProducesProblem(StatusCodes.Status404NotFound);
        documents.MapDelete("/campaign-documents/{id:int}", DeleteAsync)
            .WithSummary("DLA: remove a campaign document (the record stays)")
            .Produces(StatusCodes.Status204NoContent)
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<IResult> UploadAsync(
        int id, string? kind, HttpContext http, ClaimsPrincipal user, CampaignDocumentService documents, IOptions<AttachmentOptions> options, CancellationToken cancellationToken)
    {
        if (!CampaignDocumentService.TryParseKind(kind, out var documentKind))
        {
            throw new PortalValidationException(CampaignAdminMessages.DocumentKindInvalid);
        }

        FileTransfer.AllowBody(http, options.Value.MaxFileBytes);
        var name = FileTransfer.FileName(http.Request);
        var info = await documents.UploadAsync(user, id, documentKind, name, http.Request.Body, cancellationToken);
        return TypedResults.Created($"{ApiExtensions.Prefix}/campaign-documents/{info.Id}", Dto(info));
    }

    private static async Task<IResult> ListAsync(int id, ClaimsPrincipal user, CampaignDocumentService documents, CancellationToken cancellationToken) =>
        TypedResults.Ok((await documents.ListAsync(user, id, cancellationToken)).Select(Dto).ToList());

    private static async Task<IResult> DownloadAsync(int id, ClaimsPrincipal user, CampaignDocumentService documents, HttpResponse response, CancellationToken cancellationToken)
    {
        var file = await documents.OpenAsync(user, id, cancellationToken);
        return FileTransfer.Download(response, file, $"campaign-document-{id}");
    }

    private static async Task<IResult> DeleteAsync(int id, ClaimsPrincipal user, CampaignDocumentService documents, CancellationToken cancellationToken)
    {
        await documents.DeleteAsync(user, id, cancellationToken);
        return TypedResults.NoContent();
    }

    /// <summary>Where the page's fetch() and the download links point; one place for the URLs.</summary>
    public static string UploadUrl(int campaignId, CampaignDocumentKind kind) =>
        $"{ApiExtensions.Prefix}/campaigns/{campaignId}/documents?kind={kind.ToString().ToLowerInvariant()}";

    public static string DownloadUrl(int documentId) => $"{ApiExtensions.Prefix}/campaign-documents/{documentId}";

    private static CampaignDocumentDto Dto(CampaignDocumentInfo d) =>
        new(d.Id, d.CampaignId, d.Kind.ToString().ToLowerInvariant(), d.Name, d.FileKind.ToString().ToLowerInvariant(), d.ContentType, d.Length, d.Sha256, d.UploadedUtc, d.UploadedByUserName);
}
