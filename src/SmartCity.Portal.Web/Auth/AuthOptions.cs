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
}
