using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SmartCity.Portal.Data;
using SmartCity.Portal.Security;

namespace SmartCity.Portal.Accounts;

/// <summary>
/// Notes a successful sign-in (the account list's "never signed in" and "last sign-in"), and decides whether
/// the person must change the password first: an administrator asked for it, or an administrator's password
/// is shorter than the administrators' minimum (the role may have come after the password).
/// </summary>
public sealed class SignInRecorder(IDbContextFactory<PortalDbContext> dbFactory, IOptions<AccountOptions> options, TimeProvider clock)
{
    /// <returns>True when the account must change its password before anything else.</returns>
    public async Task<bool> RecordAsync(string userId, string? password, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var user = await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => new { u.MustChangePassword, u.IsDemo }).SingleOrDefaultAsync(cancellationToken);
        if (user is null)
        {
            return false;
        }

        var mustChange = user.MustChangePassword;
        if (!mustChange && password is not null && !user.IsDemo
            && await db.Memberships.AnyAsync(m => m.UserId == userId && (m.EndsUtc == null || m.EndsUtc > now)
                && (m.Role == PortalRoles.PortalAdmin || m.Role == PortalRoles.ProvinceAdmin), cancellationToken)
            && PasswordPolicy.TooShortFor(password, isAdministrator: true, options.Value))
        {
            mustChange = true;
        }

        await db.Users.Where(u => u.Id == userId).ExecuteUpdateAsync(s => s
            .SetProperty(u => u.LastSignInUtc, now)
            .SetProperty(u => u.MustChangePassword, mustChange), cancellationToken);
        return mustChange;
    }
}
