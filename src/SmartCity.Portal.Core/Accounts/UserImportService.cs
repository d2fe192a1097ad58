using System.Globalization;
using System.Security.Claims;
using ClosedXML.Excel;
using Microsoft.EntityFrameworkCore;
using SmartCity.Portal.Audit;
using SmartCity.Portal.Common;
using SmartCity.Portal.Data;
using SmartCity.Portal.Organisations;
using SmartCity.Portal.Reports;
using SmartCity.Portal.Security;

namespace SmartCity.Portal.Accounts;

public enum ImportRowStatus
{
    /// <summary>A new account, or a new membership for an existing one.</summary>
    Added,

    /// <summary>An existing account's name or e-mail, or a membership's role, changes (or an ended membership is given again).</summary>
    Changed,

    Unchanged,

    Refused,
}

public sealed record ImportMessage(string Column, PortalMessage Message);

public sealed record UserImportRow(
    int Row, string UserName, string DisplayName, string? Email, string OfficeCode, string? Role, ImportRowStatus Status, IReadOnlyList<ImportMessage> Messages)
{
    /// <summary>After apply, a new local account's link when it was not e-mailed (shown once, to hand over).</summary>
    public string? SetPasswordUrl { get; init; }

    public string? EmailedTo { get; init; }
}

public sealed record UserImportReport(bool Applied, int Added, int Changed, int Unchanged, int Refused, IReadOnlyList<UserImportRow> Rows);

/// <summary>An apply that was refused because some rows are: nothing was written (HTTP 422 with the report).</summary>
public sealed class UserImportRefusedException(UserImportReport report) : PortalException(ImportMessages.ApplyRefused)
{
    public UserImportReport Report { get; } = report;
}

public static class ImportMessages
{
    public static readonly PortalMessage ApplyRefused = new("import-has-refused-rows",
        "ยังนำเข้าไม่ได้ เนื่องจากมีแถวที่ไม่ผ่านการตรวจสอบ กรุณาแก้ไขตามรายงานแล้วลองใหม่ (ยังไม่มีการบันทึกข้อมูลใด ๆ)",
        "Not imported: some rows were refused. Fix them as the report says and try again (nothing was written).");

    public static readonly PortalMessage Duplicate = new("duplicate-row",
        "แถวนี้ซ้ำกับแถวก่อนหน้า (ชื่อผู้ใช้และหน่วยงานเดียวกัน)", "This row repeats an earlier one (same user name and office).");

    public static PortalMessage Inconsistent(int row) => new("inconsistent-user",
        $"ชื่อ–นามสกุลหรืออีเมลของผู้ใช้นี้ไม่ตรงกับแถวที่ {row}", $"The name or e-mail differs from row {row} for the same user name.");

    public static PortalMessage EmailInFile(int row) => new("email-in-file",
        $"อีเมลนี้ใช้กับชื่อผู้ใช้อื่นในแถวที่ {row}", $"Row {row} gives this e-mail address to another user name.");

    public static readonly PortalMessage NotYours = new("user-not-yours",
        "มีบัญชีชื่อผู้ใช้นี้อยู่แล้ว และท่านไม่มีสิทธิ์แก้ไขบัญชีนี้ กรุณาเลือกชื่อผู้ใช้อื่น หรือติดต่อผู้ดูแลระบบของกรม",
        "An account with this user name exists and is not yours to change: choose another user name or ask DLA's administrators.");
}

/// <summary>
/// Bulk accounts from a list (header <c>user_name,display_name,email,office_code,role</c>; one row per
/// membership, a person serving two offices has two rows). Always a dry run first: every row gets a status
/// and its reasons in Thai; apply runs the same checks and writes everything in one SaveChanges, or nothing
/// while any row is refused. Keyed by user name and office: importing the same file twice changes nothing.
/// </summary>
public sealed class UserImportService(IDbContextFactory<PortalDbContext> dbFactory, AccountAdminService accounts, PasswordLinkService passwords, ExportGate gate, TimeProvider clock)
{
    public const int MaxRows = 10_000;

    public static readonly IReadOnlyList<string> Headers = ["user_name", "display_name", "email", "office_code", "role"];

