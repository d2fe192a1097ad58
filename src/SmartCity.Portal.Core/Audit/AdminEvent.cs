namespace SmartCity.Portal.Audit;

/// <summary>
/// One administrative change: who did what to which account or office, when, and the values before and
/// after (JSON, invariant). Written in the same SaveChanges as the change itself, never updated or deleted
/// (the context refuses): a later issue may chain their hashes as the workflow events are chained.
/// </summary>
public class AdminEvent
{
    public const int ValueMaxLength = 4000;

    public long Id { get; set; }

    public DateTime OccurredUtc { get; set; }

    /// <summary>The administrator's user name; <c>cli:&lt;os user&gt;</c> for the bootstrap command, the officer's own for self-service.</summary>
    public string ActorUserName { get; set; } = "";

    /// <summary>A stable kebab-case name, e.g. <c>account-create</c>, <c>membership-end</c>, <c>password-link</c> (see <see cref="AdminActions"/>).</summary>
    public string Action { get; set; } = "";

    public string? TargetUserId { get; set; }

    public string? TargetUserName { get; set; }

    /// <summary>The office the change concerns, when one does (a membership's office).</summary>
    public string? OfficeCode { get; set; }

    /// <summary>
    /// The deepest org path that holds everything the change touched, e.g. <c>/DLA/DLA-LAD/81/</c>: a
    /// provincial administrator sees the events under its own office's path, DLA's administrators all.
    /// </summary>
    public string ScopePath { get; set; } = "/";

    /// <summary>The values before the change (JSON object), null for a creation.</summary>
    public string? Before { get; set; }

    /// <summary>The values after the change (JSON object).</summary>
    public string? After { get; set; }

    /// <summary>A reason or note typed by the administrator, or a summary (an import's counts).</summary>
    public string? Note { get; set; }
}

/// <summary>The actions an <see cref="AdminEvent"/> records.</summary>
public static class AdminActions
{
    public const string Bootstrap = "bootstrap";
    public const string AccountCreate = "account-create";
    public const string AccountUpdate = "account-update";
    public const string AccountDisable = "account-disable";
    public const string AccountEnable = "account-enable";
    public const string MembershipAdd = "membership-add";
    public const string MembershipChange = "membership-change";
    public const string MembershipEnd = "membership-end";
    public const string PasswordLink = "password-link";
    public const string PasswordSet = "password-set";
    public const string PasswordChange = "password-change";
    public const string PasswordResetRequest = "password-reset-request";
    public const string UserImport = "user-import";

    public static readonly IReadOnlyList<string> All =
    [
        Bootstrap, AccountCreate, AccountUpdate, AccountDisable, AccountEnable, MembershipAdd, MembershipChange, MembershipEnd,
        PasswordLink, PasswordSet, PasswordChange, PasswordResetRequest, UserImport,
    ];
}
