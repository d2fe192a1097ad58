using System.Globalization;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using SmartCity.Portal.Accounts;
using SmartCity.Portal.Common;
using SmartCity.Portal.Data;
using SmartCity.Portal.Reports;
using SmartCity.Portal.Security;

namespace SmartCity.Portal.Audit;

/// <summary>Filters of the administrative audit: Bangkok dates (inclusive), a user name (actor or target), an action.</summary>
public sealed record AdminAuditQuery(DateOnly? From = null, DateOnly? To = null, string? UserName = null, string? Action = null, int Page = 1, int PageSize = 100);

public sealed record AdminEventView(
    long Id, DateTime OccurredUtc, string ActorUserName, string Action, string? TargetUserName, string? OfficeCode,
    IReadOnlyList<KeyValuePair<string, string>> Before, IReadOnlyList<KeyValuePair<string, string>> After, string? Note);

public sealed record AdminEventPage(IReadOnlyList<AdminEventView> Items, int Total, int Page, int PageSize);

/// <summary>
/// The record of administrative changes, for administrators: DLA's see everything, a provincial
/// administrator the events within its province (<see cref="AdminEvent.ScopePath"/>). Newest first.
/// </summary>
public sealed class AdminAuditService(IDbContextFactory<PortalDbContext> dbFactory, ExportGate gate, StorageOptions storage, TimeProvider clock)
{
    public const int MaxExportRows = 100_000;

    public async Task<AdminEventPage> ListAsync(ClaimsPrincipal user, AdminAuditQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var actor = AccountAdminService.RequireAdministrator(user);
        var page = Math.Max(1, query.Page);
        var pageSize = Math.Clamp(query.PageSize, 1, 500);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var q = Filter(db, actor, query);
        var total = await q.CountAsync(cancellationToken);
        var rows = await q.OrderByDescending(e => e.Id).Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(cancellationToken);
        return new AdminEventPage(rows.Select(View).ToList(), total, page, pageSize);
    }

    /// <summary>The filtered events as an .xlsx written to <paramref name="output"/> (through the export gate, like every workbook).</summary>
    public async Task<ExportFile> WriteExcelAsync(ClaimsPrincipal user, AdminAuditQuery query, Stream output, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(output);
        var actor = AccountAdminService.RequireAdministrator(user);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = (await Filter(db, actor, query).OrderByDescending(e => e.Id).Take(MaxExportRows).ToListAsync(cancellationToken)).Select(View).ToList();
        var office = await db.OrgUnits.AsNoTracking().Where(o => o.Id == actor.OrgUnitId).Select(o => new { o.Code, o.NameTh }).SingleAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var file = ExportFile.Name("บันทึกการดูแลระบบ", "admin-audit", office.Code, office.NameTh, now, rows.Count);
        var direct = output.CanSeek && output.CanRead && output.CanWrite;
        var spool = direct ? null : ExportSpool.Create(storage.DataDirectory);
        try
        {
            using (await gate.EnterAsync(cancellationToken))
            {
                using var workbook = ExcelSheet.NewWorkbook("บันทึกการดูแลระบบ", "SmartCity.Portal");
                ExcelSheet.AddTable(workbook, "บันทึกการดูแลระบบ", Columns, rows, cancellationToken);
                ExcelSheet.AddInfoSheet(workbook,
                [
                    ("รายงาน", "บันทึกการเปลี่ยนแปลงบัญชีผู้ใช้และสิทธิ์ (ผู้ใด เมื่อใด ก่อน → หลัง)"),
                    ("หน่วยงาน", office.NameTh),
                    ("ช่วงวันที่", $"{(query.From is { } f ? ThaiTime.FormatDate(f) : "ตั้งแต่แรก")} – {(query.To is { } t ? ThaiTime.FormatDate(t) : "ปัจจุบัน")}"),
                    ("ชื่อผู้ใช้", query.UserName ?? "ทั้งหมด"),
                    ("จำนวนแถว", rows.Count.ToString("N0", CultureInfo.InvariantCulture)),
                    ("จัดทำเมื่อ", ThaiTime.FormatDateTime(now)),
                    ("ผู้จัดทำ", actor.DisplayName),
                ]);
                workbook.SaveAs(spool ?? output);
            }

            if (spool is not null)
            {
                spool.Position = 0;
                await spool.CopyToAsync(output, cancellationToken);
            }
        }
        finally
        {
            if (spool is not null)
            {
                await spool.DisposeAsync();
            }
        }

        return file;
    }

