using System.Security.Claims;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using SmartCity.Portal.Campaigns;
using SmartCity.Portal.Forms;
using SmartCity.Portal.Organisations;
using SmartCity.Portal.Submissions.Routing;
using HttpJsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;

namespace SmartCity.Portal.Web.Api;

/// <summary>
/// What DLA types into a round (times with their offset, e.g. <c>2026-12-25T16:30:00+07:00</c>). <c>viaDistrict</c>
/// says per municipality class (<c>city</c>, <c>town</c>, <c>subdistrict</c>) whether reports pass the district office;
/// left out, the usual rule applies (only <c>subdistrict</c>).
/// </summary>
public sealed record CampaignDetailsDto(
    string? Title, int FiscalYear, string? LetterNo, DateTimeOffset LetterDate, DateTimeOffset SubmissionDeadline, DateTimeOffset DlaDeadline,
    bool PaperCopyRequired, IReadOnlyDictionary<string, bool>? ViaDistrict);

public sealed record CampaignAdminDto(
    int Id, CampaignState State, string Title, int FiscalYear, string LetterNo, DateTimeOffset LetterDate, DateTimeOffset SubmissionDeadline,
    DateTimeOffset DlaDeadline, bool PaperCopyRequired, IReadOnlyDictionary<MunicipalityClass, bool> ViaDistrict, int? PublishedFormVersion,
    string Etag)
{
    public static CampaignAdminDto From(CampaignAdminView v)
    {
        ArgumentNullException.ThrowIfNull(v);
        var d = v.Details;
        return new(v.Id, v.State, d.Title, d.FiscalYear, d.LetterNo, ApiTime.Bangkok(d.LetterDateUtc), ApiTime.Bangkok(d.SubmissionDeadlineUtc),
            ApiTime.Bangkok(d.DlaDeadlineUtc), d.PaperCopyRequired, d.Routing.ViaDistrict, v.PublishedFormVersion, ETags.Format(v.ConcurrencyToken));
    }
}

