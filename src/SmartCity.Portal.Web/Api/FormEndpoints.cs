using System.Security.Claims;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;
using SmartCity.Portal.Forms;

namespace SmartCity.Portal.Web.Api;

/// <summary>The campaign's published report form, for integrations that fill reports through the API.</summary>
internal static class FormEndpoints
{
    public static void MapFormEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/campaigns/{id:int}/form", GetAsync).WithTags("campaigns")
            .WithSummary("The newest published form definition of the campaign (sections, questions, limits, Thai and English labels)")
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/forms/{id:int}", GetVersionAsync).WithTags("campaigns")
            .WithSummary("One form version by id: a submission's formVersionId names the form its answers are checked against, even after DLA publishes a newer one")
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<Ok<FormVersionDto>> GetAsync(int id, ClaimsPrincipal user, FormService forms, CancellationToken cancellationToken) =>
        TypedResults.Ok(ToDto(await forms.GetPublishedAsync(user, id, cancellationToken)));

    private static async Task<Ok<FormVersionDto>> GetVersionAsync(int id, ClaimsPrincipal user, FormService forms, CancellationToken cancellationToken) =>
        TypedResults.Ok(ToDto(await forms.GetVersionAsync(user, id, cancellationToken)));

    private static FormVersionDto ToDto(FormVersionView form)
    {
        // The definition goes out exactly as stored and validated (FormJson: camelCase, enum names, ISO dates),
        // so a client reads the same field ids and limits the server checks answers against.
        var definition = JsonNode.Parse(FormJson.Serialize(form.Definition))!;
        return new FormVersionDto(form.Id, form.CampaignId, form.Version, ApiTime.Bangkok(form.PublishedUtc), definition);
    }
}

public sealed record FormVersionDto(int FormVersionId, int CampaignId, int Version, DateTimeOffset? Published, JsonNode Definition);
