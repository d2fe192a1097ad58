using Microsoft.AspNetCore.Identity;

namespace SmartCity.Portal.Security;

public class PortalUser : IdentityUser
{
    public string DisplayName { get; set; } = "";

    /// <summary>ตำแหน่ง, shown beside the name on the office's page.</summary>
    public string? Position { get; set; }

    /// <summary>Entra object id (oid) when Auth:Mode = Entra; null for local accounts.</summary>
    public string? ExternalObjectId { get; set; }

    /// <summary>The UPN an administrator pre-provisioned; bound to ExternalObjectId at the first Entra sign-in.</summary>
    public string? EntraUpn { get; set; }

    public bool IsDemo { get; set; }

    /// <summary>
    /// Set by an administrator: the account can no longer sign in, and any cookie, bearer token or open
    /// page it still holds stops working at its next request (or circuit revalidation).
    /// </summary>
    public bool IsDisabled { get; set; }

    public DateTime? DisabledUtc { get; set; }

    /// <summary>Why the account was disabled, as the administrator typed it.</summary>
    public string? DisabledReason { get; set; }

    /// <summary>The next sign-in leads to the change-password page before anything else.</summary>
    public bool MustChangePassword { get; set; }

    /// <summary>The last successful sign-in (page or API token); null: never signed in.</summary>
    public DateTime? LastSignInUtc { get; set; }

    /// <summary>When the account was created through the portal (null for accounts older than that).</summary>
    public DateTime? CreatedUtc { get; set; }
}