    /// <summary>Role column words: the role names themselves, short English words and the Thai words on the pages.</summary>
    private static readonly Dictionary<string, string> RoleWords = new(StringComparer.OrdinalIgnoreCase)
    {
        ["municipality"] = PortalRoles.MunicipalitySubmitter,
        ["submitter"] = PortalRoles.MunicipalitySubmitter,
        ["ผู้รายงาน"] = PortalRoles.MunicipalitySubmitter,
        ["เทศบาล"] = PortalRoles.MunicipalitySubmitter,
        ["district"] = PortalRoles.DistrictOfficer,
        ["อำเภอ"] = PortalRoles.DistrictOfficer,
        ["เจ้าหน้าที่อำเภอ"] = PortalRoles.DistrictOfficer,
        ["province"] = PortalRoles.ProvinceOfficer,
        ["จังหวัด"] = PortalRoles.ProvinceOfficer,
        ["เจ้าหน้าที่จังหวัด"] = PortalRoles.ProvinceOfficer,
        ["province-admin"] = PortalRoles.ProvinceAdmin,
        ["ผู้ดูแลระบบจังหวัด"] = PortalRoles.ProvinceAdmin,
        ["dla"] = PortalRoles.DlaOfficer,
        ["กรม"] = PortalRoles.DlaOfficer,
        ["admin"] = PortalRoles.PortalAdmin,
        ["ผู้ดูแลระบบ"] = PortalRoles.PortalAdmin,
    };

    public Task<UserImportReport> DryRunAsync(ClaimsPrincipal user, Stream file, CancellationToken cancellationToken = default) =>
        RunAsync(user, file, apply: false, null, cancellationToken);

    /// <summary>Writes the file's accounts and memberships, all or nothing; <see cref="UserImportRefusedException"/> while a row is refused.</summary>
    public Task<UserImportReport> ApplyAsync(ClaimsPrincipal user, Stream file, string? fileName, CancellationToken cancellationToken = default) =>
        RunAsync(user, file, apply: true, fileName, cancellationToken);

