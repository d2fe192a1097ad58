using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using SmartCity.Portal.Registers;
using HttpJsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;

namespace SmartCity.Portal.Web.Api;

/// <summary>
/// Dispatches to DLA (หนังสือนำส่ง): the province sends held reports as one numbered letter, DLA
/// records its arrival. The same <see cref="DispatchService"/> the pages call.
/// </summary>
internal static class DispatchEndpoints
{
    public static void MapDispatchEndpoints(this RouteGroupBuilder api)
    {
        var dispatches = api.MapGroup("").WithTags("dispatches");
        dispatches.MapPost("/dispatches", CreateAsync)
            .WithSummary("Province: send held reports to DLA as one letter; body {campaignId, submissionIds, letterDate: yyyy-MM-dd}; 201 {id, letterNo, sendNo}; 422 with items[] naming each report that cannot go (nothing is written)")
            .Accepts<DispatchRequestDto>("application/json")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        dispatches.MapGet("/dispatches", ListAsync)
            .WithSummary("Province: its own letters; DLA: every letter. ?status=outstanding|received&provinceCode=&campaignId=; outstanding first")
            .ProducesProblem(StatusCodes.Status400BadRequest);
        dispatches.MapGet("/dispatches/{id:int}", GetAsync)
            .WithSummary("One letter with the reports it carries")
            .ProducesProblem(StatusCodes.Status404NotFound);
        dispatches.MapGet("/dispatches/{id:int}/letter.docx", LetterDocxAsync)
            .WithSummary("The cover letter as a Word document (Thai official letter layout, Sarabun)")
            .Produces(StatusCodes.Status200OK, contentType: DispatchLetterDocx.ContentType)
            .ProducesProblem(StatusCodes.Status404NotFound);
        dispatches.MapPost("/dispatches/{id:int}/receipt", ReceiptAsync)
            .WithSummary("DLA: record the letter's arrival; body {receivedOn: yyyy-MM-dd, note}; 200 with DLA's receive number; 409 when already recorded")
            .Accepts<DispatchReceiptRequestDto>("application/json")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        dispatches.MapGet("/org-units/me/letter-code", GetLetterCodeAsync)
            .WithSummary("Province: the office's letter code printed before the number (e.g. กบ ๐๐๒๓.๓)");
        dispatches.MapPut("/org-units/me/letter-code", SetLetterCodeAsync)
            .WithSummary("Province: set the office's letter code; body {letterCodePrefix}; digits are stored as Thai digits, a trailing slash is dropped")
            .Accepts<LetterCodeDto>("application/json")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
    }

    private static async Task<Created<DispatchCreatedDto>> CreateAsync(
        ClaimsPrincipal user, DispatchService service, HttpRequest request, IOptions<HttpJsonOptions> json, CancellationToken cancellationToken)
    {
        var body = await ApiBody.ReadAsync<DispatchRequestDto>(request, json.Value.SerializerOptions);
        if (body is not { CampaignId: { } campaignId, SubmissionIds: { } ids } || ParseDate(body.LetterDate) is not { } letterDate)
        {
            throw new ApiBadRequestException(ApiMessages.InvalidBody);
        }

        var created = await service.CreateAsync(user, campaignId, ids, letterDate, cancellationToken: cancellationToken);
        return TypedResults.Created(
            string.Create(CultureInfo.InvariantCulture, $"{ApiExtensions.Prefix}/dispatches/{created.Id}"),
            new DispatchCreatedDto(created.Id, created.LetterNo, created.SendNo, created.SubmissionIds));
    }

    private static async Task<Ok<IReadOnlyList<DispatchSummaryDto>>> ListAsync(
        string? status, string? provinceCode, string? campaignId, ClaimsPrincipal user, DispatchService service, CancellationToken cancellationToken)
    {
        var filter = new DispatchFilter(ApiBody.Int(campaignId, nameof(campaignId)), ApiBody.Enum<DispatchStatus>(status, nameof(status)) ?? DispatchStatus.All, provinceCode);
        var list = await service.ListAsync(user, filter, cancellationToken);
        return TypedResults.Ok<IReadOnlyList<DispatchSummaryDto>>(list.Select(DispatchSummaryDto.From).ToList());
    }

    private static async Task<Ok<DispatchDetailDto>> GetAsync(int id, ClaimsPrincipal user, DispatchService service, CancellationToken cancellationToken) =>
        TypedResults.Ok(DispatchDetailDto.From(await service.GetAsync(user, id, cancellationToken)));

