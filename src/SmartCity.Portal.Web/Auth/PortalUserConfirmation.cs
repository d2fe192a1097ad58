using Microsoft.AspNetCore.Identity;
using SmartCity.Portal.Security;

namespace SmartCity.Portal.Web.Auth;

/// <summary>
/// Identity's "may this account sign in at all": a disabled account may not (the sign-in page says so,
/// the token endpoint answers 401). E-mail confirmation is not required: administrators create accounts.
/// </summary>
internal sealed class PortalUserConfirmation : IUserConfirmation<PortalUser>
{
    public Task<bool> IsConfirmedAsync(UserManager<PortalUser> manager, PortalUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return Task.FromResult(!user.IsDisabled);
    }
}
