using System.Globalization;
using System.Net.Mail;
using System.Security.Claims;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SmartCity.Portal.Audit;
using SmartCity.Portal.Common;
using SmartCity.Portal.Data;
using SmartCity.Portal.Organisations;
using SmartCity.Portal.Security;

namespace SmartCity.Portal.Accounts;

/// <summary>
/// Accounts and memberships, for the admin pages and the API alike. Tiered delegation (decision 0024):
/// a Portal.Admin manages everyone; a Province.Admin sees the accounts that serve an office of its
/// province (the provincial office, its districts, its municipalities), manages those that serve only
/// there and are not administrators, and grants the province, district and municipality roles there.
/// An account or office outside the caller's reach is "not found" (404), as everywhere in the portal.
/// Every change is recorded as an <see cref="AdminEvent"/> in the same SaveChanges.
/// </summary>
public sealed partial class AccountAdminService(
    IDbContextFactory<PortalDbContext> dbFactory,
    PasswordLinkService passwords,
    IOptions<AccountOptions> options,
    TimeProvider clock)
{
    public const int MaxPageSize = 200;

    [GeneratedRegex("^[a-z0-9._@-]{3,64}$", RegexOptions.CultureInvariant)]
    private static partial Regex UserNamePattern();

    /// <summary>The roles this caller may give (and end), in tier order.</summary>
    public static IReadOnlyList<string> GrantableRoles(PortalActor actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return actor.Role switch
        {
            PortalRoles.PortalAdmin => PortalRoles.All,
            PortalRoles.ProvinceAdmin => [PortalRoles.MunicipalitySubmitter, PortalRoles.DistrictOfficer, PortalRoles.ProvinceOfficer],
            _ => [],
        };
    }

    /// <summary>The calling administrator, or 403 for everyone else.</summary>
    public static PortalActor RequireAdministrator(ClaimsPrincipal user)
    {
        var actor = PortalActor.From(user);
        return PortalRoles.ManagesAccounts(actor.Role) ? actor : throw new PortalAccessDeniedException(AccountMessages.Forbidden);
    }

    /// <summary>The org path under which the caller manages: everything for DLA's administrators, its office's subtree for a province.</summary>
    public static string ScopeOf(PortalActor actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return actor.Role == PortalRoles.PortalAdmin ? "/" : actor.OrgUnitPath;
    }

    public async Task<AccountPage> ListAsync(ClaimsPrincipal user, AccountQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var actor = RequireAdministrator(user);
        var scope = ScopeOf(actor);
        var page = Math.Max(1, query.Page);
        var pageSize = Math.Clamp(query.PageSize, 1, MaxPageSize);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var users = Visible(db, scope);
        if (!string.IsNullOrWhiteSpace(query.OfficeCode))
        {
            var code = ThaiDigits.ToAscii(query.OfficeCode.Trim());
            var office = await db.OrgUnits.AsNoTracking().Where(o => o.Code == code && o.Path.StartsWith(scope)).Select(o => new { o.Id }).SingleOrDefaultAsync(cancellationToken)
                ?? throw new PortalNotFoundException(AccountMessages.OfficeNotFound);
            users = users.Where(u => db.Memberships.Any(m => m.UserId == u.Id && m.OrgUnitId == office.Id));
        }

        var q = ThaiText.Clean(query.Search);
        if (q.Length > 0)
        {
            var upper = q.ToUpperInvariant();
            users = users.Where(u => u.NormalizedUserName!.Contains(upper) || u.DisplayName.Contains(q) || (u.NormalizedEmail != null && u.NormalizedEmail.Contains(upper)));
        }

        var total = await users.CountAsync(cancellationToken);
        var rows = await users.AsNoTracking().OrderBy(u => u.DisplayName).ThenBy(u => u.UserName)
            .Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(cancellationToken);
        var memberships = await MembershipsAsync(db, rows.Select(u => u.Id).ToList(), actor, cancellationToken);
        var now = Now;
        return new AccountPage(rows.Select(u => Summary(u, memberships.GetValueOrDefault(u.Id) ?? [], now)).ToList(), total, page, pageSize);
    }

    public async Task<AccountDetail> GetAsync(ClaimsPrincipal user, string id, CancellationToken cancellationToken = default)
    {
        var actor = RequireAdministrator(user);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var account = await FindVisibleAsync(db, actor, id, tracking: false, cancellationToken);
        return await DetailAsync(db, actor, account, cancellationToken);
    }

    /// <summary>
    /// Creates an account with its memberships. Local mode: also a set-password link, e-mailed when SMTP is
    /// configured and the account has an address, otherwise returned once for the administrator to hand over.
    /// Entra mode: the UPN (default: the e-mail) is kept for binding at the first Entra sign-in.
    /// </summary>
    public async Task<AccountCreated> CreateAsync(ClaimsPrincipal user, NewAccount account, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(account);
        var actor = RequireAdministrator(user);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var (created, link) = await AddAccountAsync(db, actor, account, actor.UserName, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        var issued = link is { } l ? await passwords.DeliverAsync(created, l.Token, l.Link, cancellationToken) : null;
        return new AccountCreated(created.Id, created.UserName!, issued);
    }

    /// <summary>
    /// Validates and adds a new account, its memberships, its link and its audit event to <paramref name="db"/>
    /// without saving: the bulk import adds many and saves once.
    /// </summary>
    internal async Task<(PortalUser User, (string Token, PasswordLink Link)? Link)> AddAccountAsync(
        PortalDbContext db, PortalActor actor, NewAccount account, string auditActor, CancellationToken cancellationToken, string action = AdminActions.AccountCreate)
    {
        var userName = NormalizeUserName(account.UserName);
        var displayName = ThaiText.Clean(account.DisplayName);
        var email = NormalizeEmail(account.Email);
        var position = NullIfEmpty(ThaiText.Clean(account.Position));
        var upn = options.Value.SignInWithEntra ? NormalizeEmail(account.EntraUpn) ?? email : NormalizeEmail(account.EntraUpn);
        ValidateFields(displayName, email, position);
        if (account.Memberships is not { Count: > 0 })
        {
            throw new PortalValidationException(AccountMessages.MembershipRequired);
        }

        var offices = new List<(OrgUnit Office, string Role, DateTime? EndsUtc)>();
        foreach (var grant in account.Memberships)
        {
            var (office, role, ends) = await CheckGrantAsync(db, actor, grant, cancellationToken);
            if (offices.Any(o => o.Office.Id == office.Id))
            {
                throw new PortalValidationException(AccountMessages.MembershipExists);
            }

            offices.Add((office, role, ends));
        }

        var normalizedName = userName.ToUpperInvariant();
        if (await db.Users.AnyAsync(u => u.NormalizedUserName == normalizedName, cancellationToken))
        {
            throw new PortalConflictException(AccountMessages.UserNameTaken);
        }

        await RequireUniqueAsync(db, null, email, upn, cancellationToken);
        var now = Now;
        var created = new PortalUser
        {
            UserName = userName,
            NormalizedUserName = normalizedName,
            DisplayName = displayName,
            Email = email,
            NormalizedEmail = email?.ToUpperInvariant(),
            Position = position,
            EntraUpn = upn,
            LockoutEnabled = true,
            SecurityStamp = PasswordLinkService.NewStamp(),
            ConcurrencyStamp = Guid.NewGuid().ToString(),
            CreatedUtc = now,
        };
        db.Users.Add(created);
        foreach (var (office, role, ends) in offices)
        {
            db.Memberships.Add(new Membership { UserId = created.Id, OrgUnitId = office.Id, Role = role, CreatedUtc = now, EndsUtc = ends });
        }

        db.AdminEvents.Add(AdminEvents.New(now, auditActor, action, AdminEvents.CommonPath(offices.Select(o => o.Office.Path)), created.Id, userName,
            offices.Count == 1 ? offices[0].Office.Code : null,
            after: new
            {
                userName,
                displayName,
                email,
                position,
                entraUpn = upn,
                memberships = offices.Select(o => $"{o.Office.Code} {o.Role}{(o.EndsUtc is { } e ? " ≤ " + Iso(e) : "")}").ToList(),
            }));

        (string, PasswordLink)? link = null;
        if (!options.Value.SignInWithEntra)
        {
            link = await passwords.AddLinkAsync(db, created.Id, PasswordLinkPurpose.Set, auditActor, cancellationToken);
        }

        return (created, link);
    }

    /// <summary>Changes name, e-mail, position, UPN or the forced password change, under the account's ETag.</summary>
    public async Task<AccountDetail> UpdateAsync(ClaimsPrincipal user, string id, Guid concurrencyToken, AccountEdit edit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(edit);
        var actor = RequireAdministrator(user);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var account = await FindVisibleAsync(db, actor, id, tracking: true, cancellationToken);
        await RequireManageableAsync(db, actor, account, cancellationToken);
        if (Token(account) != concurrencyToken)
        {
            throw new PortalStaleException(AccountMessages.Stale);
        }

        var displayName = ThaiText.Clean(edit.DisplayName);
        var email = NormalizeEmail(edit.Email);
        var position = NullIfEmpty(ThaiText.Clean(edit.Position));
        var upn = NormalizeEmail(edit.EntraUpn);
        ValidateFields(displayName, email, position);
        await RequireUniqueAsync(db, account.Id, email, upn, cancellationToken);

        var before = new Dictionary<string, object?>(StringComparer.Ordinal);
        var after = new Dictionary<string, object?>(StringComparer.Ordinal);
        void Change<T>(string field, T old, T value, Action apply)
        {
            if (!EqualityComparer<T>.Default.Equals(old, value))
            {
                before[field] = old;
                after[field] = value;
                apply();
            }
        }

        Change("displayName", account.DisplayName, displayName, () => account.DisplayName = displayName);
        Change("email", account.Email, email, () => { account.Email = email; account.NormalizedEmail = email?.ToUpperInvariant(); account.EmailConfirmed = false; });
        Change("position", account.Position, position, () => account.Position = position);
        Change("entraUpn", account.EntraUpn, upn, () => account.EntraUpn = upn);
        Change("mustChangePassword", account.MustChangePassword, edit.MustChangePassword, () => account.MustChangePassword = edit.MustChangePassword);
        if (after.Count > 0)
        {
            account.ConcurrencyStamp = Guid.NewGuid().ToString();
            db.AdminEvents.Add(AdminEvents.New(Now, actor.UserName, AdminActions.AccountUpdate, await PasswordLinkService.ScopeOfAsync(db, account.Id, cancellationToken),
                account.Id, account.UserName, before: before, after: after));
            await SaveAsync(db, cancellationToken);
        }

        return await DetailAsync(db, actor, account, cancellationToken);
    }

    /// <summary>
    /// Disables the account: no sign-in, and every cookie, token and open page it holds stops at its next
    /// request or circuit check; outstanding set-password links are revoked.
    /// </summary>
    public async Task<AccountDetail> DisableAsync(ClaimsPrincipal user, string id, string? reason, CancellationToken cancellationToken = default)
    {
        var actor = RequireAdministrator(user);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var account = await FindVisibleAsync(db, actor, id, tracking: true, cancellationToken);
        await RequireManageableAsync(db, actor, account, cancellationToken);
        if (account.IsDisabled)
        {
            throw new PortalConflictException(AccountMessages.AlreadyDisabled);
        }

        if (account.Id == actor.UserId)
        {
            throw new PortalValidationException(AccountMessages.NotYourself);
        }

        var now = Now;
        if (await IsActiveAdminAsync(db, account.Id, now, cancellationToken) && await ActiveAdminCountAsync(db, now, cancellationToken) <= 1)
        {
            throw new PortalConflictException(AccountMessages.LastAdmin);
        }

        var note = NullIfEmpty(ThaiText.Clean(reason));
        account.IsDisabled = true;
        account.DisabledUtc = now;
        account.DisabledReason = note is { Length: > 500 } ? note[..500] : note;
        account.SecurityStamp = PasswordLinkService.NewStamp();
        account.ConcurrencyStamp = Guid.NewGuid().ToString();
        await PasswordLinkService.RevokeOutstandingAsync(db, account.Id, now, cancellationToken);
        db.AdminEvents.Add(AdminEvents.New(now, actor.UserName, AdminActions.AccountDisable, await PasswordLinkService.ScopeOfAsync(db, account.Id, cancellationToken),
            account.Id, account.UserName, before: new { disabled = false }, after: new { disabled = true }, note: note));
        await SaveAsync(db, cancellationToken);
        return await DetailAsync(db, actor, account, cancellationToken);
    }

    public async Task<AccountDetail> EnableAsync(ClaimsPrincipal user, string id, CancellationToken cancellationToken = default)
    {
        var actor = RequireAdministrator(user);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var account = await FindVisibleAsync(db, actor, id, tracking: true, cancellationToken);
        await RequireManageableAsync(db, actor, account, cancellationToken);
        if (!account.IsDisabled)
        {
            throw new PortalConflictException(AccountMessages.NotDisabled);
        }

        account.IsDisabled = false;
        account.DisabledUtc = null;
        account.DisabledReason = null;
        account.ConcurrencyStamp = Guid.NewGuid().ToString();
        db.AdminEvents.Add(AdminEvents.New(Now, actor.UserName, AdminActions.AccountEnable, await PasswordLinkService.ScopeOfAsync(db, account.Id, cancellationToken),
            account.Id, account.UserName, before: new { disabled = true }, after: new { disabled = false }));
        await SaveAsync(db, cancellationToken);
        return await DetailAsync(db, actor, account, cancellationToken);
    }

    /// <summary>
    /// Gives the account a membership. A membership at the same office that has ended is given again (the row
    /// is reused: one row per person and office); one still running is refused (409).
    /// </summary>
    public async Task<AccountDetail> AddMembershipAsync(ClaimsPrincipal user, string id, MembershipGrant grant, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(grant);
        var actor = RequireAdministrator(user);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var account = await FindVisibleAsync(db, actor, id, tracking: true, cancellationToken);
        var (office, role, ends) = await CheckGrantAsync(db, actor, grant, cancellationToken);
        var now = Now;
        var existing = await db.Memberships.SingleOrDefaultAsync(m => m.UserId == account.Id && m.OrgUnitId == office.Id, cancellationToken);
        object? before = null;
        if (existing is null)
        {
            db.Memberships.Add(new Membership { UserId = account.Id, OrgUnitId = office.Id, Role = role, CreatedUtc = now, EndsUtc = ends });
        }
        else if (existing.EndsUtc is { } ended && ended <= now)
        {
            before = new { office = office.Code, role = existing.Role, ended = Iso(ended) };
            existing.Role = role;
            existing.CreatedUtc = now;
            existing.EndsUtc = ends;
        }
        else
        {
            throw new PortalConflictException(AccountMessages.MembershipExists);
        }

        account.ConcurrencyStamp = Guid.NewGuid().ToString();
        db.AdminEvents.Add(AdminEvents.New(now, actor.UserName, AdminActions.MembershipAdd, office.Path, account.Id, account.UserName, office.Code,
            before: before, after: new { office = office.Code, role, endsUtc = ends is { } e ? Iso(e) : null }));
        await SaveAsync(db, cancellationToken);
        return await DetailAsync(db, actor, account, cancellationToken);
    }

    /// <summary>
    /// Ends a membership now, or at the end of <paramref name="endsOn"/> (a Bangkok date, today or later).
    /// Ending takes effect at the person's next request.
    /// </summary>
    public async Task<AccountDetail> EndMembershipAsync(ClaimsPrincipal user, int membershipId, DateOnly? endsOn, CancellationToken cancellationToken = default)
    {
        var actor = RequireAdministrator(user);
        var scope = ScopeOf(actor);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var membership = await db.Memberships.Include(m => m.OrgUnit).Include(m => m.User)
            .SingleOrDefaultAsync(m => m.Id == membershipId && m.OrgUnit!.Path.StartsWith(scope), cancellationToken)
            ?? throw new PortalNotFoundException(AccountMessages.MembershipNotFound);
        if (!GrantableRoles(actor).Contains(membership.Role))
        {
            throw new PortalAccessDeniedException(AccountMessages.RoleNotGrantable);
        }

        var now = Now;
        if (membership.EndsUtc is { } already && already <= now)
        {
            throw new PortalConflictException(AccountMessages.MembershipAlreadyEnded);
        }

        var ends = EndOf(endsOn) ?? now;
        if (membership.UserId == actor.UserId && PortalRoles.ManagesAccounts(membership.Role))
        {
            throw new PortalValidationException(AccountMessages.NotYourself);
        }

        if (membership.Role == PortalRoles.PortalAdmin && !membership.User!.IsDisabled && await ActiveAdminCountAsync(db, now, cancellationToken) <= 1)
        {
            throw new PortalConflictException(AccountMessages.LastAdmin);
        }

        var before = new { office = membership.OrgUnit!.Code, role = membership.Role, endsUtc = membership.EndsUtc is { } b ? Iso(b) : null };
        membership.EndsUtc = ends;
        membership.User!.ConcurrencyStamp = Guid.NewGuid().ToString();
        db.AdminEvents.Add(AdminEvents.New(now, actor.UserName, AdminActions.MembershipEnd, membership.OrgUnit.Path, membership.UserId, membership.User.UserName,
            membership.OrgUnit.Code, before: before, after: new { office = membership.OrgUnit.Code, role = membership.Role, endsUtc = Iso(ends) }));
        await SaveAsync(db, cancellationToken);
        return await DetailAsync(db, actor, membership.User, cancellationToken);
    }

    /// <summary>A fresh set-password link for the account (older ones stop working); e-mailed or shown once.</summary>
    public async Task<PasswordLinkIssued> IssueSetPasswordLinkAsync(ClaimsPrincipal user, string id, CancellationToken cancellationToken = default)
    {
        var actor = RequireAdministrator(user);
        if (options.Value.SignInWithEntra)
        {
            throw new PortalConflictException(AccountMessages.LinksNeedLocalMode);
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var account = await FindVisibleAsync(db, actor, id, tracking: false, cancellationToken);
        await RequireManageableAsync(db, actor, account, cancellationToken);
        if (account.IsDisabled)
        {
            throw new PortalConflictException(AccountMessages.AccountDisabledNoLink);
        }

        var (token, link) = await passwords.AddLinkAsync(db, account.Id, PasswordLinkPurpose.Set, actor.UserName, cancellationToken);
        var audit = AdminEvents.New(Now, actor.UserName, AdminActions.PasswordLink, await PasswordLinkService.ScopeOfAsync(db, account.Id, cancellationToken),
            account.Id, account.UserName, after: new { expiresUtc = Iso(link.ExpiresUtc) });
        db.AdminEvents.Add(audit);
        await db.SaveChangesAsync(cancellationToken);
        var issued = await passwords.DeliverAsync(account, token, link, cancellationToken);
        return issued;
    }

    /// <summary>Offices where the caller may give memberships, matching a code or a Thai/English name (at most <paramref name="take"/>).</summary>
    public async Task<IReadOnlyList<ManageableOffice>> FindOfficesAsync(ClaimsPrincipal user, string? search, int take = 30, CancellationToken cancellationToken = default)
    {
        var actor = RequireAdministrator(user);
        var scope = ScopeOf(actor);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var q = db.OrgUnits.AsNoTracking().Where(o => o.Path.StartsWith(scope));
        var text = ThaiText.Clean(search);
        if (text.Length > 0)
        {
            var code = ThaiDigits.ToAscii(text);
            q = q.Where(o => o.Code.StartsWith(code) || o.NameTh.Contains(text) || (o.NameEn != null && o.NameEn.Contains(text)));
        }

        return await q.OrderBy(o => o.Path.Length).ThenBy(o => o.Code).Take(Math.Clamp(take, 1, 200))
            .Select(o => new ManageableOffice(o.Id, o.Code, o.NameTh, o.NameEn, o.Kind, o.Path)).ToListAsync(cancellationToken);
    }

    // ---- rules ----

    internal static string NormalizeUserName(string? userName)
    {
        var name = ThaiDigits.ToAscii((userName ?? "").Trim()).ToLowerInvariant();
        if (name.Length == 0)
        {
            throw new PortalValidationException(AccountMessages.UserNameRequired);
        }

        return UserNamePattern().IsMatch(name) ? name : throw new PortalValidationException(AccountMessages.UserNameInvalid);
    }

    internal static string? NormalizeEmail(string? email)
    {
        var value = (email ?? "").Trim();
        if (value.Length == 0)
        {
            return null;
        }

        if (value.Length > 256 || !MailAddress.TryCreate(value, out var parsed) || !string.Equals(parsed.Address, value, StringComparison.OrdinalIgnoreCase)
            || !parsed.Host.Contains('.', StringComparison.Ordinal))
        {
            throw new PortalValidationException(AccountMessages.EmailInvalid);
        }

        return value;
    }

    internal static void ValidateFields(string displayName, string? email, string? position)
    {
        _ = email;
        if (displayName.Length == 0)
        {
            throw new PortalValidationException(AccountMessages.DisplayNameRequired);
        }

        if (displayName.Length > 200)
        {
            throw new PortalValidationException(AccountMessages.DisplayNameTooLong);
        }

        if (position is { Length: > 200 })
        {
            throw new PortalValidationException(AccountMessages.PositionTooLong);
        }
    }

    /// <summary>The office (within the caller's scope, else 404), the role (known, grantable, fitting the office) and the end instant.</summary>
    internal async Task<(OrgUnit Office, string Role, DateTime? EndsUtc)> CheckGrantAsync(
        PortalDbContext db, PortalActor actor, MembershipGrant grant, CancellationToken cancellationToken)
    {
        var code = ThaiDigits.ToAscii((grant.OfficeCode ?? "").Trim());
        var scope = ScopeOf(actor);
        var office = await db.OrgUnits.AsNoTracking().SingleOrDefaultAsync(o => o.Code == code && o.Path.StartsWith(scope), cancellationToken)
            ?? throw new PortalNotFoundException(AccountMessages.OfficeNotFound);
        var role = PortalRoles.All.FirstOrDefault(r => string.Equals(r, (grant.Role ?? "").Trim(), StringComparison.OrdinalIgnoreCase))
            ?? throw new PortalValidationException(AccountMessages.UnknownRole);
        if (!GrantableRoles(actor).Contains(role))
        {
            throw new PortalAccessDeniedException(AccountMessages.RoleNotGrantable);
        }

        if (!PortalRoles.FitsOrgUnit(role, office.Kind))
        {
            throw new PortalValidationException(AccountMessages.RoleDoesNotFitOffice);
        }

        return (office, role, EndOf(grant.EndsOn));
    }

    /// <summary>The Bangkok midnight after <paramref name="endsOn"/>: the membership counts through that whole day.</summary>
    internal DateTime? EndOf(DateOnly? endsOn)
    {
        if (endsOn is not { } day)
        {
            return null;
        }

        var today = DateOnly.FromDateTime(ThaiTime.ToBangkok(Now));
        if (day < today)
        {
            throw new PortalValidationException(AccountMessages.EndDateInPast);
        }

        return ThaiTime.FromBangkok(day.AddDays(1).ToDateTime(TimeOnly.MinValue));
    }

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>Accounts with at least one membership (running or ended) in the scope; DLA's administrators see every account.</summary>
    internal static IQueryable<PortalUser> Visible(PortalDbContext db, string scope) =>
        scope == "/" ? db.Users : db.Users.Where(u => db.Memberships.Any(m => m.UserId == u.Id && m.OrgUnit!.Path.StartsWith(scope)));

    internal static async Task<PortalUser> FindVisibleAsync(PortalDbContext db, PortalActor actor, string? id, bool tracking, CancellationToken cancellationToken)
    {
        var users = Visible(db, ScopeOf(actor));
        var account = await (tracking ? users : users.AsNoTracking()).SingleOrDefaultAsync(u => u.Id == id, cancellationToken);
        return account ?? throw new PortalNotFoundException(AccountMessages.UserNotFound);
    }

    /// <summary>
    /// Account-wide changes by a provincial administrator: every running membership of the account lies in
    /// its province, and none is an administrator's. DLA's administrators change any account.
    /// </summary>
    internal async Task RequireManageableAsync(PortalDbContext db, PortalActor actor, PortalUser account, CancellationToken cancellationToken)
    {
        if (!await CanManageAsync(db, actor, account.Id, cancellationToken))
        {
            throw new PortalAccessDeniedException(AccountMessages.OutsideProvince);
        }
    }

    internal async Task<bool> CanManageAsync(PortalDbContext db, PortalActor actor, string userId, CancellationToken cancellationToken)
    {
        if (actor.Role == PortalRoles.PortalAdmin)
        {
            return true;
        }

        var scope = ScopeOf(actor);
        var now = Now;
        return !await db.Memberships.AnyAsync(m => m.UserId == userId && (m.EndsUtc == null || m.EndsUtc > now)
            && (!m.OrgUnit!.Path.StartsWith(scope) || m.Role == PortalRoles.PortalAdmin || m.Role == PortalRoles.ProvinceAdmin), cancellationToken);
    }

    private static async Task RequireUniqueAsync(PortalDbContext db, string? userId, string? email, string? upn, CancellationToken cancellationToken)
    {
        if (email is not null)
        {
            var normalized = email.ToUpperInvariant();
            if (await db.Users.AnyAsync(u => u.NormalizedEmail == normalized && u.Id != userId, cancellationToken))
            {
                throw new PortalConflictException(AccountMessages.EmailTaken);
            }
        }

        if (upn is not null && await db.Users.AnyAsync(u => u.EntraUpn == upn && u.Id != userId, cancellationToken))
        {
            throw new PortalConflictException(AccountMessages.EntraUpnTaken);
        }
    }

    private static Task<bool> IsActiveAdminAsync(PortalDbContext db, string userId, DateTime now, CancellationToken cancellationToken) =>
        db.Memberships.AnyAsync(m => m.UserId == userId && m.Role == PortalRoles.PortalAdmin && (m.EndsUtc == null || m.EndsUtc > now), cancellationToken);

    /// <summary>Enabled accounts holding a running Portal.Admin membership.</summary>
    internal static Task<int> ActiveAdminCountAsync(PortalDbContext db, DateTime now, CancellationToken cancellationToken) =>
        db.Users.CountAsync(u => !u.IsDisabled && db.Memberships.Any(m => m.UserId == u.Id && m.Role == PortalRoles.PortalAdmin && (m.EndsUtc == null || m.EndsUtc > now)),
            cancellationToken);

    private async Task<AccountDetail> DetailAsync(PortalDbContext db, PortalActor actor, PortalUser account, CancellationToken cancellationToken)
    {
        var memberships = await MembershipsAsync(db, [account.Id], actor, cancellationToken);
        var now = Now;
        return new AccountDetail(Summary(account, memberships.GetValueOrDefault(account.Id) ?? [], now), account.EntraUpn, account.ExternalObjectId is not null,
            account.MustChangePassword, Utc(account.DisabledUtc), account.DisabledReason, Utc(account.CreatedUtc), Token(account),
            await CanManageAsync(db, actor, account.Id, cancellationToken));
    }

    private async Task<Dictionary<string, List<MembershipView>>> MembershipsAsync(PortalDbContext db, List<string> userIds, PortalActor actor, CancellationToken cancellationToken)
    {
        var scope = ScopeOf(actor);
        var grantable = GrantableRoles(actor);
        var now = Now;
        var rows = await db.Memberships.AsNoTracking().Where(m => userIds.Contains(m.UserId))
            .Select(m => new { m.Id, m.UserId, m.OrgUnitId, m.OrgUnit!.Code, m.OrgUnit.NameTh, m.OrgUnit.NameEn, m.OrgUnit.Kind, m.OrgUnit.Path, m.Role, m.CreatedUtc, m.EndsUtc })
            .ToListAsync(cancellationToken);
        return rows
            .OrderBy(r => r.Path, StringComparer.Ordinal)
            .GroupBy(r => r.UserId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(r => new MembershipView(
                r.Id, r.OrgUnitId, r.Code, r.NameTh, r.NameEn, r.Kind, r.Role, Utc(r.CreatedUtc), Utc(r.EndsUtc), r.EndsUtc is null || r.EndsUtc > now,
                r.Path.StartsWith(scope, StringComparison.Ordinal) && grantable.Contains(r.Role))).ToList(), StringComparer.Ordinal);
    }

    internal static AccountSummary Summary(PortalUser u, IReadOnlyList<MembershipView> memberships, DateTime now)
    {
        var lockedUntil = u.LockoutEnd is { } end && end.UtcDateTime > now ? end.UtcDateTime : (DateTime?)null;
        var status = u.IsDisabled ? AccountStatus.Disabled
            : lockedUntil is not null ? AccountStatus.LockedOut
            : u.LastSignInUtc is null ? AccountStatus.NeverSignedIn
            : AccountStatus.Active;
        return new AccountSummary(u.Id, u.UserName ?? u.Id, u.DisplayName, u.Email, u.Position, status, u.IsDisabled, lockedUntil, Utc(u.LastSignInUtc),
            u.PasswordHash is not null, u.IsDemo, memberships);
    }

    internal static Guid Token(PortalUser user) => Guid.TryParse(user.ConcurrencyStamp, out var g) ? g : Guid.Empty;

    private static async Task SaveAsync(PortalDbContext db, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new PortalStaleException(AccountMessages.Stale);
        }
    }

    private static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;

    private static DateTime Utc(DateTime value) => DateTime.SpecifyKind(value, DateTimeKind.Utc);

    private static DateTime? Utc(DateTime? value) => value is { } v ? DateTime.SpecifyKind(v, DateTimeKind.Utc) : null;

    private static string Iso(DateTime utc) => utc.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
