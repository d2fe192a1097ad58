using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using SmartCity.Portal.Security;

namespace SmartCity.Portal.Web.Auth;

/// <summary>
/// Replaces whatever roles the sign-in brought with the role of the active membership, read
/// from the portal's own table. The service layer trusts only these claims.
/// </summary>
internal sealed class PortalClaimsTransformation(
    ActiveMembershipResolver resolver,
    IHttpContextAccessor httpContextAccessor,
    Microsoft.Extensions.Options.IOptions<AuthOptions> authOptions) : IClaimsTransformation
{
    public const string ActiveOrgCookie = "portal.org";

    private const string EntraObjectIdClaim = "http://schemas.microsoft.com/identity/claims/objectidentifier";

    public async Task<ClaimsPrincipal> TransformAsync(ClaimsPrincipal principal)
    {
        if (principal.Identity is not { IsAuthenticated: true } identity || principal.HasClaim(c => c.Type == PortalClaimTypes.OrgUnitId)
            || httpContextAccessor.HttpContext?.GetEndpoint()?.Metadata.GetMetadata<NoMembershipNeeded>() is not null)
        {
            return principal;
        }

        var entra = authOptions.Value.Mode == AuthMode.Entra;
        var userId = entra ? null : principal.FindFirstValue(ClaimTypes.NameIdentifier);
        var objectId = entra ? principal.FindFirstValue(EntraObjectIdClaim) ?? principal.FindFirstValue("oid") : null;
        var grantedRoles = entra ? principal.Claims.Where(c => c.Type is ClaimTypes.Role or "roles").Select(c => c.Value).ToHashSet(StringComparer.Ordinal) : null;
        int? preferred = int.TryParse(httpContextAccessor.HttpContext?.Request.Cookies[ActiveOrgCookie], out var id) ? id : null;

        var membership = await resolver.ResolveAsync(userId, objectId, preferred, grantedRoles, httpContextAccessor.HttpContext?.RequestAborted ?? default);
        if (membership is null)
        {
            if (!await resolver.IsUsableAccountAsync(userId, objectId, httpContextAccessor.HttpContext?.RequestAborted ?? default))
            {
                // Disabled: as if signed out, at once, for cookies and bearer tokens alike (401 for the API, the sign-in page for pages).
                return new ClaimsPrincipal(new ClaimsIdentity());
            }

            // Signed in but not (or no longer) a member anywhere: keep the name for the message, drop any roles.
            var bare = new ClaimsIdentity(identity.AuthenticationType, ClaimTypes.Name, ClaimTypes.Role);
            bare.AddClaims(principal.Claims.Where(c => c.Type is ClaimTypes.NameIdentifier or ClaimTypes.Name));
            return new ClaimsPrincipal(bare);
        }

        var transformed = new ClaimsIdentity(ActiveMembershipResolver.ToClaims(membership), identity.AuthenticationType, ClaimTypes.Name, ClaimTypes.Role);
        // Keep Identity's security stamp so cookie validation still works; nothing role-like is copied.
        transformed.AddClaims(principal.Claims.Where(c => c.Type.StartsWith("AspNet.Identity", StringComparison.Ordinal)));
        return new ClaimsPrincipal(transformed);
    }
}

/// <summary>
/// Endpoint metadata for requests that never act for an office (fonts, scripts, styles): a page
/// pulls dozens of them, and each would otherwise cost a membership query.
/// </summary>
public sealed class NoMembershipNeeded;