    /// <summary>Thai names of the actions, for the page and the workbook.</summary>
    public static PortalMessage ActionText(string action) => action switch
    {
        AdminActions.Bootstrap => new(action, "สร้างผู้ดูแลระบบเริ่มต้น", "Bootstrap administrator"),
        AdminActions.AccountCreate => new(action, "สร้างบัญชี", "Account created"),
        AdminActions.AccountUpdate => new(action, "แก้ไขบัญชี", "Account changed"),
        AdminActions.AccountDisable => new(action, "ระงับบัญชี", "Account disabled"),
        AdminActions.AccountEnable => new(action, "เปิดใช้บัญชี", "Account enabled"),
        AdminActions.MembershipAdd => new(action, "เพิ่มการสังกัด", "Membership given"),
        AdminActions.MembershipChange => new(action, "เปลี่ยนบทบาท", "Role changed"),
        AdminActions.MembershipEnd => new(action, "สิ้นสุดการสังกัด", "Membership ended"),
        AdminActions.PasswordLink => new(action, "ออกลิงก์ตั้งรหัสผ่าน", "Set-password link issued"),
        AdminActions.PasswordSet => new(action, "ตั้งรหัสผ่านจากลิงก์", "Password set from a link"),
        AdminActions.PasswordChange => new(action, "เปลี่ยนรหัสผ่านเอง", "Password changed"),
        AdminActions.PasswordResetRequest => new(action, "ขอรีเซ็ตรหัสผ่าน (ส่งอีเมล)", "Password reset e-mailed"),
        AdminActions.UserImport => new(action, "นำเข้าบัญชีจากไฟล์", "Accounts imported"),
        _ => new(action, action, action),
    };

    private static IQueryable<AdminEvent> Filter(PortalDbContext db, PortalActor actor, AdminAuditQuery query)
    {
        var scope = AccountAdminService.ScopeOf(actor);
        var q = db.AdminEvents.AsNoTracking();
        if (scope != "/")
        {
            q = q.Where(e => e.ScopePath.StartsWith(scope));
        }

        if (query.From is { } from)
        {
            var start = ThaiTime.FromBangkok(from.ToDateTime(TimeOnly.MinValue));
            q = q.Where(e => e.OccurredUtc >= start);
        }

        if (query.To is { } to)
        {
            var end = ThaiTime.FromBangkok(to.AddDays(1).ToDateTime(TimeOnly.MinValue));
            q = q.Where(e => e.OccurredUtc < end);
        }

        var name = (query.UserName ?? "").Trim().ToLowerInvariant();
        if (name.Length > 0)
        {
            q = q.Where(e => e.ActorUserName == name || e.TargetUserName == name);
        }

        if (!string.IsNullOrWhiteSpace(query.Action))
        {
            q = q.Where(e => e.Action == query.Action);
        }

        return q;
    }

    private static AdminEventView View(AdminEvent e) => new(
        e.Id, DateTime.SpecifyKind(e.OccurredUtc, DateTimeKind.Utc), e.ActorUserName, e.Action, e.TargetUserName, e.OfficeCode,
        AdminEvents.Fields(e.Before), AdminEvents.Fields(e.After), e.Note);

    private static string Pairs(IReadOnlyList<KeyValuePair<string, string>> fields) => string.Join("; ", fields.Select(f => $"{f.Key}: {f.Value}"));

    private static readonly ExcelColumn<AdminEventView>[] Columns =
    [
        new("เวลา", 17, e => ThaiTime.ToBangkok(e.OccurredUtc), ExcelKind.DateTime),
        new("ผู้ดำเนินการ", 18, e => e.ActorUserName),
        new("การดำเนินการ", 22, e => ActionText(e.Action).Th),
        new("บัญชีที่เกี่ยวข้อง", 18, e => e.TargetUserName),
        new("หน่วยงาน", 10, e => e.OfficeCode),
        new("ก่อน", 45, e => Pairs(e.Before)),
        new("หลัง", 45, e => Pairs(e.After)),
        new("หมายเหตุ", 30, e => e.Note),
    ];
}
