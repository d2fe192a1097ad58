using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using SmartCity.Portal.Common;
using SmartCity.Portal.Data;
using SmartCity.Portal.Security;
using SmartCity.Portal.Submissions;
using SmartCity.Portal.Submissions.Workflow;

namespace SmartCity.Portal.Registers;

/// <summary>
/// The provincial office's receive register (ทะเบียนรับ) for paper copies: recording issues the
/// next number of the office's register for the Buddhist year of the date received, in the same
/// transaction that marks the submission's paper copy as received and appends its audit event.
/// </summary>
public sealed class PaperCopyService(IDbContextFactory<PortalDbContext> dbFactory, TimeProvider clock, SubmissionChangeNotifier notifier)
{
    public async Task<PaperCopyReceipt> RecordAsync(
        ClaimsPrincipal user, int submissionId, DateOnly receivedOn, string? note, Guid? concurrencyToken = null, CancellationToken cancellationToken = default)
    {
        var actor = PortalActor.From(user);
        // The role first (as CancelAsync and ListAsync do): a district or municipality is told it may
        // not record paper copies at all, whether or not the report lies in its jurisdiction.
        if (actor.Tier != Tier.Province)
        {
            throw new PortalAccessDeniedException(RegisterMessages.OnlyProvince);
        }

        var submission = await LoadVisibleAsync(actor, submissionId, cancellationToken);

        var now = clock.GetUtcNow().UtcDateTime;
        if (RegisterDates.Check(RegisterDateKind.PaperCopyReceived, receivedOn, ThaiTime.BangkokDate(now)) is { } wrongDate)
        {
            throw new PortalValidationException(wrongDate);
        }

        var year = receivedOn.Year + ThaiTime.BuddhistEraOffset;
        await RegisterNumbers.EnsureCounterAsync(dbFactory, actor.OrgUnitId, RegisterKind.Receive, year, cancellationToken);

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var number = await RegisterNumbers.IssueAsync(db, actor.OrgUnitId, RegisterKind.Receive, year, cancellationToken);

        // Read again inside the transaction: the checks must hold for the row we are about to change.
        var s = await db.Submissions.Include(x => x.Municipality).SingleAsync(x => x.Id == submission, cancellationToken);
        if (concurrencyToken is { } token && token != s.ConcurrencyToken)
        {
            throw new PortalStaleException(WorkflowMessages.Stale);
        }

        if (s.State is not (SubmissionState.AtDistrict or SubmissionState.AtProvince))
        {
            throw new PortalConflictException(RegisterMessages.NotInTransit);
        }

        if (s.PaperCopyReceivedUtc is not null)
        {
            throw new PortalConflictException(RegisterMessages.AlreadyRecorded);
        }

        var entry = new RegisterEntry
        {
            OrgUnitId = actor.OrgUnitId,
            Kind = RegisterKind.Receive,
            Year = year,
            Number = number,
            Subject = $"แบบรายงานผลข้อมูลการพัฒนาศักยภาพเมืองน่าอยู่อัจฉริยะ ฉบับจริง — {s.Municipality!.NameTh} ({s.ReferenceNo})",
            SubmissionId = s.Id,
            DocumentDate = DateTime.SpecifyKind(receivedOn.ToDateTime(TimeOnly.MinValue), DateTimeKind.Utc),
            Note = string.IsNullOrWhiteSpace(note) ? null : note.Trim(),
            RecordedUtc = now,
            RecordedByUserName = actor.UserName,
        };
        db.RegisterEntries.Add(entry);
        s.PaperCopyReceivedUtc = now;
        s.UpdatedUtc = now;
        db.WorkflowEvents.Add(SubmissionService.NewEvent(s, actor, "paper-copy", s.State, s.State, $"เลขรับ {entry.DisplayNumber}", now));
        await SaveOrStaleAsync(db, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        notifier.Changed(s.Id);
        return new PaperCopyReceipt(entry.Id, entry.DisplayNumber, s.Id, s.ConcurrencyToken);
    }

    /// <summary>A mistaken entry is cancelled, never deleted: it stays in the register and its number is not issued again.</summary>
    public async Task<RegisterEntryView> CancelAsync(ClaimsPrincipal user, long entryId, string reason, CancellationToken cancellationToken = default)
    {
        var actor = PortalActor.From(user);
        if (actor.Tier != Tier.Province)
        {
            throw new PortalAccessDeniedException(RegisterMessages.OnlyProvince);
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new PortalValidationException(RegisterMessages.ReasonRequired);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var entry = await db.RegisterEntries.SingleOrDefaultAsync(e => e.Id == entryId && e.OrgUnitId == actor.OrgUnitId, cancellationToken)
            ?? throw new PortalNotFoundException(RegisterMessages.EntryNotFound);
        if (entry.CancelledUtc is not null)
        {
            throw new PortalConflictException(RegisterMessages.AlreadyCancelled);
        }

        entry.CancelledUtc = now;
        entry.CancelReason = reason.Trim();
        entry.CancelledByUserName = actor.UserName;
        if (entry.SubmissionId is { } submissionId)
        {
            var s = await db.Submissions.SingleAsync(x => x.Id == submissionId, cancellationToken);
            if (s.State is not (SubmissionState.AtDistrict or SubmissionState.AtProvince or SubmissionState.Returned))
            {
                throw new PortalConflictException(RegisterMessages.AlreadyForwarded);
            }

            s.PaperCopyReceivedUtc = null;
            s.UpdatedUtc = now;
            db.WorkflowEvents.Add(SubmissionService.NewEvent(s, actor, "paper-copy-cancel", s.State, s.State, $"ยกเลิกเลขรับ {entry.DisplayNumber}: {entry.CancelReason}", now));
        }

        await SaveOrStaleAsync(db, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        if (entry.SubmissionId is { } changed)
        {
            notifier.Changed(changed);
        }

        return View(entry);
    }

    /// <summary>The caller's office's receive register for one Buddhist year, in number order (cancelled lines included).</summary>
    public async Task<IReadOnlyList<RegisterEntryView>> ListAsync(ClaimsPrincipal user, int year, CancellationToken cancellationToken = default)
    {
        var actor = PortalActor.From(user);
        if (actor.Tier != Tier.Province)
        {
            throw new PortalAccessDeniedException(RegisterMessages.OnlyProvince);
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var entries = await db.RegisterEntries.AsNoTracking()
            .Where(e => e.OrgUnitId == actor.OrgUnitId && e.Kind == RegisterKind.Receive && e.Year == year)
            .OrderBy(e => e.Number)
            .ToListAsync(cancellationToken);
        return entries.Select(View).ToList();
    }

    private async Task<int> LoadVisibleAsync(PortalActor actor, int submissionId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await SubmissionService.Visible(db, actor).AsNoTracking()
            .Where(s => s.Id == submissionId)
            .Select(s => (int?)s.Id)
            .SingleOrDefaultAsync(cancellationToken)
            ?? throw new PortalNotFoundException(WorkflowMessages.SubmissionNotFound);
    }

    /// <summary>
    /// The submission row is saved under the token read inside the transaction. SQLite's write lock
    /// makes a concurrent change impossible in between; on a database with row locks another writer
    /// may slip in, and the caller then gets "someone else changed this" rather than a raw error.
    /// </summary>
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

    private static RegisterEntryView View(RegisterEntry e) => new(
        e.Id, e.Kind, e.Year, e.Number, e.DisplayNumber, e.Subject, e.SubmissionId, e.DocumentDate, e.Note, e.RecordedUtc, e.RecordedByUserName,
        e.CancelledUtc, e.CancelReason, e.CancelledByUserName);
}
