namespace SmartCity.Portal.Accounts;

/// <summary>Settings of accounts and passwords (section <c>Accounts</c>); the README's settings table lists them.</summary>
public sealed class AccountOptions
{
    public const string Section = "Accounts";

    /// <summary>How long a set-password or reset link stays good.</summary>
    public int LinkLifetimeHours { get; set; } = 72;

    /// <summary>NIST SP 800-63B: at least 8 characters, no composition rules.</summary>
    public int MinPasswordLength { get; set; } = 8;

    /// <summary>Accounts holding an administrator role (Portal.Admin, Province.Admin) need a longer one.</summary>
    public int AdminMinPasswordLength { get; set; } = 12;

    /// <summary>"Forgot password" e-mails per account per hour; more requests are answered the same and dropped.</summary>
    public int ResetRequestsPerHour { get; set; } = 3;

    /// <summary>
    /// Not a setting of its own: the web host copies <c>Auth:Mode = Entra</c> here. Entra accounts have no
    /// portal password, so no links are issued and a UPN identifies them instead.
    /// </summary>
    public bool SignInWithEntra { get; set; }

    public TimeSpan LinkLifetime => TimeSpan.FromHours(Math.Clamp(LinkLifetimeHours, 1, 24 * 30));
}

/// <summary>Section <c>Portal</c>: what the portal is called from outside.</summary>
public sealed class PortalOptions
{
    public const string Section = "Portal";

    /// <summary>
    /// The address officers type, e.g. <c>https://smartcity.dla.go.th</c>: links in e-mails and the bootstrap
    /// command's output are built on it (never on the request's Host header, which a sender controls).
    /// </summary>
    public string? PublicBaseUrl { get; set; }
}

/// <summary>Builds the absolute address of a set-password link; the web host knows its public base address.</summary>
public interface IAccountLinks
{
    string SetPasswordUrl(string token);
}
