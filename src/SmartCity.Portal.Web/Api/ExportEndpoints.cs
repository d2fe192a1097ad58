using System.Security.Claims;
using Microsoft.Net.Http.Headers;
using SmartCity.Portal.Common;
using SmartCity.Portal.Data;
using SmartCity.Portal.Reports;

namespace SmartCity.Portal.Web.Api;

/// <summary>
/// Excel downloads. Under the API prefix, so the pages' sign-in cookie and an API bearer token both
/// work: a page's download button is a plain link to these addresses.
/// </summary>
internal static class ExportEndpoints
{
    public static void MapExportEndpoints(this RouteGroupBuilder api)
    {
        var exports = api.MapGroup("/exports").WithTags("exports");
        exports.MapGet("/tracker.xlsx", TrackerAsync)
            .WithSummary("District, province, DLA: the tracker of the caller's jurisdiction for a campaign (?campaignId=), one row per municipality")
            .Produces(StatusCodes.Status200OK, contentType: ExportFile.ContentType)
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        exports.MapGet("/receive-register.xlsx", ReceiveRegisterAsync)
            .WithSummary("Province: the office's receive register of a Buddhist year (?year=2569, default this year), cancelled lines marked")
            .Produces(StatusCodes.Status200OK, contentType: ExportFile.ContentType)
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        exports.MapGet("/dispatches.xlsx", DispatchesAsync)
            .WithSummary("Province (own letters), DLA (all): reports sent to DLA in cover letters (?campaignId= optional, default every campaign)")
            .Produces(StatusCodes.Status200OK, contentType: ExportFile.ContentType)
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status503ServiceUnavailable);
    }

    private static Task<IResult> TrackerAsync(
        string? campaignId, ClaimsPrincipal user, ExportService exports, StorageOptions storage, HttpResponse response, CancellationToken cancellationToken)
    {
        var id = ApiBody.Int(campaignId, nameof(campaignId)) ?? throw new ApiBadRequestException(ApiMessages.InvalidQuery(nameof(campaignId)));
        return SendAsync(storage, response, spool => exports.WriteTrackerAsync(user, id, spool, cancellationToken));
    }

    private static Task<IResult> ReceiveRegisterAsync(
        string? year, ClaimsPrincipal user, ExportService exports, StorageOptions storage, TimeProvider clock, HttpResponse response, CancellationToken cancellationToken)
    {
        var buddhistYear = ApiBody.Int(year, nameof(year)) ?? ThaiTime.BuddhistYear(clock.GetUtcNow().UtcDateTime);
        return SendAsync(storage, response, spool => exports.WriteReceiveRegisterAsync(user, buddhistYear, spool, cancellationToken));
    }

    private static Task<IResult> DispatchesAsync(
        string? campaignId, ClaimsPrincipal user, ExportService exports, StorageOptions storage, HttpResponse response, CancellationToken cancellationToken)
    {
        var id = ApiBody.Int(campaignId, nameof(campaignId));
        return SendAsync(storage, response, spool => exports.WriteDispatchListAsync(user, id, spool, cancellationToken));
    }

    /// <summary>
    /// The workbook goes to a temp file first, so that a refusal (403/404/503) is still answered as
    /// problem details, and so that a slow download streams from disk after the export slot is free.
    /// </summary>
    private static async Task<IResult> SendAsync(StorageOptions storage, HttpResponse response, Func<Stream, Task<ExportFile>> write)
    {
        var spool = ExportSpool.Create(storage.DataDirectory);
        try
        {
            ExportFile file;
            try
            {
                file = await write(spool);
            }
            catch (ExportBusyException)
            {
                response.Headers.RetryAfter = "30";
                throw;
            }

            spool.Position = 0;
            // filename= for clients that know only ASCII, filename*= (RFC 5987) with the Thai name for the rest.
            response.Headers.ContentDisposition = new ContentDispositionHeaderValue("attachment")
            {
                FileName = file.AsciiFileName,
                FileNameStar = file.FileName,
            }.ToString();
            response.Headers.CacheControl = "no-store";
            // The result disposes the stream after sending it, which deletes the temp file.
            return TypedResults.Stream(spool, ExportFile.ContentType);
        }
        catch
        {
            await spool.DisposeAsync();
            throw;
        }
    }
}
