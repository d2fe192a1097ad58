using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using SmartCity.Portal.Data;

namespace SmartCity.Portal.Security;

public sealed record ActiveMembership(string UserId, string UserName, string DisplayName, string Role, int OrgUnitId, string OrgUnitPath, int MembershipCount)
{
    /// <summary>The account must choose a new password before it does anything else.</summary>
    public bool MustChangePassword { get; init; }
}

/// <summary>
/// Turns a signed-in person into the identity the service layer trusts: their membership in
/// the office they chose (or the first one), read from the database on every request so that
/// a revoked membership stops working at once. A disabled account has no membership, and a
/// membership counts only until its end (<see cref="Organisations.Membership.EndsUtc"/>).
/// </summary>
public sealed class ActiveMembershipResolver(IDbContextFactory<PortalDbContext> dbFactory, TimeProvider? clock = null)
{
    private readonly TimeProvider clock = clock ?? TimeProvider.System;

    /// <param name="userId">The portal user id (Local mode) or null when <paramref name="externalObjectId"/> is given.</param>
    /// <param name="externalObjectId">The Entra object id (Entra mode).</param>
    /// <param name="preferredOrgUnitId">The office picked in the switcher, if any; ignored unless the user is a member of it.</param>
    /// <param name="grantedRoles">Entra mode: the app roles in the token; a membership whose role the token does not grant is not used. Null in Local mode.</param>
    public async Task<ActiveMembership?> ResolveAsync(
        string? userId, string? externalObjectId, int? preferredOrgUnitId, IReadOnlyCollection<string>? grantedRoles, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var user = userId is not null
            ? await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == userId, cancellationToken)
            : externalObjectId is not null
                ? await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.ExternalObjectId == externalObjectId, cancellationToken)
                : null;
        if (user is null || user.IsDisabled)
        {
            return null;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var memberships = await db.Memberships.AsNoTracking()
            .Where(m => m.UserId == user.Id && (m.EndsUtc == null || m.EndsUtc > now))
            .OrderBy(m => m.OrgUnit!.Path)
            .Select(m => new { m.OrgUnitId, m.Role, m.OrgUnit!.Path })
            .ToListAsync(cancellationToken);
        var usable = memberships.Where(m => grantedRoles is null || grantedRoles.Contains(m.Role)).ToList();
        if (usable.Count == 0)
        {
            return null;
        }

        var active = usable.FirstOrDefault(m => m.OrgUnitId == preferredOrgUnitId) ?? usable[0];
        return new ActiveMembership(user.Id, user.UserName ?? user.Id, user.DisplayName, active.Role, active.OrgUnitId, active.Path, usable.Count)
        {
            MustChangePassword = user.MustChangePassword,
        };
    }

    /// <summary>
    /// True when the signed-in person's account exists and is not disabled. Asked only when
    /// <see cref="ResolveAsync"/> found no membership, to tell "disabled" (signed out everywhere) from
    /// "no office yet" (signed in, nothing to do).
    /// </summary>
    public async Task<bool> IsUsableAccountAsync(string? userId, string? externalObjectId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var users = db.Users.AsNoTracking();
        return userId is not null
            ? await users.AnyAsync(u => u.Id == userId && !u.IsDisabled, cancellationToken)
            : externalObjectId is null || !await users.AnyAsync(u => u.ExternalObjectId == externalObjectId && u.IsDisabled, cancellationToken);
    }

    /// <summary>The claims the service layer reads through <see cref="PortalActor"/>.</summary>
    public static IEnumerable<Claim> ToClaims(ActiveMembership membership) =>
    [
        new(ClaimTypes.NameIdentifier, membership.UserId),
        new(ClaimTypes.Name, membership.UserName),
        new(PortalClaimTypes.DisplayName, membership.DisplayName),
        new(ClaimTypes.Role, membership.Role),
        new(PortalClaimTypes.OrgUnitId, membership.OrgUnitId.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        new(PortalClaimTypes.OrgUnitPath, membership.OrgUnitPath),
        new(PortalClaimTypes.MembershipCount, membership.MembershipCount.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        .. (membership.MustChangePassword ? [new Claim(PortalClaimTypes.MustChangePassword, "true")] : Array.Empty<Claim>()),
    ];
}
