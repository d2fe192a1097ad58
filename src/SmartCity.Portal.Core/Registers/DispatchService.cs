using System.Globalization;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using SmartCity.Portal.Common;
using SmartCity.Portal.Data;
using SmartCity.Portal.Organisations;
using SmartCity.Portal.Security;
using SmartCity.Portal.Submissions;
using SmartCity.Portal.Submissions.Workflow;

namespace SmartCity.Portal.Registers;

/// <summary>
/// The province's dispatch to DLA (หนังสือนำส่ง): one letter, numbered from the office's send
/// register (ทะเบียนส่ง), carrying several reports that all move to DLA with it; and DLA's receipt
/// of the letter, numbered from DLA's own receive register. A letter is all-or-nothing: either every
/// report it lists goes, or nothing is written and no number is used.
/// </summary>
public sealed class DispatchService(
    IDbContextFactory<PortalDbContext> dbFactory, TimeProvider clock, SubmissionService submissions, SubmissionChangeNotifier notifier)
{
    private const string ProvinceOfficePrefix = "สำนักงานส่งเสริมการปกครองท้องถิ่นจังหวัด";
    private const string DistrictOfficePrefix = "สำนักงานส่งเสริมการปกครองท้องถิ่น";

    public async Task<string?> GetLetterCodePrefixAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        var actor = RequireProvince(user);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.OrgUnits.AsNoTracking().Where(o => o.Id == actor.OrgUnitId).Select(o => o.LetterCodePrefix).SingleAsync(cancellationToken);
    }

    /// <summary>Sets the caller's own office's letter code, stored with Thai digits as printed and without the slash before the number.</summary>
    public async Task<string> SetLetterCodePrefixAsync(ClaimsPrincipal user, string? prefix, CancellationToken cancellationToken = default)
    {
        var actor = RequireProvince(user);
        var normalised = NormalisePrefix(prefix);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var office = await db.OrgUnits.SingleAsync(o => o.Id == actor.OrgUnitId, cancellationToken);
        office.LetterCodePrefix = normalised;
        await db.SaveChangesAsync(cancellationToken);
        return normalised;
    }

    /// <summary>"กบ 0023.3/" → "กบ ๐๐๒๓.๓": trimmed, single spaces, Thai digits, no trailing slash.</summary>
    public static string NormalisePrefix(string? prefix)
    {
        var text = string.Join(' ', (prefix ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).TrimEnd('/').TrimEnd();
        if (text.Length == 0 || text.Length > DispatchMessages.MaxPrefixLength)
        {
            throw new PortalValidationException(DispatchMessages.PrefixInvalid);
        }

        return ThaiDigits.ToThai(text);
    }

    /// <summary>The reports held by the caller's office at the province for a campaign, each with what (if anything) keeps it from going now.</summary>
    public async Task<IReadOnlyList<DispatchCandidate>> CandidatesAsync(ClaimsPrincipal user, int campaignId, CancellationToken cancellationToken = default)
    {
        var actor = RequireProvince(user);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var held = await SubmissionService.Visible(db, actor)
            .Include(s => s.Campaign).Include(s => s.Municipality)
            .Where(s => s.CampaignId == campaignId && s.State == SubmissionState.AtProvince && s.HolderOrgUnitId == actor.OrgUnitId)
            .OrderBy(s => s.Municipality!.DistrictCode).ThenBy(s => s.Municipality!.Code)
            .ToListAsync(cancellationToken);
        var ids = held.Select(s => s.Id).ToList();
        var receiveNumbers = await PaperReceiveNumbersAsync(db, actor.OrgUnitId, ids, cancellationToken);
        var result = new List<DispatchCandidate>(held.Count);
        foreach (var s in held)
        {
            var (decision, _) = await submissions.DecideAsync(db, s, actor, WorkflowAction.Forward, null, byDispatch: true, cancellationToken);
            var m = s.Municipality!;
            result.Add(new DispatchCandidate(
                s.Id, new OrgRef(m.Id, m.Code, m.NameTh, m.NameEn), m.Class, m.DistrictCode, s.ReferenceNo,
                s.Campaign!.PaperCopyRequired, s.PaperCopyReceivedUtc is not null, receiveNumbers.GetValueOrDefault(s.Id),
                decision.Allowed ? null : decision.Message, s.ConcurrencyToken));
        }

        return result;
    }

    /// <summary>
    /// Sends the reports as one letter. Every report must be forwardable by the workflow, or nothing
    /// is written and the refusal lists each failing municipality with its reason. When the caller
    /// passes the concurrency tokens it read, a report changed since then makes the whole dispatch stale.
    /// </summary>
    public async Task<DispatchCreated> CreateAsync(
        ClaimsPrincipal user, int campaignId, IReadOnlyList<int> submissionIds, DateOnly letterDate,
        IReadOnlyDictionary<int, Guid>? concurrencyTokens = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(submissionIds);
        var actor = RequireProvince(user);
        var ids = submissionIds.Distinct().ToList();
        if (ids.Count == 0)
        {
            throw new PortalValidationException(DispatchMessages.NoItems);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        if (RegisterDates.Check(RegisterDateKind.DispatchLetter, letterDate, ThaiTime.BangkokDate(now)) is { } wrongDate)
        {
            throw new PortalValidationException(wrongDate);
        }

        string prefix;
        int dlaId;
        await using (var read = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            prefix = await read.OrgUnits.AsNoTracking().Where(o => o.Id == actor.OrgUnitId).Select(o => o.LetterCodePrefix).SingleAsync(cancellationToken) ?? "";
            if (!await read.Campaigns.AnyAsync(c => c.Id == campaignId, cancellationToken))
            {
                throw new PortalNotFoundException(WorkflowMessages.CampaignNotFound);
            }

            dlaId = await read.OrgUnits.Where(o => o.Code == OrgTreeSeeder.DivisionCode).Select(o => o.Id).SingleAsync(cancellationToken);
        }

        if (string.IsNullOrWhiteSpace(prefix))
        {
            throw new PortalValidationException(DispatchMessages.PrefixMissing);
        }

        var year = letterDate.Year + ThaiTime.BuddhistEraOffset;
        await RegisterNumbers.EnsureCounterAsync(dbFactory, actor.OrgUnitId, RegisterKind.Send, year, cancellationToken);

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // The number first: the counter's UPDATE is the transaction's first write, so concurrent
        // dispatches of the office queue here, and everything read below is read after the one before committed.
        var number = await RegisterNumbers.IssueAsync(db, actor.OrgUnitId, RegisterKind.Send, year, cancellationToken);
        var letterNo = ThaiDigits.LetterNo(prefix, number);
        var letterDay = DateTime.SpecifyKind(letterDate.ToDateTime(TimeOnly.MinValue), DateTimeKind.Utc);
        var comment = $"นำส่งกรมส่งเสริมการปกครองท้องถิ่นด้วยหนังสือที่ {letterNo} ลงวันที่ {ThaiDigits.ToThai(ThaiTime.FormatDate(letterDay))}";

        var loaded = await SubmissionService.Visible(db, actor)
            .Include(s => s.Campaign).Include(s => s.Municipality)
            .Where(s => ids.Contains(s.Id))
            .ToListAsync(cancellationToken);
        var byId = loaded.ToDictionary(s => s.Id);
        var problems = new List<PortalItemProblem>();
        var decisions = new List<(Submission Submission, SubmissionState To)>();
        foreach (var id in ids)
        {
            if (!byId.TryGetValue(id, out var s))
            {
                var (th, en) = DispatchMessages.UnknownSubmissionName(id);
                problems.Add(new PortalItemProblem(id, th, en, WorkflowMessages.SubmissionNotFound));
                continue;
            }

            if (concurrencyTokens is not null && concurrencyTokens.TryGetValue(id, out var token) && token != s.ConcurrencyToken)
            {
                throw new PortalStaleException(WorkflowMessages.Stale);
            }

            var m = s.Municipality!;
            if (s.CampaignId != campaignId)
            {
                problems.Add(new PortalItemProblem(id, m.NameTh, m.NameEn, DispatchMessages.NotInCampaign));
                continue;
            }

            var (decision, _) = await submissions.DecideAsync(db, s, actor, WorkflowAction.Forward, comment, byDispatch: true, cancellationToken);
            if (!decision.Allowed)
            {
                problems.Add(new PortalItemProblem(id, m.NameTh, m.NameEn, decision.Message!));
                continue;
            }

            decisions.Add((s, decision.To));
        }

        if (problems.Count > 0)
        {
            // Disposing the transaction rolls it back: the register number goes back with it.
            throw new PortalBatchValidationException(DispatchMessages.ItemsRefused(problems), problems);
        }

        var entry = new RegisterEntry
        {
            OrgUnitId = actor.OrgUnitId,
            Kind = RegisterKind.Send,
            Year = year,
            Number = number,
            Subject = string.Create(CultureInfo.InvariantCulture, $"นำส่งแบบรายงานผลข้อมูลการพัฒนาศักยภาพเมืองน่าอยู่อัจฉริยะ ฉบับจริง จำนวน {decisions.Count} แห่ง"),
            DocumentDate = letterDay,
            Note = letterNo,
            RecordedUtc = now,
            RecordedByUserName = actor.UserName,
        };
        db.RegisterEntries.Add(entry);
        await SaveOrStaleAsync(db, cancellationToken);

        var dispatch = new Dispatch
        {
            CampaignId = campaignId,
            FromOrgUnitId = actor.OrgUnitId,
            ToOrgUnitId = dlaId,
            SendEntryId = entry.Id,
            Year = year,
            Number = number,
            LetterNo = letterNo,
            LetterDate = letterDay,
            SentUtc = now,
            SentByUserName = actor.UserName,
        };
        foreach (var (s, to) in decisions)
        {
            dispatch.Items.Add(new DispatchItem { SubmissionId = s.Id });
            await SubmissionService.ApplyAsync(db, s, actor, WorkflowAction.Forward, to, comment, null, now, cancellationToken);
        }

        db.Dispatches.Add(dispatch);
        await SaveOrStaleAsync(db, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        foreach (var (s, _) in decisions)
        {
            notifier.Changed(s.Id);
        }

        return new DispatchCreated(dispatch.Id, letterNo, entry.DisplayNumber, decisions.Select(d => d.Submission.Id).ToList());
    }

    /// <summary>DLA records the letter's arrival under the next number of its own receive register.</summary>
    public async Task<DispatchSummary> RecordReceiptAsync(
        ClaimsPrincipal user, int dispatchId, DateOnly receivedOn, string? note, CancellationToken cancellationToken = default)
    {
        var actor = PortalActor.From(user);
        if (actor.Tier != Tier.Dla)
        {
            throw new PortalAccessDeniedException(DispatchMessages.OnlyDla);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        if (RegisterDates.Check(RegisterDateKind.DispatchReceived, receivedOn, ThaiTime.BangkokDate(now)) is { } wrongDate)
        {
            throw new PortalValidationException(wrongDate);
        }

        await using (var read = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            var existing = await read.Dispatches.AsNoTracking().Where(d => d.Id == dispatchId)
                .Select(d => new { d.LetterDate, d.ReceivedUtc }).SingleOrDefaultAsync(cancellationToken)
                ?? throw new PortalNotFoundException(DispatchMessages.NotFound);
            if (existing.ReceivedUtc is not null)
            {
                throw new PortalConflictException(DispatchMessages.AlreadyReceived);
            }

            if (receivedOn < DateOnly.FromDateTime(existing.LetterDate))
            {
                throw new PortalValidationException(DispatchMessages.ReceivedBeforeLetter);
            }
        }

        var year = receivedOn.Year + ThaiTime.BuddhistEraOffset;
        await RegisterNumbers.EnsureCounterAsync(dbFactory, actor.OrgUnitId, RegisterKind.Receive, year, cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var number = await RegisterNumbers.IssueAsync(db, actor.OrgUnitId, RegisterKind.Receive, year, cancellationToken);
        var dispatch = await db.Dispatches.Include(d => d.Items).SingleAsync(d => d.Id == dispatchId, cancellationToken);
        if (dispatch.ReceivedUtc is not null)
        {
            throw new PortalConflictException(DispatchMessages.AlreadyReceived);
        }

        var from = await db.OrgUnits.AsNoTracking().Where(o => o.Id == dispatch.FromOrgUnitId).Select(o => o.NameTh).SingleAsync(cancellationToken);
        var entry = new RegisterEntry
        {
            OrgUnitId = actor.OrgUnitId,
            Kind = RegisterKind.Receive,
            Year = year,
            Number = number,
            Subject = string.Create(CultureInfo.InvariantCulture,
                $"{from} ที่ {dispatch.LetterNo} นำส่งแบบรายงานผลข้อมูลการพัฒนาศักยภาพเมืองน่าอยู่อัจฉริยะ ฉบับจริง จำนวน {dispatch.Items.Count} แห่ง"),
            DocumentDate = DateTime.SpecifyKind(receivedOn.ToDateTime(TimeOnly.MinValue), DateTimeKind.Utc),
            Note = string.IsNullOrWhiteSpace(note) ? null : note.Trim(),
            RecordedUtc = now,
            RecordedByUserName = actor.UserName,
        };
        db.RegisterEntries.Add(entry);
        await db.SaveChangesAsync(cancellationToken);
        dispatch.ReceiveEntryId = entry.Id;
        dispatch.ReceiveNo = entry.DisplayNumber;
        dispatch.ReceivedDate = entry.DocumentDate;
        dispatch.ReceivedUtc = now;
        dispatch.ReceivedByUserName = actor.UserName;

        // Each report's own history says that its paper copy reached DLA, and under which number:
        // the question officers ask on the phone is about one report, not about a letter.
        var ids = dispatch.Items.Select(i => i.SubmissionId).ToList();
        var reports = await db.Submissions.Where(x => ids.Contains(x.Id)).ToListAsync(cancellationToken);
        foreach (var report in reports)
        {
            report.UpdatedUtc = now;
            db.WorkflowEvents.Add(SubmissionService.NewEvent(
                report, actor, "dla-receipt", report.State, report.State,
                string.Create(CultureInfo.InvariantCulture, $"กรมรับหนังสือ ที่ {dispatch.LetterNo} เลขรับ {entry.DisplayNumber}"), now));
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Another officer recorded it in between (possible on a database with row locks only).
            throw new PortalConflictException(DispatchMessages.AlreadyReceived);
        }

        await transaction.CommitAsync(cancellationToken);
        foreach (var report in reports)
        {
            notifier.Changed(report.Id);
        }

        return (await SummariesAsync(db, db.Dispatches.Where(d => d.Id == dispatchId), cancellationToken)).Single();
    }

    /// <summary>The province's own dispatches; DLA's view of all. Outstanding first, then the newest.</summary>
    public async Task<IReadOnlyList<DispatchSummary>> ListAsync(ClaimsPrincipal user, DispatchFilter filter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var actor = RequireReader(user);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var q = Readable(db, actor);
        if (filter.CampaignId is { } campaignId)
        {
            q = q.Where(d => d.CampaignId == campaignId);
        }

        q = filter.Status switch
        {
            DispatchStatus.Outstanding => q.Where(d => d.ReceivedUtc == null),
            DispatchStatus.Received => q.Where(d => d.ReceivedUtc != null),
            _ => q,
        };
        if (!string.IsNullOrWhiteSpace(filter.ProvinceCode))
        {
            var code = filter.ProvinceCode.Trim();
            q = q.Where(d => db.OrgUnits.Any(o => o.Id == d.FromOrgUnitId && o.ProvinceCode == code));
        }

        return await SummariesAsync(db, q, cancellationToken);
    }

    public async Task<DispatchDetail> GetAsync(ClaimsPrincipal user, int dispatchId, CancellationToken cancellationToken = default)
    {
        var actor = RequireReader(user);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var summary = (await SummariesAsync(db, Readable(db, actor).Where(d => d.Id == dispatchId), cancellationToken)).SingleOrDefault()
            ?? throw new PortalNotFoundException(DispatchMessages.NotFound);
        var dispatch = await db.Dispatches.AsNoTracking().SingleAsync(d => d.Id == dispatchId, cancellationToken);
        var campaign = await db.Campaigns.AsNoTracking().SingleAsync(c => c.Id == dispatch.CampaignId, cancellationToken);
        var to = await db.OrgUnits.AsNoTracking().Where(o => o.Id == dispatch.ToOrgUnitId).Select(o => o.NameTh).SingleAsync(cancellationToken);
        var subject = await db.RegisterEntries.AsNoTracking().Where(e => e.Id == dispatch.SendEntryId).Select(e => e.Subject).SingleAsync(cancellationToken);
        var receiveNote = dispatch.ReceiveEntryId is { } r
            ? await db.RegisterEntries.AsNoTracking().Where(e => e.Id == r).Select(e => e.Note).SingleAsync(cancellationToken)
            : null;
        var items = await (
                from i in db.DispatchItems.AsNoTracking()
                where i.DispatchId == dispatchId
                join s in db.Submissions on i.SubmissionId equals s.Id
                join m in db.OrgUnits on s.MunicipalityId equals m.Id
                join d in db.OrgUnits.Where(o => o.Kind == OrgUnitKind.DistrictOffice) on m.DistrictCode equals d.Code into districts
                from d in districts.DefaultIfEmpty()
                orderby m.DistrictCode, m.Code
                select new { s.Id, m, DistrictTh = d == null ? null : d.NameTh, DistrictEn = d == null ? null : d.NameEn, s.ReferenceNo })
            .ToListAsync(cancellationToken);
        var receiveNumbers = await PaperReceiveNumbersAsync(db, dispatch.FromOrgUnitId, items.Select(i => i.Id).ToList(), cancellationToken);
        var views = items.Select(i => new DispatchItemView(
                i.Id, new OrgRef(i.m.Id, i.m.Code, i.m.NameTh, i.m.NameEn),
                i.DistrictTh is null ? null : StripPrefix(i.DistrictTh, DistrictOfficePrefix), i.DistrictEn, i.ReferenceNo, receiveNumbers.GetValueOrDefault(i.Id)))
            .ToList();
        return new DispatchDetail(
            summary, campaign.Title, campaign.LetterNo, campaign.LetterDateUtc, campaign.FiscalYear,
            StripPrefix(summary.From.NameTh, ProvinceOfficePrefix), to, subject, receiveNote, views);
    }

    private static PortalActor RequireProvince(ClaimsPrincipal user)
    {
        var actor = PortalActor.From(user);
        return actor.Tier == Tier.Province ? actor : throw new PortalAccessDeniedException(DispatchMessages.OnlyProvince);
    }

    private static PortalActor RequireReader(ClaimsPrincipal user)
    {
        var actor = PortalActor.From(user);
        return actor.Tier is Tier.Province or Tier.Dla or Tier.Admin ? actor : throw new PortalAccessDeniedException(DispatchMessages.NotYourTier);
    }

    /// <summary>A province reads the letters it sent; DLA (and the administrator) every letter.</summary>
    private static IQueryable<Dispatch> Readable(PortalDbContext db, PortalActor actor) =>
        actor.Tier == Tier.Province
            ? db.Dispatches.AsNoTracking().Where(d => d.FromOrgUnitId == actor.OrgUnitId)
            : db.Dispatches.AsNoTracking();

    private static async Task<IReadOnlyList<DispatchSummary>> SummariesAsync(PortalDbContext db, IQueryable<Dispatch> q, CancellationToken cancellationToken)
    {
        var rows = await (
                from d in q
                join o in db.OrgUnits on d.FromOrgUnitId equals o.Id
                orderby d.ReceivedUtc != null, d.SentUtc descending, d.Id descending
                select new
                {
                    d.Id, d.CampaignId, From = new OrgRef(o.Id, o.Code, o.NameTh, o.NameEn), o.ProvinceCode, d.LetterNo, d.Year, d.Number, d.LetterDate,
                    d.SentUtc, d.SentByUserName, Count = d.Items.Count, d.ReceiveNo, d.ReceivedDate, d.ReceivedUtc, d.ReceivedByUserName,
                })
            .ToListAsync(cancellationToken);
        return rows
            .Select(r => new DispatchSummary(
                r.Id, r.CampaignId, r.From, r.ProvinceCode, r.LetterNo, r.Year, r.Number, r.LetterDate, r.SentUtc, r.SentByUserName, r.Count,
                r.ReceiveNo, r.ReceivedDate, r.ReceivedUtc, r.ReceivedByUserName))
            .ToList();
    }

    /// <summary>The paper copy's receive number at the office (the live entry; a cancelled one was replaced or not).</summary>
    private static async Task<Dictionary<int, string>> PaperReceiveNumbersAsync(PortalDbContext db, int officeId, List<int> submissionIds, CancellationToken cancellationToken)
    {
        var entries = await db.RegisterEntries.AsNoTracking()
            .Where(e => e.OrgUnitId == officeId && e.Kind == RegisterKind.Receive && e.CancelledUtc == null && e.SubmissionId != null && submissionIds.Contains(e.SubmissionId.Value))
            .Select(e => new { SubmissionId = e.SubmissionId!.Value, e.Id, e.Number, e.Year })
            .ToListAsync(cancellationToken);
        return entries.GroupBy(e => e.SubmissionId)
            .ToDictionary(g => g.Key, g => g.OrderByDescending(e => e.Id).Select(e => RegisterEntry.FormatNumber(e.Number, e.Year)).First());
    }

    private static string StripPrefix(string name, string prefix) =>
        name.StartsWith(prefix, StringComparison.Ordinal) && name.Length > prefix.Length ? name[prefix.Length..] : name;

    private static async Task SaveOrStaleAsync(PortalDbContext db, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new PortalStaleException(WorkflowMessages.Stale);
        }
    }
}
