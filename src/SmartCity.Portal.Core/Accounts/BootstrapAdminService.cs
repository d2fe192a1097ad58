using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SmartCity.Portal.Audit;
using SmartCity.Portal.Common;
using SmartCity.Portal.Data;
using SmartCity.Portal.Organisations;
using SmartCity.Portal.Security;

namespace SmartCity.Portal.Accounts;

public sealed record BootstrapRequest(string UserName, string DisplayName, string? Email, string? EntraUpn, bool Force, string OperatingSystemUser);

/// <summary>What the command prints: the account, and in Local mode its one-time link.</summary>
public sealed record BootstrapResult(string UserId, string UserName, string? SetPasswordUrl, DateTime? ExpiresUtc, string? EntraUpn, bool NewLinkForExisting);

/// <summary>
/// The first administrator of a fresh install (<c>scripts/admin.sh create</c>, decision 0025): a Portal.Admin
/// membership at the department, a set-password link (Local) or a UPN to bind (Entra). Refused while an
/// active DLA administrator exists, unless forced; either way recorded with the operating-system user who ran it.
/// </summary>
public sealed class BootstrapAdminService(
    IDbContextFactory<PortalDbContext> dbFactory,
    AccountAdminService accounts,
    PasswordLinkService passwords,
    IAccountLinks links,
    IOptions<AccountOptions> options,
    TimeProvider clock)
{
    public async Task<BootstrapResult> CreateAsync(BootstrapRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var auditActor = "cli:" + (string.IsNullOrWhiteSpace(request.OperatingSystemUser) ? "unknown" : request.OperatingSystemUser.Trim());
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var userName = AccountAdminService.NormalizeUserName(request.UserName);

        // The same command run again for an administrator who never used the first link: a fresh link, not a second admin.
        var normalized = userName.ToUpperInvariant();
        var existing = await db.Users.SingleOrDefaultAsync(u => u.NormalizedUserName == normalized, cancellationToken);
        if (existing is not null && !options.Value.SignInWithEntra && existing.PasswordHash is null && existing.LastSignInUtc is null && !existing.IsDisabled
            && await db.Memberships.AnyAsync(m => m.UserId == existing.Id && m.Role == PortalRoles.PortalAdmin && (m.EndsUtc == null || m.EndsUtc > now), cancellationToken))
        {
            var (again, againLink) = await passwords.AddLinkAsync(db, existing.Id, PasswordLinkPurpose.Set, auditActor, cancellationToken);
            db.AdminEvents.Add(AdminEvents.New(now, auditActor, AdminActions.PasswordLink, "/", existing.Id, existing.UserName,
                after: new { expiresUtc = againLink.ExpiresUtc }, note: "bootstrap command run again before the first link was used"));
            await db.SaveChangesAsync(cancellationToken);
            return new BootstrapResult(existing.Id, userName, links.SetPasswordUrl(again), DateTime.SpecifyKind(againLink.ExpiresUtc, DateTimeKind.Utc), existing.EntraUpn, true);
        }

        var admins = await AccountAdminService.ActiveAdminCountAsync(db, now, cancellationToken);
        if (admins > 0 && !request.Force)
        {
            throw new PortalConflictException(AccountMessages.AdminExists);
        }

        var department = await db.OrgUnits.AsNoTracking().SingleOrDefaultAsync(o => o.Code == OrgTreeSeeder.DepartmentCode, cancellationToken)
            ?? throw new PortalValidationException(AccountMessages.NoDepartment);
        var actor = new PortalActor(auditActor, auditActor, auditActor, PortalRoles.PortalAdmin, department.Id, department.Path);
        var (user, link) = await accounts.AddAccountAsync(db, actor,
            new NewAccount(userName, request.DisplayName, request.Email, [new MembershipGrant(department.Code, PortalRoles.PortalAdmin)], "ผู้ดูแลระบบ", request.EntraUpn),
            auditActor, cancellationToken, AdminActions.Bootstrap);
        if (admins > 0)
        {
            // Forced: say so in the record, beside who ran it.
            db.ChangeTracker.Entries<AdminEvent>().Last().Entity.Note = $"--force: {admins} active administrator(s) already existed";
        }

        await db.SaveChangesAsync(cancellationToken);
        return new BootstrapResult(user.Id, userName, link is { } l ? links.SetPasswordUrl(l.Token) : null,
            link is { } k ? DateTime.SpecifyKind(k.Link.ExpiresUtc, DateTimeKind.Utc) : null, user.EntraUpn, false);
    }
}
