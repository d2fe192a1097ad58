using System.Security.Claims;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using SmartCity.Portal.Attachments;

namespace SmartCity.Portal.Web.Api;

public sealed record AttachmentDto(int Id, string Field, string Name, string Kind, string ContentType, long Length, string Sha256, DateTime UploadedUtc, string UploadedBy);

/// <summary>
/// Evidence files. The upload is the raw request body (any Content-Type; the bytes decide the
/// kind) with the display name in <c>X-File-Name</c>, percent-encoded UTF-8: one protocol for the
/// form page's fetch() and for integrations, streamed straight to disk without form parsing.
/// </summary>
internal static class AttachmentEndpoints
{
    public static void MapAttachmentEndpoints(this RouteGroupBuilder api)
    {
        var attachments = api.MapGroup("").WithTags("attachments");
        attachments.MapPost("/submissions/{id:int}/attachments", UploadAsync)
            .WithSummary("Municipality holding a Draft/Returned report: upload one file (raw body, name in X-File-Name percent-encoded UTF-8) to the question ?field=")
            // No Accepts metadata on purpose: routing would then refuse a body without that exact
            // Content-Type (it falls through to the 404 catch-all), and the bytes decide the kind anyway.
            .Produces<AttachmentDto>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        attachments.MapGet("/submissions/{id:int}/attachments", ListAsync)
            .WithSummary("Anyone who may see the report: its files")
            .Produces<IReadOnlyList<AttachmentDto>>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        attachments.MapGet("/attachments/{id:int}", DownloadAsync)
            .WithSummary("Anyone who may see the report: the file, as an attachment with its Thai name")
            .Produces(StatusCodes.Status200OK)
            .ProducesProblem(StatusCodes.Status404NotFound);
        attachments.MapDelete("/attachments/{id:int}", DeleteAsync)
            .WithSummary("Municipality holding a Draft/Returned report: remove a file")
            .Produces(StatusCodes.Status204NoContent)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
    }

    private static async Task<IResult> UploadAsync(
        int id, string? field, HttpContext http, ClaimsPrincipal user, AttachmentService attachments, IOptions<AttachmentOptions> options, CancellationToken cancellationToken)
    {
        FileTransfer.AllowBody(http, options.Value.MaxFileBytes);
        var name = FileTransfer.FileName(http.Request);
        var info = await attachments.UploadAsync(user, id, field ?? "", name, http.Request.Body, cancellationToken);
        return TypedResults.Created($"{ApiExtensions.Prefix}/attachments/{info.Id}", Dto(info));
    }

    private static async Task<IResult> ListAsync(int id, ClaimsPrincipal user, AttachmentService attachments, CancellationToken cancellationToken) =>
        TypedResults.Ok((await attachments.ListAsync(user, id, cancellationToken)).Select(Dto).ToList());

    private static async Task<IResult> DownloadAsync(int id, ClaimsPrincipal user, AttachmentService attachments, HttpResponse response, CancellationToken cancellationToken)
    {
        var file = await attachments.OpenAsync(user, id, cancellationToken);
        return FileTransfer.Download(response, file, $"attachment-{id}");
    }

    private static async Task<IResult> DeleteAsync(int id, ClaimsPrincipal user, AttachmentService attachments, CancellationToken cancellationToken)
    {
        await attachments.DeleteAsync(user, id, cancellationToken);
        return TypedResults.NoContent();
    }

    private static AttachmentDto Dto(AttachmentInfo a) =>
        new(a.Id, a.FieldPath, a.Name, a.Kind.ToString().ToLowerInvariant(), a.ContentType, a.Length, a.Sha256, a.UploadedUtc, a.UploadedByUserName);
}
