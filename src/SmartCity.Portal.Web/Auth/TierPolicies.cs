using Microsoft.AspNetCore.Authorization;
using SmartCity.Portal.Security;

namespace SmartCity.Portal.Web.Auth;

/// <summary>
/// One policy per tier, named after its role. Pages carry [Authorize(Policy = ...)] so the
/// server refuses another tier's page before anything renders; services check again.
/// </summary>
public static class TierPolicies
{
    public const string Municipality = PortalRoles.MunicipalitySubmitter;
    public const string District = PortalRoles.DistrictOfficer;
    public const string Province = PortalRoles.ProvinceOfficer;
    public const string Dla = PortalRoles.DlaOfficer;
    public const string Admin = PortalRoles.PortalAdmin;

    /// <summary>
    /// Setting up selection rounds (/dla/campaigns): DLA officers and the administrator, the same two tiers
    /// CampaignAdminService, FormService and CampaignDocumentService let through.
    /// </summary>
    public const string CampaignAdmin = "campaign-admin";

    /// <summary>The account pages: DLA's administrators and provincial administrators (decision 0024).</summary>
    public const string AccountAdmin = "AccountAdmin";

    public static void Add(AuthorizationOptions options)
    {
        foreach (var role in PortalRoles.All.Where(r => r != PortalRoles.ProvinceOfficer))
        {
            options.AddPolicy(role, p => p.RequireAuthenticatedUser().RequireRole(role).RequireClaim(PortalClaimTypes.OrgUnitId));
        }

        options.AddPolicy(CampaignAdmin, p => p.RequireAuthenticatedUser().RequireRole(PortalRoles.DlaOfficer, PortalRoles.PortalAdmin).RequireClaim(PortalClaimTypes.OrgUnitId));
        // A provincial administrator works in the province's workspace too (decision 0024).
        options.AddPolicy(Province, p => p.RequireAuthenticatedUser().RequireRole(PortalRoles.ProvinceOfficer, PortalRoles.ProvinceAdmin).RequireClaim(PortalClaimTypes.OrgUnitId));
        options.AddPolicy(AccountAdmin, p => p.RequireAuthenticatedUser().RequireRole([.. PortalRoles.AccountAdministrators]).RequireClaim(PortalClaimTypes.OrgUnitId));

        // Everything needs a signed-in user unless it says [AllowAnonymous].
        options.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build();
    }

    public static string HomePath(Tier tier) => tier switch
    {
        Tier.Municipality => "/municipality",
        Tier.District => "/district",
        Tier.Province => "/province",
        Tier.Dla => "/dla",
        Tier.Admin => "/admin",
        _ => "/",
    };
}
