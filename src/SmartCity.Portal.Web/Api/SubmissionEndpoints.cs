using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using SmartCity.Portal.Submissions;
using SmartCity.Portal.Submissions.Workflow;
using HttpJsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;

namespace SmartCity.Portal.Web.Api;

/// <summary>
/// Submissions: the same <see cref="SubmissionService"/> calls the pages make. Every write needs
/// <c>If-Match</c> with the ETag last read (the concurrency token); a stale one gets 412.
/// </summary>
internal static class SubmissionEndpoints
{
    public static void MapSubmissionEndpoints(this RouteGroupBuilder api)
    {
        var submissions = api.MapGroup("").WithTags("submissions");
        submissions.MapPost("/campaigns/{id:int}/submissions", CreateAsync)
            .WithSummary("The caller's municipality's submission for the campaign, created if missing (201) or as it is (200)")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        submissions.MapGet("/submissions", ListAsync)
            .WithSummary("Submissions within the caller's jurisdiction, paged: {items, total}")
            .ProducesProblem(StatusCodes.Status400BadRequest);
        submissions.MapGet("/submissions/{id:int}", GetAsync)
            .WithSummary("Detail with permittedActions and history; ETag = concurrency token")
            .ProducesProblem(StatusCodes.Status404NotFound);
        submissions.MapPut("/submissions/{id:int}/answers", SaveAnswersAsync)
            .WithSummary("Save draft answers (checked for types and limits against the report's form version; 422 lists field paths); If-Match required")
            .Accepts<JsonElement>("application/json")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed).ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status428PreconditionRequired);
        submissions.MapPost("/submissions/{id:int}/actions/{action}", ActAsync)
            .WithSummary("submit, forward, return, resubmit, withdraw, accept or extend; body {comment, extendedDeadline?}; If-Match required")
            .Accepts<ActionRequestDto>("application/json")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed).ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status428PreconditionRequired);
        submissions.MapPost("/submissions/bulk/forward", BulkForwardAsync)
            .WithSummary("forward many reports at once; body {items: [{id, etag}], comment?}; each is done or refused on its own and reported")
            .Accepts<BulkForwardRequestDto>("application/json")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status428PreconditionRequired);
    }

    private static async Task<Results<Ok<SubmissionDetailDto>, Created<SubmissionDetailDto>>> CreateAsync(
        int id, ClaimsPrincipal user, SubmissionService service, HttpResponse response, CancellationToken cancellationToken)
    {
        // A municipality sees only its own submissions: one for this campaign means it exists already.
        var existed = (await service.ListAsync(user, new SubmissionQuery(CampaignId: id, PageSize: 1), cancellationToken)).Total > 0;
        var detail = await service.CreateOrGetAsync(user, id, cancellationToken);
        response.Headers.ETag = ETags.Format(detail.ConcurrencyToken);
        var dto = SubmissionDetailDto.From(detail);
        return existed ? TypedResults.Ok(dto) : TypedResults.Created($"{ApiExtensions.Prefix}/submissions/{detail.Id}", dto);
    }

    private static async Task<Ok<PageDto<SubmissionListItemDto>>> ListAsync(
        ClaimsPrincipal user, SubmissionService service, string? campaignId, string? state, string? provinceCode, string? districtCode, string? page, string? pageSize,
        CancellationToken cancellationToken)
    {
        var query = new SubmissionQuery(
            ApiBody.Int(campaignId, nameof(campaignId)), ApiBody.Enum<SubmissionState>(state, nameof(state)), provinceCode, districtCode,
            ApiBody.Int(page, nameof(page)) ?? 1, ApiBody.Int(pageSize, nameof(pageSize)) ?? 50);
        var result = await service.ListAsync(user, query, cancellationToken);
        return TypedResults.Ok(new PageDto<SubmissionListItemDto>(result.Items.Select(SubmissionListItemDto.From).ToList(), result.Total, result.Page, result.PageSize));
    }

    private static async Task<Ok<SubmissionDetailDto>> GetAsync(
        int id, ClaimsPrincipal user, SubmissionService service, HttpResponse response, CancellationToken cancellationToken)
    {
        var detail = await service.GetAsync(user, id, cancellationToken);
        response.Headers.ETag = ETags.Format(detail.ConcurrencyToken);
        return TypedResults.Ok(SubmissionDetailDto.From(detail));
    }

    private static async Task<Ok<AnswersSavedDto>> SaveAnswersAsync(
        int id, [FromHeader(Name = "If-Match")] string? ifMatch, ClaimsPrincipal user, SubmissionService service, HttpRequest request, HttpResponse response,
        CancellationToken cancellationToken)
    {
        var token = ETags.RequireIfMatch(ifMatch);
        string answers;
        try
        {
            using var doc = JsonDocument.Parse(await ApiBody.ReadTextAsync(request));
            answers = doc.RootElement.GetRawText();
        }
        catch (JsonException)
        {
            throw new ApiBadRequestException(ApiMessages.InvalidBody);
        }

        var newToken = await service.SaveAnswersAsync(user, id, token, answers, cancellationToken);
        response.Headers.ETag = ETags.Format(newToken);
        return TypedResults.Ok(new AnswersSavedDto(id, ETags.Format(newToken)));
    }

    private static async Task<Ok<ActionResultDto>> ActAsync(
        int id, string action, [FromHeader(Name = "If-Match")] string? ifMatch, ClaimsPrincipal user, SubmissionService service,
        HttpRequest httpRequest, HttpResponse response, IOptions<HttpJsonOptions> json, CancellationToken cancellationToken)
    {
        if (action.Length == 0 || char.IsDigit(action[0]) || !WorkflowActions.TryParse(action, out var workflowAction))
        {
            throw new Common.PortalNotFoundException(ApiMessages.UnknownAction);
        }

        var token = ETags.RequireIfMatch(ifMatch);
        var body = await ApiBody.ReadAsync<ActionRequestDto>(httpRequest, json.Value.SerializerOptions);
        var request = new ActionRequest(workflowAction, token, body?.Comment, body?.ExtendedDeadline?.UtcDateTime);
        var result = await service.ActAsync(user, id, request, cancellationToken);
        response.Headers.ETag = ETags.Format(result.ConcurrencyToken);
        return TypedResults.Ok(new ActionResultDto(result.SubmissionId, result.State, result.EventId, ETags.Format(result.ConcurrencyToken)));
    }

    private static async Task<Ok<BulkResultDto>> BulkForwardAsync(
        ClaimsPrincipal user, BulkActionService service, HttpRequest httpRequest, IOptions<HttpJsonOptions> json, CancellationToken cancellationToken)
    {
        var body = await ApiBody.ReadAsync<BulkForwardRequestDto>(httpRequest, json.Value.SerializerOptions);
        var items = (body?.Items ?? []).Select(i => new BulkItem(i.Id, BulkToken(i.Etag))).ToList();
        var result = await service.ForwardAsync(user, items, body?.Comment, cancellationToken);
        return TypedResults.Ok(new BulkResultDto(result.Succeeded, result.Failed.Count, result.Items.Select(BulkItemResultDto.From).ToList()));
    }

    /// <summary>A missing ETag is a client error for the whole request (428); an unreadable one only makes that report stale.</summary>
    private static Guid BulkToken(string? etag)
    {
        try
        {
            return ETags.RequireIfMatch(etag);
        }
        catch (Common.PortalStaleException)
        {
            return Guid.Empty;
        }
    }
}