/// <summary>
/// Campaign administration for integrations and scripts: the same <see cref="CampaignAdminService"/> and
/// <see cref="FormService"/> calls the DLA pages make, so the role check and every rule are the same.
/// The ETag is the campaign's concurrency token; an update needs it in <c>If-Match</c>.
/// </summary>
internal static class CampaignAdminEndpoints
{
    public static void MapCampaignAdminEndpoints(this RouteGroupBuilder api)
    {
        var admin = api.MapGroup("").WithTags("campaigns");
        admin.MapPost("/campaigns", CreateAsync)
            .WithSummary("DLA: create a round (Draft, seen by DLA only) from {title, fiscalYear, letterNo, letterDate, submissionDeadline, dlaDeadline, paperCopyRequired, viaDistrict?}")
            .Accepts<CampaignDetailsDto>("application/json")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        admin.MapGet("/campaigns/{id:int}/admin", GetAsync)
            .WithSummary("DLA: a round as administered (state, details, published form version); ETag for the next update")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        admin.MapPut("/campaigns/{id:int}", UpdateAsync)
            .WithSummary("DLA: change a round's details; If-Match required")
            .Accepts<CampaignDetailsDto>("application/json")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed).ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status428PreconditionRequired);
        admin.MapPost("/campaigns/{id:int}/form", PublishFormAsync)
            .WithSummary("DLA: publish a form definition (the shape GET /campaigns/{id}/form returns) as the round's next version")
            .Accepts<JsonElement>("application/json")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        admin.MapPost("/campaigns/{id:int}/open", OpenAsync)
            .WithSummary("DLA: open a Draft or Closed round (needs a published form and a deadline ahead)")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        admin.MapPost("/campaigns/{id:int}/close", CloseAsync)
            .WithSummary("DLA: close an Open round")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status409Conflict);
    }

    private static async Task<Created<CampaignAdminDto>> CreateAsync(
        ClaimsPrincipal user, CampaignAdminService service, HttpRequest request, HttpResponse response, IOptions<HttpJsonOptions> json, CancellationToken cancellationToken)
    {
        var details = await ReadDetailsAsync(request, json.Value.SerializerOptions);
        var created = await service.CreateAsync(user, details, cancellationToken);
        response.Headers.ETag = ETags.Format(created.ConcurrencyToken);
        return TypedResults.Created($"{ApiExtensions.Prefix}/campaigns/{created.Id}/admin", CampaignAdminDto.From(created));
    }

    private static Task<Ok<CampaignAdminDto>> GetAsync(int id, ClaimsPrincipal user, CampaignAdminService service, HttpResponse response, CancellationToken cancellationToken) =>
        Answer(response, service.GetAsync(user, id, cancellationToken));

    private static async Task<Ok<CampaignAdminDto>> UpdateAsync(
        int id, [FromHeader(Name = "If-Match")] string? ifMatch, ClaimsPrincipal user, CampaignAdminService service, HttpRequest request, HttpResponse response,
        IOptions<HttpJsonOptions> json, CancellationToken cancellationToken)
    {
        var token = ETags.RequireIfMatch(ifMatch);
        var details = await ReadDetailsAsync(request, json.Value.SerializerOptions);
        return await Answer(response, service.UpdateAsync(user, id, token, details, cancellationToken));
    }

    private static async Task<Created<FormVersionDto>> PublishFormAsync(int id, ClaimsPrincipal user, FormService forms, HttpRequest request, CancellationToken cancellationToken)
    {
        FormDefinition definition;
        try
        {
            definition = FormJson.Deserialize(await ApiBody.ReadTextAsync(request));
        }
        catch (JsonException)
        {
            throw new ApiBadRequestException(ApiMessages.InvalidBody);
        }

        var published = await forms.PublishAsync(user, id, definition, cancellationToken);
        var dto = new FormVersionDto(published.Id, published.CampaignId, published.Version, ApiTime.Bangkok(published.PublishedUtc),
            JsonNode.Parse(FormJson.Serialize(published.Definition))!);
        return TypedResults.Created($"{ApiExtensions.Prefix}/forms/{published.Id}", dto);
    }

    private static Task<Ok<CampaignAdminDto>> OpenAsync(int id, ClaimsPrincipal user, CampaignAdminService service, HttpResponse response, CancellationToken cancellationToken) =>
        Answer(response, service.OpenAsync(user, id, cancellationToken));

    private static Task<Ok<CampaignAdminDto>> CloseAsync(int id, ClaimsPrincipal user, CampaignAdminService service, HttpResponse response, CancellationToken cancellationToken) =>
        Answer(response, service.CloseAsync(user, id, cancellationToken));

    private static async Task<Ok<CampaignAdminDto>> Answer(HttpResponse response, Task<CampaignAdminView> work)
    {
        var view = await work;
        response.Headers.ETag = ETags.Format(view.ConcurrencyToken);
        return TypedResults.Ok(CampaignAdminDto.From(view));
    }

    private static async Task<CampaignDetails> ReadDetailsAsync(HttpRequest request, JsonSerializerOptions options)
    {
        var body = await ApiBody.ReadAsync<CampaignDetailsDto>(request, options) ?? throw new ApiBadRequestException(ApiMessages.InvalidBody);
        var routing = RoutingRule.Default;
        if (body.ViaDistrict is { } via)
        {
            var rule = new Dictionary<MunicipalityClass, bool>(RoutingRule.Default.ViaDistrict);
            foreach (var (name, value) in via)
            {
                if (!Enum.TryParse<MunicipalityClass>(name, ignoreCase: true, out var cls) || !Enum.IsDefined(cls) || int.TryParse(name, out _))
                {
                    throw new ApiBadRequestException(ApiMessages.InvalidBody);
                }

                rule[cls] = value;
            }

            routing = new RoutingRule(rule);
        }

        return new CampaignDetails(
            body.Title ?? "", body.FiscalYear, body.LetterNo ?? "", body.LetterDate.UtcDateTime, body.SubmissionDeadline.UtcDateTime, body.DlaDeadline.UtcDateTime,
            body.PaperCopyRequired, routing);
    }
}