    private static async Task<FileContentHttpResult> LetterDocxAsync(int id, ClaimsPrincipal user, DispatchService service, CancellationToken cancellationToken)
    {
        var letter = DispatchLetter.From(await service.GetAsync(user, id, cancellationToken));
        return TypedResults.File(DispatchLetterDocx.Build(letter), DispatchLetterDocx.ContentType, letter.FileName("docx"));
    }

    private static async Task<Ok<DispatchSummaryDto>> ReceiptAsync(
        int id, ClaimsPrincipal user, DispatchService service, HttpRequest request, IOptions<HttpJsonOptions> json, CancellationToken cancellationToken)
    {
        var body = await ApiBody.ReadAsync<DispatchReceiptRequestDto>(request, json.Value.SerializerOptions);
        if (ParseDate(body?.ReceivedOn) is not { } receivedOn)
        {
            throw new ApiBadRequestException(ApiMessages.InvalidBody);
        }

        return TypedResults.Ok(DispatchSummaryDto.From(await service.RecordReceiptAsync(user, id, receivedOn, body!.Note, cancellationToken)));
    }

    private static async Task<Ok<LetterCodeDto>> GetLetterCodeAsync(ClaimsPrincipal user, DispatchService service, CancellationToken cancellationToken) =>
        TypedResults.Ok(new LetterCodeDto(await service.GetLetterCodePrefixAsync(user, cancellationToken)));

    private static async Task<Ok<LetterCodeDto>> SetLetterCodeAsync(
        ClaimsPrincipal user, DispatchService service, HttpRequest request, IOptions<HttpJsonOptions> json, CancellationToken cancellationToken)
    {
        var body = await ApiBody.ReadAsync<LetterCodeDto>(request, json.Value.SerializerOptions)
            ?? throw new ApiBadRequestException(ApiMessages.InvalidBody);
        return TypedResults.Ok(new LetterCodeDto(await service.SetLetterCodePrefixAsync(user, body.LetterCodePrefix, cancellationToken)));
    }

    private static DateOnly? ParseDate(string? text) =>
        text is not null && DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;
}

public sealed record DispatchRequestDto(int? CampaignId, IReadOnlyList<int>? SubmissionIds, string? LetterDate);

public sealed record DispatchCreatedDto(int Id, string LetterNo, string SendNo, IReadOnlyList<int> SubmissionIds);

public sealed record DispatchReceiptRequestDto(string? ReceivedOn, string? Note);

public sealed record LetterCodeDto(string? LetterCodePrefix);

public sealed record DispatchSummaryDto(
    int Id, int CampaignId, int FromOrgUnitId, string FromName, string? ProvinceCode, string LetterNo, int Year, int Number, DateOnly LetterDate,
    DateTimeOffset Sent, string SentBy, int ItemCount, bool Received, string? ReceiveNo, DateOnly? ReceivedOn, DateTimeOffset? ReceivedAt, string? ReceivedBy)
{
    public static DispatchSummaryDto From(DispatchSummary d)
    {
        ArgumentNullException.ThrowIfNull(d);
        return new(
            d.Id, d.CampaignId, d.From.Id, d.From.NameTh, d.ProvinceCode, d.LetterNo, d.Year, d.Number, DateOnly.FromDateTime(d.LetterDate),
            ApiTime.Bangkok(d.SentUtc), d.SentByUserName, d.ItemCount, d.IsReceived, d.ReceiveNo,
            d.ReceivedDate is { } r ? DateOnly.FromDateTime(r) : null, ApiTime.Bangkok(d.ReceivedUtc), d.ReceivedByUserName);
    }
}

public sealed record DispatchItemDto(
    int SubmissionId, int MunicipalityId, string MunicipalityCode, string Municipality, string? MunicipalityEn, string? District, string? ReferenceNo, string? PaperReceiveNo);

public sealed record DispatchDetailDto(
    DispatchSummaryDto Dispatch, string Subject, string CampaignTitle, string CampaignLetterNo, string? ReceiveNote, IReadOnlyList<DispatchItemDto> Items)
{
    public static DispatchDetailDto From(DispatchDetail d)
    {
        ArgumentNullException.ThrowIfNull(d);
        return new(
            DispatchSummaryDto.From(d.Summary), d.SendSubject, d.CampaignTitle, d.CampaignLetterNo, d.ReceiveNote,
            d.Items.Select(i => new DispatchItemDto(
                i.SubmissionId, i.Municipality.Id, i.Municipality.Code, i.Municipality.NameTh, i.Municipality.NameEn, i.DistrictNameTh, i.ReferenceNo, i.PaperReceiveNo)).ToList());
    }
}
