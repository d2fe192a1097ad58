namespace SmartCity.Portal.Web.Auth;

public enum AuthMode
{
    Local,
    Entra,
}

public sealed class AuthOptions
{
    public const string Section = "Auth";

    public AuthMode Mode { get; set; } = AuthMode.Local;

    /// <summary>Failed sign-ins before a local account is locked.</summary>
    public int MaxFailedAccessAttempts { get; set; } = 5;

    public int LockoutMinutes { get; set; } = 15;

    public static readonly TimeSpan DefaultRevalidationInterval = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How often an open page re-reads its account and membership: a disabled account or an ended membership
    /// loses an open page within this time (decision 0026). API requests check on every request.
    /// </summary>
    public TimeSpan RevalidationInterval { get; set; } = DefaultRevalidationInterval;
}
