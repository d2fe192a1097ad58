using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using SmartCity.Portal.Common;
using SmartCity.Portal.Registers;
using HttpJsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;

namespace SmartCity.Portal.Web.Api;

/// <summary>
/// The provincial office's receive register (ทะเบียนรับ): recording a paper copy, the register of a
/// year, and cancelling a mistaken line. The same <see cref="PaperCopyService"/> the pages call.
/// </summary>
internal static class RegisterEndpoints
{
    public static void MapRegisterEndpoints(this RouteGroupBuilder api)
    {
        var registers = api.MapGroup("").WithTags("registers");
        registers.MapPost("/submissions/{id:int}/paper-copy", RecordAsync)
            .WithSummary("Province: record the paper copy; body {receivedOn: yyyy-MM-dd, note}; If-Match optional; 201 {receiveNo, entryId, etag}")
            .Accepts<PaperCopyRequestDto>("application/json")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        registers.MapGet("/registers/receive", ListAsync)
            .WithSummary("Province: the office's receive register for a Buddhist year (?year=2569, default this year), cancelled lines included")
            .ProducesProblem(StatusCodes.Status400BadRequest);
        registers.MapPost("/registers/receive/{entryId:long}/cancel", CancelAsync)
            .WithSummary("Province: cancel a mistaken entry of the office's register; body {reason}; the number is never issued again")
            .Accepts<RegisterCancelRequestDto>("application/json")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
    }

    private static async Task<Created<PaperCopyReceiptDto>> RecordAsync(
        int id, [FromHeader(Name = "If-Match")] string? ifMatch, ClaimsPrincipal user, PaperCopyService service,
        HttpRequest request, HttpResponse response, IOptions<HttpJsonOptions> json, CancellationToken cancellationToken)
    {
        // If-Match is optional here: recording adds a register line rather than overwriting, but a
        // caller that sends one gets the same "someone else changed this" check as everywhere else.
        Guid? token = string.IsNullOrWhiteSpace(ifMatch) ? null : ETags.RequireIfMatch(ifMatch);
        var body = await ApiBody.ReadAsync<PaperCopyRequestDto>(request, json.Value.SerializerOptions);
        if (body?.ReceivedOn is not { } text
            || !DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var receivedOn))
        {
            throw new ApiBadRequestException(ApiMessages.InvalidBody);
        }

        var receipt = await service.RecordAsync(user, id, receivedOn, body.Note, token, cancellationToken);
        var etag = ETags.Format(receipt.SubmissionConcurrencyToken);
        response.Headers.ETag = etag;
        var year = receivedOn.Year + ThaiTime.BuddhistEraOffset;
        return TypedResults.Created(
            string.Create(CultureInfo.InvariantCulture, $"{ApiExtensions.Prefix}/registers/receive?year={year}"),
            new PaperCopyReceiptDto(receipt.ReceiveNo, receipt.EntryId, receipt.SubmissionId, etag));
    }

    private static async Task<Ok<IReadOnlyList<RegisterEntryDto>>> ListAsync(
        string? year, ClaimsPrincipal user, PaperCopyService service, TimeProvider clock, CancellationToken cancellationToken)
    {
        var buddhistYear = ApiBody.Int(year, nameof(year))
            ?? ThaiTime.BuddhistYear(clock.GetUtcNow().UtcDateTime);
        var entries = await service.ListAsync(user, buddhistYear, cancellationToken);
        return TypedResults.Ok<IReadOnlyList<RegisterEntryDto>>(entries.Select(RegisterEntryDto.From).ToList());
    }

    private static async Task<Ok<RegisterEntryDto>> CancelAsync(
        long entryId, ClaimsPrincipal user, PaperCopyService service, HttpRequest request, IOptions<HttpJsonOptions> json, CancellationToken cancellationToken)
    {
        var body = await ApiBody.ReadAsync<RegisterCancelRequestDto>(request, json.Value.SerializerOptions);
        var entry = await service.CancelAsync(user, entryId, body?.Reason ?? "", cancellationToken);
        return TypedResults.Ok(RegisterEntryDto.From(entry));
    }
}

public sealed record PaperCopyRequestDto(string? ReceivedOn, string? Note);

public sealed record PaperCopyReceiptDto(string ReceiveNo, long EntryId, int SubmissionId, string Etag);

public sealed record RegisterCancelRequestDto(string? Reason);

public sealed record RegisterEntryDto(
    long Id, RegisterKind Kind, int Year, int Number, string ReceiveNo, string Subject, int? SubmissionId, DateOnly DocumentDate, string? Note,
    DateTimeOffset Recorded, string RecordedBy, bool Cancelled, DateTimeOffset? CancelledAt, string? CancelReason, string? CancelledBy)
{
    public static RegisterEntryDto From(RegisterEntryView e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return new(
            e.Id, e.Kind, e.Year, e.Number, e.DisplayNumber, e.Subject, e.SubmissionId, DateOnly.FromDateTime(e.DocumentDate), e.Note,
            ApiTime.Bangkok(e.RecordedUtc), e.RecordedByUserName, e.CancelledUtc is not null, ApiTime.Bangkok(e.CancelledUtc), e.CancelReason, e.CancelledByUserName);
    }
}
