using System.Globalization;
using System.Security.Claims;
using ClosedXML.Excel;
using Microsoft.EntityFrameworkCore;
using SmartCity.Portal.Common;
using SmartCity.Portal.Dashboards;
using SmartCity.Portal.Data;
using SmartCity.Portal.Registers;
using SmartCity.Portal.Security;
using SmartCity.Portal.Submissions;
using SmartCity.Portal.Submissions.Workflow;

namespace SmartCity.Portal.Reports;

/// <summary>
/// The Excel exports: the tracker of the caller's jurisdiction, the province's receive register and
/// the dispatch list. Each reads and authorizes first (so 403/404 come at once, without queueing),
/// then builds the workbook inside <see cref="ExportGate"/> and writes it to the caller's stream.
/// </summary>
public sealed class ExportService(
    IDbContextFactory<PortalDbContext> dbFactory, TrackerService tracker, PaperCopyService paperCopies, ExportGate gate, StorageOptions storage, TimeProvider clock)
{
    private const string Province = "จังหวัด";
    private const string District = "อำเภอ";

    public async Task<ExportFile> WriteTrackerAsync(ClaimsPrincipal user, int campaignId, Stream output, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(output);
        var rows = await tracker.RowsAsync(user, campaignId, cancellationToken);
        var actor = PortalActor.From(user);
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var campaign = await db.Campaigns.AsNoTracking().Where(c => c.Id == campaignId).Select(c => new { c.FiscalYear, c.Title }).SingleAsync(cancellationToken);
        var office = await OfficeAsync(db, actor, cancellationToken);
        var ordered = rows
            .OrderBy(r => r.ProvinceCode, StringComparer.Ordinal)
            .ThenBy(r => r.DistrictCode, StringComparer.Ordinal)
            .ThenBy(r => r.MunicipalityCode, StringComparer.Ordinal)
            .ToList();

        var year = campaign.FiscalYear.ToString(CultureInfo.InvariantCulture);
        var file = ExportFile.Name($"ติดตามรายงาน-{year}", $"tracker-{year}", office.Code, office.NameTh, now, ordered.Count);
        await WriteAsync(output, workbook =>
        {
            ExcelSheet.AddTable(workbook, "ติดตามรายงาน", TrackerColumns, ordered, cancellationToken);
            ExcelSheet.AddInfoSheet(workbook, Info("รายงานติดตามการส่งแบบรายงานเมืองน่าอยู่อัจฉริยะ", office.NameTh, now, ordered.Count, actor,
                ("รอบการคัดเลือก", $"{campaign.Title} (ปีงบประมาณ {year})")));
        }, "ติดตามรายงาน " + year, cancellationToken);
        return file;
    }

    /// <summary>The caller's office's receive register of one Buddhist year, cancelled lines included (marked so).</summary>
    public async Task<ExportFile> WriteReceiveRegisterAsync(ClaimsPrincipal user, int beYear, Stream output, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(output);
        var entries = await paperCopies.ListAsync(user, beYear, cancellationToken);
        var actor = PortalActor.From(user);
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var office = await OfficeAsync(db, actor, cancellationToken);
        var year = beYear.ToString(CultureInfo.InvariantCulture);
        var file = ExportFile.Name($"ทะเบียนรับ-{year}", $"receive-register-{year}", office.Code, office.NameTh, now, entries.Count);
        await WriteAsync(output, workbook =>
        {
            ExcelSheet.AddTable(workbook, "ทะเบียนรับ " + year, RegisterColumns, entries, cancellationToken);
            ExcelSheet.AddInfoSheet(workbook, Info("ทะเบียนรับเอกสารฉบับจริง", office.NameTh, now, entries.Count, actor, ("ปี พ.ศ.", year)));
        }, "ทะเบียนรับ " + year, cancellationToken);
        return file;
    }

    /// <summary>
    /// One row per report sent to DLA in a cover letter: a province sees the letters of its own
    /// office, DLA and administrators all of them. <paramref name="campaignId"/> null means every round.
    /// </summary>
    public async Task<ExportFile> WriteDispatchListAsync(ClaimsPrincipal user, int? campaignId, Stream output, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(output);
        var actor = PortalActor.From(user);
        if (actor.Tier is not (Tier.Province or Tier.Dla or Tier.Admin))
        {
            throw new PortalAccessDeniedException(ExportMessages.DispatchesNotAllowed);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        string? campaignTitle = null;
        int? fiscalYear = null;
        if (campaignId is { } id)
        {
            var campaign = await db.Campaigns.AsNoTracking().Where(c => c.Id == id).Select(c => new { c.FiscalYear, c.Title }).SingleOrDefaultAsync(cancellationToken)
                ?? throw new PortalNotFoundException(WorkflowMessages.CampaignNotFound);
            campaignTitle = campaign.Title;
            fiscalYear = campaign.FiscalYear;
        }

        var ownOffice = actor.Tier == Tier.Province ? actor.OrgUnitId : (int?)null;
        var lines = await (
                from d in db.Dispatches.AsNoTracking()
                join i in db.DispatchItems.AsNoTracking() on d.Id equals i.DispatchId
                join s in db.Submissions.AsNoTracking() on i.SubmissionId equals s.Id
                join sender in db.OrgUnits.AsNoTracking() on d.FromOrgUnitId equals sender.Id
                where (campaignId == null || d.CampaignId == campaignId) && (ownOffice == null || d.FromOrgUnitId == ownOffice)
                orderby sender.Code, d.Year, d.Number, s.Municipality!.Code
                select new DispatchLine(
                    sender.NameTh, d.LetterNo, d.LetterDate, d.SentUtc, d.SentByUserName, d.ReceiveNo, d.ReceivedDate,
                    s.Municipality!.Code, s.Municipality.NameTh, s.Municipality.Class, s.ReferenceNo, s.State))
            .ToListAsync(cancellationToken);
        var office = await OfficeAsync(db, actor, cancellationToken);

        var year = fiscalYear?.ToString(CultureInfo.InvariantCulture) ?? "ทุกรอบ";
        var asciiYear = fiscalYear?.ToString(CultureInfo.InvariantCulture) ?? "all";
        var file = ExportFile.Name($"หนังสือนำส่ง-{year}", $"dispatches-{asciiYear}", office.Code, office.NameTh, now, lines.Count);
        await WriteAsync(output, workbook =>
        {
            ExcelSheet.AddTable(workbook, "หนังสือนำส่ง", DispatchColumns, lines, cancellationToken);
            ExcelSheet.AddInfoSheet(workbook, Info("รายการหนังสือนำส่งรายงานถึงกรม", office.NameTh, now, lines.Count, actor,
                ("รอบการคัดเลือก", campaignTitle is null ? "ทุกรอบ" : $"{campaignTitle} (ปีงบประมาณ {year})")));
        }, "หนังสือนำส่ง " + year, cancellationToken);
        return file;
    }

    private static readonly ExcelColumn<TrackerRow>[] TrackerColumns =
    [
        new("จังหวัด", 14, r => ExportFile.PlaceName(r.ProvinceNameTh, Province)),
        new("อำเภอ", 18, r => ExportFile.PlaceName(r.DistrictNameTh, District)),
        new("รหัส อปท.", 11, r => r.MunicipalityCode),
        new("เทศบาล", 34, r => r.MunicipalityNameTh),
        new("ประเภท", 9, r => r.Class is { } c ? SubmissionTexts.ClassShort(c).Th : null),
        new("สถานะ", 20, r => r.State is { } s ? SubmissionTexts.State(s).Th : SubmissionTexts.NotStarted.Th),
        new("ผู้ถือเรื่อง", 34, r => r.HolderNameTh),
        new("เลขที่อ้างอิง", 18, r => r.ReferenceNo),
        new("วันที่ส่ง", 17, r => Bangkok(r.SubmittedUtc), ExcelKind.DateTime),
        new("วันที่ส่งต่อ", 17, r => Bangkok(r.ForwardedUtc), ExcelKind.DateTime),
        new("วันที่รับฉบับจริง", 17, r => Bangkok(r.PaperCopyReceivedUtc), ExcelKind.DateTime),
        new("เลขรับฉบับจริง", 13, r => r.PaperReceiveNo),
        new("เลขที่หนังสือนำส่ง", 20, r => r.DispatchLetterNo),
        new("วันที่กรมรับ", 17, r => Bangkok(r.DlaReceivedUtc), ExcelKind.DateTime),
        new("กำหนดส่ง", 17, r => Bangkok(r.DeadlineUtc), ExcelKind.DateTime),
        new("ล่าช้า", 9, r => r.IsLate ? "ล่าช้า" : null),
        new("เหตุที่ล่าช้า", 24, r => LateText(r.LateReason)),
    ];

    private static readonly ExcelColumn<RegisterEntryView>[] RegisterColumns =
    [
        new("เลขรับ", 11, e => e.DisplayNumber),
        new("วันที่รับ", 14, e => CalendarDate(e.DocumentDate), ExcelKind.Date),
        new("เรื่อง", 60, e => e.Subject),
        new("หมายเหตุ", 24, e => e.Note),
        new("ผู้บันทึก", 16, e => e.RecordedByUserName),
        new("บันทึกเมื่อ", 17, e => Bangkok(e.RecordedUtc), ExcelKind.DateTime),
        new("สถานะ", 10, e => e.CancelledUtc is null ? "ใช้งาน" : "ยกเลิก"),
        new("เหตุผลที่ยกเลิก", 30, e => e.CancelReason),
        new("ผู้ยกเลิก", 16, e => e.CancelledByUserName),
        new("ยกเลิกเมื่อ", 17, e => Bangkok(e.CancelledUtc), ExcelKind.DateTime),
    ];

    private static readonly ExcelColumn<DispatchLine>[] DispatchColumns =
    [
        new("จังหวัด", 14, l => ExportFile.PlaceName(l.FromNameTh, Province)),
        new("เลขที่หนังสือ", 20, l => l.LetterNo),
        new("ลงวันที่", 14, l => CalendarDate(l.LetterDate), ExcelKind.Date),
        new("ส่งเมื่อ", 17, l => Bangkok(l.SentUtc), ExcelKind.DateTime),
        new("ผู้ส่ง", 16, l => l.SentBy),
        new("รหัส อปท.", 11, l => l.MunicipalityCode),
        new("เทศบาล", 34, l => l.MunicipalityNameTh),
        new("ประเภท", 9, l => l.Class is { } c ? SubmissionTexts.ClassShort(c).Th : null),
        new("เลขที่อ้างอิง", 18, l => l.ReferenceNo),
        new("สถานะปัจจุบัน", 20, l => SubmissionTexts.State(l.State).Th),
        new("เลขรับของกรม", 13, l => l.ReceiveNo),
        new("วันที่กรมรับ", 14, l => l.ReceivedDate is { } d ? CalendarDate(d) : null, ExcelKind.Date),
    ];

    private sealed record DispatchLine(
        string FromNameTh, string LetterNo, DateTime LetterDate, DateTime SentUtc, string SentBy, string? ReceiveNo, DateTime? ReceivedDate,
        string MunicipalityCode, string MunicipalityNameTh, Organisations.MunicipalityClass? Class, string? ReferenceNo, SubmissionState State);

    private sealed record Office(string Code, string NameTh);

    /// <summary>
    /// Builds inside the gate and writes straight into a seekable output. Anything else (a response
    /// body) gets a temp file first: ClosedXML would otherwise copy the whole package through a
    /// MemoryStream of its own. The copy out runs after the slot is given back, so a slow download
    /// does not hold up the next export.
    /// </summary>
    private async Task WriteAsync(Stream output, Action<XLWorkbook> build, string title, CancellationToken cancellationToken)
    {
        var direct = output.CanSeek && output.CanRead && output.CanWrite;
        var spool = direct ? null : ExportSpool.Create(storage.DataDirectory);
        try
        {
            using (await gate.EnterAsync(cancellationToken))
            {
                using var workbook = ExcelSheet.NewWorkbook(title, "SmartCity.Portal");
                workbook.Properties.Created = ThaiTime.ToBangkok(clock.GetUtcNow().UtcDateTime);
                build(workbook);
                cancellationToken.ThrowIfCancellationRequested();
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
    }

    private static IEnumerable<(string, string)> Info(string title, string officeNameTh, DateTime nowUtc, int rows, PortalActor actor, params (string, string)[] more)
    {
        yield return ("รายงาน", title);
        yield return ("หน่วยงาน", officeNameTh);
        foreach (var line in more)
        {
            yield return line;
        }

        yield return ("จำนวนแถว", rows.ToString("N0", CultureInfo.InvariantCulture));
        yield return ("จัดทำเมื่อ", ThaiTime.FormatDateTime(nowUtc));
        yield return ("ผู้จัดทำ", actor.DisplayName);
        yield return ("ที่มา", "ระบบติดตามการคัดเลือกเมืองน่าอยู่อัจฉริยะ (SmartCity.Portal)");
    }

    private static async Task<Office> OfficeAsync(PortalDbContext db, PortalActor actor, CancellationToken cancellationToken) =>
        await db.OrgUnits.AsNoTracking().Where(o => o.Id == actor.OrgUnitId).Select(o => new Office(o.Code, o.NameTh)).SingleAsync(cancellationToken);

    /// <summary>Excel has no time zones: the cell holds the Bangkok wall-clock time officers read.</summary>
    private static DateTime? Bangkok(DateTime? utc) => utc is { } value ? ThaiTime.ToBangkok(value) : null;

    /// <summary>Register and letter dates are stored as midnight UTC of the Bangkok date: the date itself, no shift.</summary>
    private static DateTime CalendarDate(DateTime stored) => DateTime.SpecifyKind(stored.Date, DateTimeKind.Unspecified);

    private static string? LateText(LateReason reason) => reason switch
    {
        LateReason.NotSubmitted => "ยังไม่ส่งภายในกำหนด",
        LateReason.Lapsed => "พ้นกำหนดเวลา",
        LateReason.NotAtDla => "ยังไม่ถึงกรมภายในกำหนด",
        _ => null,
    };
}
