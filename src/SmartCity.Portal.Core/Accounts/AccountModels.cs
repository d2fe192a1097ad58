using SmartCity.Portal.Organisations;

namespace SmartCity.Portal.Accounts;

/// <summary>What a list row says about an account's state, most pressing first.</summary>
public enum AccountStatus
{
    Active,

    /// <summary>Never signed in (and, in Local mode, perhaps not yet through its set-password link).</summary>
    NeverSignedIn,

    /// <summary>Too many wrong passwords: locked until <see cref="AccountSummary.LockedOutUntilUtc"/>.</summary>
    LockedOut,

    Disabled,
}

/// <summary>An office and role to give; <paramref name="EndsOn"/> is the last (Bangkok) day the membership counts.</summary>
public sealed record MembershipGrant(string OfficeCode, string Role, DateOnly? EndsOn = null);

public sealed record NewAccount(
    string UserName, string DisplayName, string? Email, IReadOnlyList<MembershipGrant> Memberships, string? Position = null, string? EntraUpn = null);

/// <summary>The fields an administrator edits on an account (memberships have their own calls).</summary>
public sealed record AccountEdit(string DisplayName, string? Email, string? Position, string? EntraUpn, bool MustChangePassword);

public sealed record AccountQuery(string? OfficeCode = null, string? Search = null, int Page = 1, int PageSize = 50, AccountStatus? Status = null);

public sealed record AccountSummary(
    string Id, string UserName, string DisplayName, string? Email, string? Position, AccountStatus Status, bool IsDisabled,
    DateTime? LockedOutUntilUtc, DateTime? LastSignInUtc, bool HasPassword, bool IsDemo, IReadOnlyList<MembershipView> Memberships);

public sealed record AccountPage(IReadOnlyList<AccountSummary> Items, int Total, int Page, int PageSize);

public sealed record MembershipView(
    int Id, int OrgUnitId, string OfficeCode, string OfficeNameTh, string? OfficeNameEn, OrgUnitKind OfficeKind, string Role,
    DateTime CreatedUtc, DateTime? EndsUtc, bool IsActive, bool CanManage);

public sealed record AccountDetail(
    AccountSummary Account, string? EntraUpn, bool EntraBound, bool MustChangePassword, DateTime? DisabledUtc, string? DisabledReason,
    DateTime? CreatedUtc, Guid ConcurrencyToken, bool CanManage);

/// <summary>
/// A new set-password link: <paramref name="Url"/> is null when it went by e-mail (then only the
/// person it was sent to can use it), otherwise it is shown once to the administrator to hand over.
/// </summary>
public sealed record PasswordLinkIssued(string? Url, DateTime ExpiresUtc, string? EmailedTo, bool EmailFailed = false);

public sealed record AccountCreated(string Id, string UserName, PasswordLinkIssued? Link);

/// <summary>An office a caller may give memberships at, for pickers.</summary>
public sealed record ManageableOffice(int Id, string Code, string NameTh, string? NameEn, OrgUnitKind Kind, string Path);