    private async Task<UserImportReport> RunAsync(ClaimsPrincipal user, Stream file, bool apply, string? fileName, CancellationToken cancellationToken)
    {
        var actor = AccountAdminService.RequireAdministrator(user);
        var sheet = SpreadsheetReader.Read(file, Headers, MaxRows);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var plans = await PlanAsync(db, actor, sheet, cancellationToken);
        var report = Report(plans, applied: false);
        if (!apply)
        {
            return report;
        }

        if (report.Refused > 0)
        {
            throw new UserImportRefusedException(report);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var newAccounts = new List<(RowPlan Plan, PortalUser User, (string Token, PasswordLink Link)? Link)>();
        foreach (var group in plans.Where(p => p.Status is ImportRowStatus.Added or ImportRowStatus.Changed).GroupBy(p => p.UserName, StringComparer.Ordinal))
        {
            var first = group.First();
            if (first.Existing is null)
            {
                var grants = group.Select(p => new MembershipGrant(p.Office!.Code, p.Role!)).ToList();
                var (created, link) = await accounts.AddAccountAsync(db, actor, new NewAccount(first.UserName, first.DisplayName, first.Email, grants), actor.UserName, cancellationToken);
                newAccounts.Add((first, created, link));
                continue;
            }

            var existing = await db.Users.SingleAsync(u => u.Id == first.Existing.Id, cancellationToken);
            if (!string.Equals(existing.DisplayName, first.DisplayName, StringComparison.Ordinal) || (first.Email is not null && !string.Equals(existing.Email, first.Email, StringComparison.OrdinalIgnoreCase)))
            {
                db.AdminEvents.Add(AdminEvents.New(now, actor.UserName, AdminActions.AccountUpdate, await PasswordLinkService.ScopeOfAsync(db, existing.Id, cancellationToken),
                    existing.Id, existing.UserName, before: new { displayName = existing.DisplayName, email = existing.Email },
                    after: new { displayName = first.DisplayName, email = first.Email ?? existing.Email }, note: "import"));
                existing.DisplayName = first.DisplayName;
                if (first.Email is not null)
                {
                    existing.Email = first.Email;
                    existing.NormalizedEmail = first.Email.ToUpperInvariant();
                }
            }

            existing.ConcurrencyStamp = Guid.NewGuid().ToString();
            foreach (var p in group.Where(p => p.MembershipChange != MembershipChange.None))
            {
                var m = p.ExistingMembership;
                if (m is null)
                {
                    db.Memberships.Add(new Membership { UserId = existing.Id, OrgUnitId = p.Office!.Id, Role = p.Role!, CreatedUtc = now });
                    db.AdminEvents.Add(AdminEvents.New(now, actor.UserName, AdminActions.MembershipAdd, p.Office.Path, existing.Id, existing.UserName, p.Office.Code,
                        after: new { office = p.Office.Code, role = p.Role }, note: "import"));
                }
                else
                {
                    var tracked = await db.Memberships.SingleAsync(x => x.Id == m.Id, cancellationToken);
                    db.AdminEvents.Add(AdminEvents.New(now, actor.UserName, AdminActions.MembershipChange, p.Office!.Path, existing.Id, existing.UserName, p.Office.Code,
                        before: new { office = p.Office.Code, role = tracked.Role, endsUtc = tracked.EndsUtc }, after: new { office = p.Office.Code, role = p.Role }, note: "import"));
                    tracked.Role = p.Role!;
                    tracked.EndsUtc = null;
                    if (p.MembershipChange == MembershipChange.Renew)
                    {
                        tracked.CreatedUtc = now;
                    }
                }
            }
        }

        var applied = Report(plans, applied: true);
        db.AdminEvents.Add(AdminEvents.New(now, actor.UserName, AdminActions.UserImport, AccountAdminService.ScopeOf(actor) == "/" ? "/" : actor.OrgUnitPath,
            after: new { applied.Added, applied.Changed, applied.Unchanged, rows = applied.Rows.Count }, note: fileName));
        await db.SaveChangesAsync(cancellationToken);

        // Links go out after the save: a failed e-mail must not undo the accounts (the link is then shown instead).
        var delivered = new Dictionary<string, PasswordLinkIssued>(StringComparer.Ordinal);
        foreach (var (plan, created, link) in newAccounts)
        {
            if (link is { } l)
            {
                delivered[plan.UserName] = await passwords.DeliverAsync(created, l.Token, l.Link, cancellationToken);
            }
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        return applied with
        {
            Rows = applied.Rows.Select(r => delivered.TryGetValue(r.UserName, out var d) && seen.Add(r.UserName)
                ? r with { SetPasswordUrl = d.Url, EmailedTo = d.EmailedTo }
                : r).ToList(),
        };
    }

    private enum MembershipChange
    {
        None,
        Add,
        Role,
        Renew,
    }

    private sealed class RowPlan
    {
        public int Row { get; init; }
        public string UserName { get; set; } = "";
        public string DisplayName { get; set; } = "";
        public string? Email { get; set; }
        public string OfficeCode { get; set; } = "";
        public string? Role { get; set; }
        public OrgUnit? Office { get; set; }
        public PortalUser? Existing { get; set; }
        public Membership? ExistingMembership { get; set; }
        public MembershipChange MembershipChange { get; set; }
        public List<ImportMessage> Messages { get; } = [];
        public ImportRowStatus Status { get; set; }
    }

    private async Task<List<RowPlan>> PlanAsync(PortalDbContext db, PortalActor actor, IReadOnlyList<SheetRow> sheet, CancellationToken cancellationToken)
    {
        var scope = AccountAdminService.ScopeOf(actor);
        var grantable = AccountAdminService.GrantableRoles(actor);
        var codes = sheet.Select(r => ThaiDigits.ToAscii(r["office_code"])).Where(c => c.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        var offices = await db.OrgUnits.AsNoTracking().Where(o => codes.Contains(o.Code) && o.Path.StartsWith(scope)).ToDictionaryAsync(o => o.Code, StringComparer.Ordinal, cancellationToken);
        var names = sheet.Select(r => r["user_name"].ToLowerInvariant()).Distinct(StringComparer.Ordinal).Select(n => n.ToUpperInvariant()).ToList();
        var existing = await db.Users.AsNoTracking().Where(u => names.Contains(u.NormalizedUserName!)).ToDictionaryAsync(u => u.UserName!, StringComparer.Ordinal, cancellationToken);
        var existingIds = existing.Values.Select(u => u.Id).ToList();
        var memberships = await db.Memberships.AsNoTracking().Where(m => existingIds.Contains(m.UserId)).ToListAsync(cancellationToken);
        var emails = sheet.Select(r => r["email"].ToUpperInvariant()).Where(e => e.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        var emailOwners = await db.Users.AsNoTracking().Where(u => emails.Contains(u.NormalizedEmail!)).Select(u => new { u.NormalizedEmail, u.UserName }).ToListAsync(cancellationToken);
        var manageable = new Dictionary<string, bool>(StringComparer.Ordinal);
        foreach (var u in existing.Values)
        {
            manageable[u.Id] = await accounts.CanManageAsync(db, actor, u.Id, cancellationToken)
                && await AccountAdminService.Visible(db, scope).AnyAsync(x => x.Id == u.Id, cancellationToken);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var plans = new List<RowPlan>();
        var firstRowOfUser = new Dictionary<string, RowPlan>(StringComparer.Ordinal);
        var firstRowOfEmail = new Dictionary<string, RowPlan>(StringComparer.OrdinalIgnoreCase);
        var seenPairs = new HashSet<(string, string)>();
        foreach (var row in sheet)
        {
            var plan = new RowPlan { Row = row.Number, DisplayName = row["display_name"], OfficeCode = ThaiDigits.ToAscii(row["office_code"]) };
            plans.Add(plan);
            plan.Messages.AddRange(row.Problems.Select(p => new ImportMessage(p.Column, p.Message)));
            Check(plan, "user_name", () => plan.UserName = AccountAdminService.NormalizeUserName(row["user_name"]));
            if (plan.UserName.Length == 0)
            {
                plan.UserName = row["user_name"].ToLowerInvariant();
            }

            Check(plan, "display_name", () => AccountAdminService.ValidateFields(plan.DisplayName, null, null));
            Check(plan, "email", () => plan.Email = AccountAdminService.NormalizeEmail(row["email"]));
            if (plan.OfficeCode.Length == 0 || !offices.TryGetValue(plan.OfficeCode, out var office))
            {
                plan.Messages.Add(new("office_code", AccountMessages.OfficeNotFound));
            }
            else
            {
                plan.Office = office;
                var role = ResolveRole(row["role"], office.Kind);
                if (role is null)
                {
                    plan.Messages.Add(new("role", AccountMessages.UnknownRole));
                }
                else if (!grantable.Contains(role))
                {
                    plan.Messages.Add(new("role", AccountMessages.RoleNotGrantable));
                }
                else if (!PortalRoles.FitsOrgUnit(role, office.Kind))
                {
                    plan.Messages.Add(new("role", AccountMessages.RoleDoesNotFitOffice));
                }

                plan.Role = role;
            }

            if (plan.UserName.Length > 0 && firstRowOfUser.TryGetValue(plan.UserName, out var first))
            {
                if (!string.Equals(first.DisplayName, plan.DisplayName, StringComparison.Ordinal) || !string.Equals(first.Email, plan.Email, StringComparison.OrdinalIgnoreCase))
                {
                    plan.Messages.Add(new("display_name", ImportMessages.Inconsistent(first.Row)));
                }
            }
            else if (plan.UserName.Length > 0)
            {
                firstRowOfUser[plan.UserName] = plan;
            }

            if (plan.Email is { } email)
            {
                if (firstRowOfEmail.TryGetValue(email, out var owner) && owner.UserName != plan.UserName)
                {
                    plan.Messages.Add(new("email", ImportMessages.EmailInFile(owner.Row)));
                }
                else
                {
                    firstRowOfEmail.TryAdd(email, plan);
                }

                if (emailOwners.Any(o => string.Equals(o.NormalizedEmail, email, StringComparison.OrdinalIgnoreCase) && o.UserName != plan.UserName))
                {
                    plan.Messages.Add(new("email", AccountMessages.EmailTaken));
                }
            }

            if (plan.Office is not null && !seenPairs.Add((plan.UserName, plan.Office.Code)))
            {
                plan.Messages.Add(new("office_code", ImportMessages.Duplicate));
            }

            if (existing.TryGetValue(plan.UserName, out var user))
            {
                plan.Existing = user;
                if (!manageable[user.Id])
                {
                    plan.Messages.Add(new("user_name", ImportMessages.NotYours));
                }
            }

            if (plan.Messages.Count > 0)
            {
                plan.Status = ImportRowStatus.Refused;
                continue;
            }

            if (plan.Existing is null)
            {
                plan.Status = ImportRowStatus.Added;
                plan.MembershipChange = MembershipChange.Add;
                continue;
            }

            var m = memberships.SingleOrDefault(x => x.UserId == plan.Existing.Id && x.OrgUnitId == plan.Office!.Id);
            plan.ExistingMembership = m;
            plan.MembershipChange = m is null ? MembershipChange.Add
                : m.EndsUtc is { } ends && ends <= now ? MembershipChange.Renew
                : m.Role != plan.Role || m.EndsUtc is not null ? MembershipChange.Role
                : MembershipChange.None;
            var accountChanges = !string.Equals(plan.Existing.DisplayName, plan.DisplayName, StringComparison.Ordinal)
                || (plan.Email is not null && !string.Equals(plan.Existing.Email, plan.Email, StringComparison.OrdinalIgnoreCase));
            plan.Status = plan.MembershipChange == MembershipChange.Add ? ImportRowStatus.Added
                : plan.MembershipChange != MembershipChange.None || accountChanges ? ImportRowStatus.Changed
                : ImportRowStatus.Unchanged;
        }

        // A person is refused whole: half of someone's memberships would be a surprise on apply.
        foreach (var group in plans.GroupBy(p => p.UserName, StringComparer.Ordinal).Where(g => g.Any(p => p.Status == ImportRowStatus.Refused)))
        {
            foreach (var p in group.Where(p => p.Status != ImportRowStatus.Refused))
            {
                p.Status = ImportRowStatus.Refused;
                p.Messages.Add(new("user_name", new PortalMessage("other-row-refused",
                    $"แถวอื่นของผู้ใช้นี้ไม่ผ่านการตรวจสอบ (แถวที่ {string.Join(", ", group.Where(x => x.Messages.Count > 0 && x != p).Select(x => x.Row))})",
                    $"Another row of this user was refused (row {string.Join(", ", group.Where(x => x.Messages.Count > 0 && x != p).Select(x => x.Row))}).")));
            }
        }

        return plans;
    }

    private static void Check(RowPlan plan, string column, Action check)
    {
        try
        {
            check();
        }
        catch (PortalException e)
        {
            plan.Messages.Add(new(column, e.PortalMessage));
        }
    }

    /// <summary>A role word, or the office kind's usual role when the cell is empty.</summary>
    private static string? ResolveRole(string text, OrgUnitKind kind)
    {
        var value = text.Trim();
        if (value.Length == 0)
        {
            return kind switch
            {
                OrgUnitKind.Municipality => PortalRoles.MunicipalitySubmitter,
                OrgUnitKind.DistrictOffice => PortalRoles.DistrictOfficer,
                OrgUnitKind.ProvinceOffice => PortalRoles.ProvinceOfficer,
                _ => PortalRoles.DlaOfficer,
            };
        }

        return PortalRoles.All.FirstOrDefault(r => string.Equals(r, value, StringComparison.OrdinalIgnoreCase))
            ?? (RoleWords.TryGetValue(value, out var role) ? role : null);
    }

    private static UserImportReport Report(List<RowPlan> plans, bool applied)
    {
        var rows = plans.Select(p => new UserImportRow(p.Row, p.UserName, p.DisplayName, p.Email, p.OfficeCode, p.Role, p.Status, p.Messages.ToList())).ToList();
        return new UserImportReport(applied, rows.Count(r => r.Status == ImportRowStatus.Added), rows.Count(r => r.Status == ImportRowStatus.Changed),
            rows.Count(r => r.Status == ImportRowStatus.Unchanged), rows.Count(r => r.Status == ImportRowStatus.Refused), rows);
    }

    // ---- Excel ----

    public static PortalMessage StatusText(ImportRowStatus status) => status switch
    {
        ImportRowStatus.Added => new("added", "เพิ่มใหม่", "Added"),
        ImportRowStatus.Changed => new("changed", "แก้ไข", "Changed"),
        ImportRowStatus.Unchanged => new("unchanged", "ไม่เปลี่ยนแปลง", "Unchanged"),
        _ => new("refused", "ไม่ผ่าน", "Refused"),
    };

    /// <summary>The report as a workbook: one line per row of the file, with its status and reasons (and, after apply, links to hand over).</summary>
    public async Task WriteReportAsync(UserImportReport report, Stream output, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(output);
        using (await gate.EnterAsync(cancellationToken))
        {
            using var workbook = ExcelSheet.NewWorkbook("รายงานการนำเข้าบัญชีผู้ใช้", "SmartCity.Portal");
            ExcelColumn<UserImportRow>[] columns =
            [
                new("แถว", 7, r => r.Row),
                new("user_name", 18, r => r.UserName),
                new("display_name", 28, r => r.DisplayName),
                new("email", 26, r => r.Email),
                new("office_code", 12, r => r.OfficeCode),
                new("role", 22, r => r.Role),
                new("ผลการตรวจสอบ", 16, r => StatusText(r.Status).Th),
                new("ข้อความ", 70, r => string.Join("\n", r.Messages.Select(m => $"[{m.Column}] {m.Message.Th}"))),
                .. report.Rows.Any(r => r.SetPasswordUrl is not null)
                    ? new ExcelColumn<UserImportRow>[] { new("ลิงก์ตั้งรหัสผ่าน (ใช้ครั้งเดียว)", 60, r => r.SetPasswordUrl) }
                    : [],
            ];
            var sheet = ExcelSheet.AddTable(workbook, "ผลการตรวจสอบ", columns, report.Rows, cancellationToken);
            sheet.Column(8).Style.Alignment.WrapText = true;
            ExcelSheet.AddInfoSheet(workbook,
            [
                ("รายงาน", report.Applied ? "ผลการนำเข้าบัญชีผู้ใช้ (บันทึกแล้ว)" : "ผลการตรวจสอบก่อนนำเข้าบัญชีผู้ใช้ (ยังไม่บันทึก)"),
                ("เพิ่มใหม่", report.Added.ToString(CultureInfo.InvariantCulture)),
                ("แก้ไข", report.Changed.ToString(CultureInfo.InvariantCulture)),
                ("ไม่เปลี่ยนแปลง", report.Unchanged.ToString(CultureInfo.InvariantCulture)),
                ("ไม่ผ่าน", report.Refused.ToString(CultureInfo.InvariantCulture)),
                ("จัดทำเมื่อ", ThaiTime.FormatDateTime(clock.GetUtcNow().UtcDateTime)),
            ]);
            workbook.SaveAs(output);
        }
    }

    /// <summary>An empty list with the header row and one example row, for officers to fill.</summary>
    public static void WriteTemplate(Stream output)
    {
        using var workbook = ExcelSheet.NewWorkbook("แบบฟอร์มนำเข้าบัญชีผู้ใช้", "SmartCity.Portal");
        ExcelColumn<string[]>[] columns =
        [
            new("user_name", 18, r => r[0]), new("display_name", 28, r => r[1]), new("email", 28, r => r[2]),
            new("office_code", 12, r => r[3]), new("role", 24, r => r[4]),
        ];
        ExcelSheet.AddTable(workbook, "accounts", columns, [["somchai.j", "นายสมชาย ใจดี", "somchai@example.go.th", "8101", "District.Officer"]], CancellationToken.None);
        ExcelSheet.AddInfoSheet(workbook,
        [
            ("user_name", "ชื่อผู้ใช้ a–z 0–9 . _ - @ (3–64 ตัว) ไม่ซ้ำกับผู้อื่น"),
            ("display_name", "ชื่อ–นามสกุล ภาษาไทย"),
            ("email", "อีเมล (ไม่บังคับ) ใช้ส่งลิงก์ตั้งรหัสผ่าน"),
            ("office_code", "รหัสหน่วยงาน: จังหวัด 2 หลัก อำเภอ 4 หลัก หรือรหัส อปท."),
            ("role", "Municipality.Submitter, District.Officer, Province.Officer (เว้นว่าง = ตามประเภทหน่วยงาน)"),
            ("หนึ่งคนหลายหน่วยงาน", "ใส่หลายแถว ชื่อผู้ใช้เดียวกัน"),
        ]);
        workbook.SaveAs(output);
    }
}
