using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using SmartCity.Portal.Audit;
using SmartCity.Portal.Campaigns;
using SmartCity.Portal.Organisations;
using SmartCity.Portal.Security;
using HttpJsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;

namespace SmartCity.Portal.Web.Api;

/// <summary>Who am I, the offices I may see, the campaigns, and the audit check.</summary>
internal static class DirectoryEndpoints
{
    public static void MapDirectoryEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/me", MeAsync).WithTags("me").WithSummary("The caller: user, active role and office, and every membership");
        api.MapGet("/org-units", OrgUnitsAsync).WithTags("org-units").WithSummary("Offices within the caller's jurisdiction, paged");
        api.MapGet("/campaigns", CampaignsAsync).WithTags("campaigns").WithSummary("Campaigns with their deadlines (Bangkok time, +07:00)");
        api.MapGet("/campaigns/{id:int}", CampaignAsync).WithTags("campaigns").ProducesProblem(StatusCodes.Status404NotFound);
        api.MapPut("/campaigns/{id:int}/deadline", SetOwnDeadlineAsync).WithTags("campaigns")
            .WithSummary("District.Officer and Province.Officer: their office's own deadline for its subtree, no later than the parent's")
            .Accepts<DeadlineRequestDto>("application/json")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        api.MapGet("/audit/verify", VerifyAsync).WithTags("audit").WithSummary("Dla.Officer and Portal.Admin: check every submission's hash chain");
    }

    private static async Task<Ok<MeDto>> MeAsync(ClaimsPrincipal user, OrganisationService organisations, CancellationToken cancellationToken)
    {
        var actor = PortalActor.From(user);
        var units = await organisations.GetMembershipUnitsAsync(user, cancellationToken);
        return TypedResults.Ok(new MeDto(
            actor.UserId, actor.UserName, actor.DisplayName, actor.Role,
            units.Select(u => u.Role).Append(actor.Role).Distinct(StringComparer.Ordinal).ToList(),
            actor.OrgUnitId,
            units.Select(u => new MeOrgUnitDto(u.Unit.Id, u.Unit.Code, u.Unit.NameTh, u.Unit.NameEn, u.Unit.Kind, u.Role, u.IsActive)).ToList()));
    }

    private static async Task<Ok<PageDto<OrgUnitDto>>> OrgUnitsAsync(
        ClaimsPrincipal user, OrganisationService organisations, string? kind, string? provinceCode, string? parentId, string? page, string? pageSize,
        CancellationToken cancellationToken)
    {
        var query = new OrgUnitQuery(
            ApiBody.Enum<OrgUnitKind>(kind, nameof(kind)), provinceCode, ApiBody.Int(parentId, nameof(parentId)),
            ApiBody.Int(page, nameof(page)) ?? 1, ApiBody.Int(pageSize, nameof(pageSize)) ?? 100);
        var result = await organisations.ListWithinJurisdictionAsync(user, query, cancellationToken);
        return TypedResults.Ok(new PageDto<OrgUnitDto>(result.Items.Select(OrgUnitDto.From).ToList(), result.Total, result.Page, result.PageSize));
    }

    private static async Task<Ok<List<CampaignDto>>> CampaignsAsync(ClaimsPrincipal user, CampaignService campaigns, CancellationToken cancellationToken) =>
        TypedResults.Ok((await campaigns.ListAsync(user, cancellationToken)).Select(CampaignDto.From).ToList());

    private static async Task<Ok<CampaignDto>> CampaignAsync(int id, ClaimsPrincipal user, CampaignService campaigns, CancellationToken cancellationToken) =>
        TypedResults.Ok(CampaignDto.From(await campaigns.GetAsync(user, id, cancellationToken)));

    private static async Task<Ok<CampaignDto>> SetOwnDeadlineAsync(
        int id, ClaimsPrincipal user, CampaignService campaigns, HttpRequest httpRequest, IOptions<HttpJsonOptions> json, CancellationToken cancellationToken)
    {
        var body = await ApiBody.ReadAsync<DeadlineRequestDto>(httpRequest, json.Value.SerializerOptions);
        if (body?.Deadline is not { } deadline)
        {
            throw new ApiBadRequestException(ApiMessages.InvalidBody);
        }

        return TypedResults.Ok(CampaignDto.From(await campaigns.SetOwnDeadlineAsync(user, id, deadline.UtcDateTime, cancellationToken)));
    }

    private static async Task<Ok<AuditVerificationDto>> VerifyAsync(ClaimsPrincipal user, AuditService audit, CancellationToken cancellationToken) =>
        TypedResults.Ok(AuditVerificationDto.From(await audit.VerifyAsync(user, cancellationToken)));
}
