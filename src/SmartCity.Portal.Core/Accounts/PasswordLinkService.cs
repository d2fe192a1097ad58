using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SmartCity.Portal.Audit;
using SmartCity.Portal.Common;
using SmartCity.Portal.Data;
using SmartCity.Portal.Security;

namespace SmartCity.Portal.Accounts;

/// <summary>What the set-password page shows before the person types: whose account, which kind of link, until when.</summary>
public sealed record PasswordLinkInfo(string UserName, string DisplayName, PasswordLinkPurpose Purpose, DateTime ExpiresUtc, int MinLength);

/// <summary>
/// Passwords in Local mode: one-time links (issue, inspect, use), the officer's own change, and "forgot
/// password". Only a token's SHA-256 is stored. Every change of a password is recorded as an
/// <see cref="AdminEvent"/>; none needs a help desk.
/// </summary>
public sealed partial class PasswordLinkService(
    IDbContextFactory<PortalDbContext> dbFactory,
    IPasswordHasher<PortalUser> hasher,
    IAccountLinks linkBuilder,
    IAccountMailer mailer,
    IOptions<AccountOptions> options,
    TimeProvider clock,
    ILogger<PasswordLinkService> logger)
{
    public const string ForgotPasswordActor = "forgot-password";

    private const int TokenBytes = 32;

    public static string Hash(string token) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    /// <summary>
    /// Adds a new link for <paramref name="user"/> to <paramref name="db"/> (saved by the caller, with its
    /// audit event) and revokes the user's older outstanding links: only the newest link works.
    /// </summary>
    public async Task<(string Token, PasswordLink Link)> AddLinkAsync(
        PortalDbContext db, string userId, PasswordLinkPurpose purpose, string createdBy, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var now = clock.GetUtcNow().UtcDateTime;
        await RevokeOutstandingAsync(db, userId, now, cancellationToken);
        var token = Base64Url(RandomNumberGenerator.GetBytes(TokenBytes));
        var link = new PasswordLink
        {
            UserId = userId,
            TokenHash = Hash(token),
            Purpose = purpose,
            CreatedUtc = now,
            ExpiresUtc = now + options.Value.LinkLifetime,
            CreatedBy = createdBy,
        };
        db.PasswordLinks.Add(link);
        return (token, link);
    }

    /// <summary>Marks every unused, unexpired link of the user as revoked (a newer link, a disabled account, a password change).</summary>
    public static async Task RevokeOutstandingAsync(PortalDbContext db, string userId, DateTime nowUtc, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var open = await db.PasswordLinks.Where(l => l.UserId == userId && l.UsedUtc == null && l.RevokedUtc == null && l.ExpiresUtc > nowUtc)
            .ToListAsync(cancellationToken);
        foreach (var l in open)
        {
            l.RevokedUtc = nowUtc;
        }
    }

    /// <summary>
    /// Sends the link to the account's e-mail when SMTP is configured and the account has one; otherwise (or
    /// when sending fails) returns the URL for the administrator to hand over, once.
    /// </summary>
    public async Task<PasswordLinkIssued> DeliverAsync(PortalUser user, string token, PasswordLink link, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(link);
        var url = linkBuilder.SetPasswordUrl(token);
        var expires = DateTime.SpecifyKind(link.ExpiresUtc, DateTimeKind.Utc);
        if (!mailer.IsConfigured || string.IsNullOrWhiteSpace(user.Email))
        {
            return new PasswordLinkIssued(url, expires, null);
        }

        try
        {
            await mailer.SendAsync(AccountMailTexts.SetPassword(user.Email, user.DisplayName, user.UserName ?? "", url, expires), cancellationToken);
            return new PasswordLinkIssued(null, expires, user.Email);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The administrator is still there: hand the link over instead of losing it.
            LogMailFailed(logger, e, user.UserName ?? user.Id);
            return new PasswordLinkIssued(url, expires, null, EmailFailed: true);
        }
    }

    /// <summary>The link's account and deadline, or the reason it cannot be used (422 with a Thai message).</summary>
    public async Task<PasswordLinkInfo> InspectAsync(string? token, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var (link, user) = await FindUsableAsync(db, token, cancellationToken);
        return new PasswordLinkInfo(user.UserName ?? "", user.DisplayName, link.Purpose, DateTime.SpecifyKind(link.ExpiresUtc, DateTimeKind.Utc),
            MinLength(await IsAdministratorAsync(db, user.Id, cancellationToken)));
    }

    /// <summary>
    /// Sets the password with a link and spends the link, in one transaction: two tabs submitting the same
    /// link set the password once. Unlocks a locked-out account and clears a forced change. Returns the user name.
    /// </summary>
    public async Task<string> SetPasswordAsync(string? token, string? newPassword, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var (link, user) = await FindUsableAsync(db, token, cancellationToken);
        RequirePolicy(newPassword, user.UserName, await IsAdministratorAsync(db, user.Id, cancellationToken));

        var now = clock.GetUtcNow().UtcDateTime;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var spent = await db.PasswordLinks
            .Where(l => l.Id == link.Id && l.UsedUtc == null && l.RevokedUtc == null)
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.UsedUtc, now), cancellationToken);
        if (spent == 0)
        {
            throw new PortalValidationException(AccountMessages.LinkUsed);
        }

        var tracked = await db.Users.SingleAsync(u => u.Id == user.Id, cancellationToken);
        SetPassword(tracked, newPassword!);
        tracked.AccessFailedCount = 0;
        tracked.LockoutEnd = null;
        await RevokeOutstandingAsync(db, user.Id, now, cancellationToken);
        db.AdminEvents.Add(AdminEvents.New(now, tracked.UserName ?? tracked.Id, AdminActions.PasswordSet, await ScopeOfAsync(db, user.Id, cancellationToken),
            tracked.Id, tracked.UserName, note: link.Purpose == PasswordLinkPurpose.Reset ? "reset link" : "set-password link"));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return tracked.UserName ?? "";
    }

    /// <summary>The signed-in officer changes their own password (the current one is checked first).</summary>
    public async Task ChangePasswordAsync(ClaimsPrincipal principal, string? currentPassword, string? newPassword, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(principal);
        var userId = principal.Identity?.IsAuthenticated == true ? principal.FindFirstValue(ClaimTypes.NameIdentifier) : null;
        if (userId is null || options.Value.SignInWithEntra)
        {
            throw new PortalAccessDeniedException(options.Value.SignInWithEntra ? AccountMessages.NoLocalPassword : AccountMessages.SignInRequired);
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var user = await db.Users.SingleOrDefaultAsync(u => u.Id == userId && !u.IsDisabled, cancellationToken)
            ?? throw new PortalAccessDeniedException(AccountMessages.SignInRequired);
        if (user.PasswordHash is null)
        {
            throw new PortalValidationException(AccountMessages.NoLocalPassword);
        }

        if (hasher.VerifyHashedPassword(user, user.PasswordHash, currentPassword ?? "") == PasswordVerificationResult.Failed)
        {
            throw new PortalValidationException(AccountMessages.CurrentPasswordWrong);
        }

        if (string.Equals(currentPassword, newPassword, StringComparison.Ordinal))
        {
            throw new PortalValidationException(AccountMessages.PasswordSameAsCurrent);
        }

        RequirePolicy(newPassword, user.UserName, await IsAdministratorAsync(db, user.Id, cancellationToken));
        var now = clock.GetUtcNow().UtcDateTime;
        SetPassword(user, newPassword!);
        await RevokeOutstandingAsync(db, user.Id, now, cancellationToken);
        db.AdminEvents.Add(AdminEvents.New(now, user.UserName ?? user.Id, AdminActions.PasswordChange, await ScopeOfAsync(db, user.Id, cancellationToken),
            user.Id, user.UserName));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new PortalStaleException(AccountMessages.Stale);
        }
    }

    /// <summary>
    /// "Forgot password", run by the background worker (never in the request, so that the answer takes the
    /// same time whether or not the account exists): an active local account with an e-mail address gets a
    /// reset link, at most <see cref="AccountOptions.ResetRequestsPerHour"/> an hour. Anything else is dropped,
    /// logged without the name typed.
    /// </summary>
    public async Task ProcessResetRequestAsync(string? userNameOrEmail, CancellationToken cancellationToken = default)
    {
        var typed = (userNameOrEmail ?? "").Trim();
        if (typed.Length is 0 or > 256 || options.Value.SignInWithEntra)
        {
            return;
        }

        if (!mailer.IsConfigured)
        {
            LogResetWithoutSmtp(logger);
            return;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var normalized = typed.Normalize().ToUpperInvariant();
        var candidates = await db.Users.Where(u => u.NormalizedUserName == normalized || u.NormalizedEmail == normalized).Take(2).ToListAsync(cancellationToken);
        // An e-mail address shared by two accounts names neither: the link would reach the wrong one.
        var user = candidates.Count == 1 ? candidates[0] : null;
        if (user is null || user.IsDisabled || string.IsNullOrWhiteSpace(user.Email) || user.IsDemo)
        {
            LogResetDropped(logger);
            return;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var hourAgo = now.AddHours(-1);
        var recent = await db.PasswordLinks.CountAsync(l => l.UserId == user.Id && l.Purpose == PasswordLinkPurpose.Reset && l.CreatedUtc > hourAgo, cancellationToken);
        if (recent >= Math.Max(1, options.Value.ResetRequestsPerHour))
        {
            LogResetThrottled(logger, user.UserName ?? user.Id);
            return;
        }

        var (token, link) = await AddLinkAsync(db, user.Id, PasswordLinkPurpose.Reset, ForgotPasswordActor, cancellationToken);
        db.AdminEvents.Add(AdminEvents.New(now, ForgotPasswordActor, AdminActions.PasswordResetRequest, await ScopeOfAsync(db, user.Id, cancellationToken),
            user.Id, user.UserName, note: "e-mail"));
        await db.SaveChangesAsync(cancellationToken);
        await mailer.SendAsync(AccountMailTexts.Reset(user.Email, user.DisplayName, user.UserName ?? "", linkBuilder.SetPasswordUrl(token),
            DateTime.SpecifyKind(link.ExpiresUtc, DateTimeKind.Utc)), cancellationToken);
    }

    /// <summary>The policy's refusal as one 422 (all reasons, one per line), or nothing.</summary>
    public void RequirePolicy(string? password, string? userName, bool isAdministrator)
    {
        var problems = PasswordPolicy.Check(password, userName, isAdministrator, options.Value);
        if (problems.Count > 0)
        {
            throw new PortalValidationException(new PortalMessage(problems[0].Code,
                string.Join(Environment.NewLine, problems.Select(p => p.Th)), string.Join(Environment.NewLine, problems.Select(p => p.En))));
        }
    }

    public int MinLength(bool isAdministrator) =>
        Math.Max(8, isAdministrator ? Math.Max(options.Value.AdminMinPasswordLength, options.Value.MinPasswordLength) : options.Value.MinPasswordLength);

    /// <summary>True when the account holds an administrator role now (its password needs the longer minimum).</summary>
    public async Task<bool> IsAdministratorAsync(PortalDbContext db, string userId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var now = clock.GetUtcNow().UtcDateTime;
        return await db.Memberships.AnyAsync(m => m.UserId == userId && (m.EndsUtc == null || m.EndsUtc > now)
            && (m.Role == PortalRoles.PortalAdmin || m.Role == PortalRoles.ProvinceAdmin), cancellationToken);
    }

    /// <summary>The deepest office path holding all the user's memberships: where the event shows.</summary>
    public static async Task<string> ScopeOfAsync(PortalDbContext db, string userId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var paths = await db.Memberships.Where(m => m.UserId == userId).Select(m => m.OrgUnit!.Path).ToListAsync(cancellationToken);
        return AdminEvents.CommonPath(paths);
    }

    private void SetPassword(PortalUser user, string password)
    {
        user.PasswordHash = hasher.HashPassword(user, password);
        user.SecurityStamp = NewStamp();
        user.ConcurrencyStamp = Guid.NewGuid().ToString();
        user.MustChangePassword = false;
    }

    public static string NewStamp() => Convert.ToHexString(RandomNumberGenerator.GetBytes(20));

    private async Task<(PasswordLink Link, PortalUser User)> FindUsableAsync(PortalDbContext db, string? token, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > 200 || options.Value.SignInWithEntra)
        {
            throw new PortalValidationException(AccountMessages.LinkInvalid);
        }

        var hash = Hash(token.Trim());
        var link = await db.PasswordLinks.AsNoTracking().SingleOrDefaultAsync(l => l.TokenHash == hash, cancellationToken)
            ?? throw new PortalValidationException(AccountMessages.LinkInvalid);
        if (link.UsedUtc is not null)
        {
            throw new PortalValidationException(AccountMessages.LinkUsed);
        }

        if (link.RevokedUtc is not null)
        {
            throw new PortalValidationException(AccountMessages.LinkRevoked);
        }

        if (link.ExpiresUtc <= clock.GetUtcNow().UtcDateTime)
        {
            throw new PortalValidationException(AccountMessages.LinkExpired);
        }

        var user = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == link.UserId, cancellationToken);
        if (user is null || user.IsDisabled)
        {
            throw new PortalValidationException(AccountMessages.LinkRevoked);
        }

        return (link, user);
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    [LoggerMessage(LogLevel.Warning, "The set-password e-mail to {UserName} could not be sent; the link was shown to the administrator instead.")]
    private static partial void LogMailFailed(ILogger logger, Exception exception, string userName);

    [LoggerMessage(LogLevel.Warning, "A forgot-password request arrived but Smtp:Host is not set: no e-mail can be sent.")]
    private static partial void LogResetWithoutSmtp(ILogger logger);

    [LoggerMessage(LogLevel.Information, "A forgot-password request matched no active local account with an e-mail address; nothing was sent.")]
    private static partial void LogResetDropped(ILogger logger);

    [LoggerMessage(LogLevel.Warning, "Forgot-password requests for {UserName} exceed the hourly limit; nothing was sent.")]
    private static partial void LogResetThrottled(ILogger logger, string userName);
}
