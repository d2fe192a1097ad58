using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using SmartCity.Portal.Security;

namespace SmartCity.Portal.Web.Auth;

/// <summary>
/// A circuit keeps the claims it started with for as long as the tab stays open (often a whole
/// working day). Every few minutes this re-reads the membership, so a revoked membership or a
/// changed role ends the circuit's access without waiting for a reload.
/// </summary>
internal sealed class MembershipRevalidatingAuthenticationStateProvider(
    ILoggerFactory loggerFactory,
    ActiveMembershipResolver resolver) : RevalidatingServerAuthenticationStateProvider(loggerFactory)
{
    protected override TimeSpan RevalidationInterval => TimeSpan.FromMinutes(5);

    protected override Task<bool> ValidateAuthenticationStateAsync(AuthenticationState authenticationState, CancellationToken cancellationToken) =>
        IsStillValidAsync(authenticationState, cancellationToken);

    internal async Task<bool> IsStillValidAsync(AuthenticationState authenticationState, CancellationToken cancellationToken)
    {
        var actor = PortalActor.TryFrom(authenticationState.User);
        if (actor is null)
        {
            // Signed in without a usable membership: nothing to lose, nothing to revalidate.
            return authenticationState.User.Identity?.IsAuthenticated == true;
        }

        var current = await resolver.ResolveAsync(actor.UserId, null, actor.OrgUnitId, grantedRoles: null, cancellationToken);
        return current is not null && current.OrgUnitId == actor.OrgUnitId && current.Role == actor.Role;
    }
}
