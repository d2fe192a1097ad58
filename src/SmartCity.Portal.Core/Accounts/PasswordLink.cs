namespace SmartCity.Portal.Accounts;

public enum PasswordLinkPurpose
{
    /// <summary>A new account's first password (from an administrator or the bootstrap command).</summary>
    Set = 0,

    /// <summary>A forgotten password, asked for by the officer.</summary>
    Reset = 1,
}

/// <summary>
/// A one-time set-password or reset link. Only the SHA-256 of the token is stored: someone reading the
/// database (or a backup) cannot use an outstanding link. A link is good once, until it expires, and
/// only while it is the user's newest one (issuing a link revokes the older ones).
/// </summary>
public class PasswordLink
{
    public long Id { get; set; }

    public required string UserId { get; set; }

    /// <summary>Lower-case hex SHA-256 of the token in the URL.</summary>
    public required string TokenHash { get; set; }

    public PasswordLinkPurpose Purpose { get; set; }

    public DateTime CreatedUtc { get; set; }

    public DateTime ExpiresUtc { get; set; }

    /// <summary>When the password was set with it; a used link is refused.</summary>
    public DateTime? UsedUtc { get; set; }

    /// <summary>When a newer link, a disabled account or a password change made it worthless.</summary>
    public DateTime? RevokedUtc { get; set; }

    /// <summary>Who asked for it: an administrator's user name, "forgot-password" or "bootstrap".</summary>
    public string CreatedBy { get; set; } = "";
}
