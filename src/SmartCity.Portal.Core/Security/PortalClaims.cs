using SmartCity.Portal.Common;

using System.Security.Claims;

namespace SmartCity.Portal.Security;

public static class PortalClaimTypes
{
    public const string OrgUnitId = "portal:org_unit";
    public const string OrgUnitPath = "portal:org_path";
    public const string DisplayName = "portal:display_name";
    public const string MembershipCount = "portal:memberships";

    /// <summary>Present (value "true") while the account must choose a new password before anything else.</summary>
    public const string MustChangePassword = "portal:must_change_password";
}

/// <summary>
/// The acting identity as the service layer sees it: who, in which role, for which office.
/// Built only from claims that the portal itself added (see the claims transformation in Web),
/// never from anything the browser sends.
/// </summary>
public sealed record PortalActor(string UserId, string UserName, string DisplayName, string Role, int OrgUnitId, string OrgUnitPath)
{
    public Tier Tier => PortalRoles.TierOf(Role);

    public bool IsInRole(string role) => Role == role;

    /// <summary>True when the target path lies in this actor's office or below it.</summary>
    public bool Covers(string targetPath) => targetPath.StartsWith(OrgUnitPath, StringComparison.Ordinal);

    public static PortalActor? TryFrom(ClaimsPrincipal? principal)
    {
        if (principal?.Identity?.IsAuthenticated != true)
        {
            return null;
        }

        var userId = principal.FindFirstValue(ClaimTypes.NameIdentifier);
        var role = principal.FindFirstValue(ClaimTypes.Role);
        var orgId = principal.FindFirstValue(PortalClaimTypes.OrgUnitId);
        var path = principal.FindFirstValue(PortalClaimTypes.OrgUnitPath);
        if (userId is null || role is null || path is null || !int.TryParse(orgId, out var orgUnitId)
            || !PortalRoles.All.Contains(role))
        {
            return null;
        }

        var userName = principal.FindFirstValue(ClaimTypes.Name) ?? userId;
        return new PortalActor(userId, userName, principal.FindFirstValue(PortalClaimTypes.DisplayName) ?? userName, role, orgUnitId, path);
    }

    /// <summary>The service layer's front door: no actor, no access.</summary>
    public static PortalActor From(ClaimsPrincipal? principal) =>
        TryFrom(principal) ?? throw new PortalAccessDeniedException(PortalErrors.NoActiveMembership);
}
