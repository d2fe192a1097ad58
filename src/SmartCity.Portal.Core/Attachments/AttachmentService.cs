using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SmartCity.Portal.Common;
using SmartCity.Portal.Data;
using SmartCity.Portal.Forms;
using SmartCity.Portal.Security;
using SmartCity.Portal.Submissions;
using SmartCity.Portal.Submissions.Workflow;

namespace SmartCity.Portal.Attachments;

public sealed record AttachmentInfo(
    int Id, int SubmissionId, string FieldPath, string Name, FileKind Kind, string ContentType, long Length, string Sha256, DateTime UploadedUtc, string UploadedByUserName);

/// <summary>An open attachment for download; the caller disposes <see cref="Content"/>.</summary>
public sealed record AttachmentContent(Stream Content, FileKind Kind, string ContentType, string Name, long Length);

/// <summary>
/// Evidence files of a submission, kept under <c>&lt;DataDirectory&gt;/attachments</c> (outside the
/// web root) with server-made names. Every call is checked by role and jurisdiction, like the
/// submission itself: whoever may see the report may download its files.
/// </summary>
public sealed class AttachmentService(
    IDbContextFactory<PortalDbContext> dbFactory, StorageOptions storage, IOptions<AttachmentOptions> options, TimeProvider clock)
{
    private static readonly SemaphoreSlim FinalStepLock = new(1, 1);

    private FileStore Store => new(Path.Combine(storage.DataDirectory, "attachments"));

    public async Task<AttachmentInfo> UploadAsync(
        ClaimsPrincipal user, int submissionId, string fieldPath, string? originalName, Stream content, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        var actor = PortalActor.From(user);
        var limits = options.Value;
        FormQuestion? question;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            var formVersionId = await RequireEditableAsync(db, actor, submissionId, cancellationToken);
            // Before a byte is read: a wrong question should not cost the user the whole transfer.
            question = await FileQuestionAsync(db, formVersionId, fieldPath, cancellationToken);
        }

        var store = Store;
        var tempPath = store.NewTempPath();
        try
        {
            var (length, sha256, sniffed) = await FileStore.ReceiveAsync(content, tempPath, limits.MaxFileBytes, cancellationToken);
            var kind = sniffed ?? throw new PortalValidationException(AttachmentMessages.NotAllowedType);

            if (question is not null && !question.EffectiveAcceptedKinds.Contains(kind))
            {
                throw new PortalValidationException(AttachmentMessages.KindNotAccepted(question.EffectiveAcceptedKinds));
            }

            var storedName = Guid.NewGuid().ToString("N") + FileSniffer.Extension(kind);
            var displayName = FileNames.Sanitise(originalName) ?? "ไฟล์แนบ" + FileSniffer.Extension(kind);
            var finalPath = store.PathOf(submissionId, storedName);

            // Check-then-insert of the totals must not interleave: two files arriving together could each
            // see room for itself and both land past the report's limit. The file is already on disk, so
            // this section is milliseconds; one portal process holds the lock (see decision 0013).
            await FinalStepLock.WaitAsync(cancellationToken);
            try
            {
                await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
                // Checked again: the report may have been submitted while the file was arriving.
                await RequireEditableAsync(db, actor, submissionId, cancellationToken);
                var used = await db.Attachments.Where(a => a.SubmissionId == submissionId && a.DeletedUtc == null).SumAsync(a => (long?)a.Length, cancellationToken) ?? 0;
                if (used + length > limits.MaxSubmissionBytes)
                {
                    throw new AttachmentTooLargeException(AttachmentMessages.SubmissionTotalTooLarge(limits.MaxSubmissionBytes));
                }

                if (question is not null
                    && await db.Attachments.CountAsync(a => a.SubmissionId == submissionId && a.FieldPath == fieldPath && a.DeletedUtc == null, cancellationToken) >= question.EffectiveMaxFiles)
                {
                    throw new PortalValidationException(AttachmentMessages.TooManyFiles(question.EffectiveMaxFiles));
                }

                var row = new Attachment
                {
                    SubmissionId = submissionId,
                    FieldPath = fieldPath,
                    OriginalFileName = displayName,
                    StoredFileName = storedName,
                    Kind = kind,
                    ContentType = FileSniffer.ContentType(kind),
                    Length = length,
                    Sha256 = sha256,
                    UploadedUtc = clock.GetUtcNow().UtcDateTime,
                    UploadedByUserName = actor.UserName,
                };
                db.Attachments.Add(row);
                await FileStore.MoveInAsync(tempPath, finalPath, () => db.SaveChangesAsync(cancellationToken));
                return Info(row);
            }
            finally
            {
                FinalStepLock.Release();
            }
        }
        finally
        {
            // Gone already when the move succeeded; on every refusal this is what keeps tmp/ empty.
            File.Delete(tempPath);
        }
    }

    public async Task<IReadOnlyList<AttachmentInfo>> ListAsync(ClaimsPrincipal user, int submissionId, CancellationToken cancellationToken = default)
    {
        var actor = PortalActor.From(user);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (!await SubmissionService.Visible(db, actor).AnyAsync(s => s.Id == submissionId, cancellationToken))
        {
            throw new PortalNotFoundException(WorkflowMessages.SubmissionNotFound);
        }

        var rows = await db.Attachments.AsNoTracking()
            .Where(a => a.SubmissionId == submissionId && a.DeletedUtc == null)
            .OrderBy(a => a.FieldPath).ThenBy(a => a.Id)
            .ToListAsync(cancellationToken);
        return rows.Select(Info).ToList();
    }

    public async Task<AttachmentContent> OpenAsync(ClaimsPrincipal user, int attachmentId, CancellationToken cancellationToken = default)
    {
        var actor = PortalActor.From(user);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var row = await VisibleAttachmentAsync(db, actor, attachmentId, cancellationToken);
        var stream = FileStore.OpenRead(PathOf(row), AttachmentMessages.NotFound);
        return new AttachmentContent(stream, row.Kind, row.ContentType, row.OriginalFileName, row.Length);
    }

    public async Task DeleteAsync(ClaimsPrincipal user, int attachmentId, CancellationToken cancellationToken = default)
    {
        var actor = PortalActor.From(user);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var row = await VisibleAttachmentAsync(db, actor, attachmentId, cancellationToken);
        await RequireEditableAsync(db, actor, row.SubmissionId, cancellationToken);
        row.DeletedUtc = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
        File.Delete(PathOf(row));
    }

    private static async Task<Attachment> VisibleAttachmentAsync(PortalDbContext db, PortalActor actor, int attachmentId, CancellationToken cancellationToken)
    {
        var row = await db.Attachments.SingleOrDefaultAsync(a => a.Id == attachmentId && a.DeletedUtc == null, cancellationToken);
        // Out of jurisdiction and nonexistent are answered alike, so ids tell a stranger nothing.
        if (row is null || !await SubmissionService.Visible(db, actor).AnyAsync(s => s.Id == row.SubmissionId, cancellationToken))
        {
            throw new PortalNotFoundException(AttachmentMessages.NotFound);
        }

        return row;
    }

    /// <summary>
    /// The file question the path names in the report's form version; null when the report has no
    /// form version (then only the path's shape is checked).
    /// </summary>
    private static async Task<FormQuestion?> FileQuestionAsync(PortalDbContext db, int? formVersionId, string fieldPath, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(fieldPath) || fieldPath.Length > Attachment.FieldPathMaxLength || !FieldPath.TryParse(fieldPath, out var path))
        {
            throw new PortalValidationException(AttachmentMessages.InvalidField);
        }

        if (formVersionId is not { } versionId)
        {
            return null;
        }

        var json = await db.FormDefinitionVersions.AsNoTracking().Where(f => f.Id == versionId).Select(f => f.Json).SingleAsync(cancellationToken);
        var item = FormJson.Deserialize(json).Sections.FirstOrDefault(x => x.Id == path.Section)?.Items.FirstOrDefault(x => x.Id == path.Item);
        var question = item switch
        {
            FormQuestion q when path.Index is null && path.Question is null => q,
            FormGroup g when path.Index is { } i && i < g.MaxItems && path.Question is not null => g.Questions.FirstOrDefault(q => q.Id == path.Question),
            _ => null,
        };
        return question is { Type: FormQuestionType.File } ? question : throw new PortalValidationException(AttachmentMessages.InvalidField);
    }

    private static async Task<int?> RequireEditableAsync(PortalDbContext db, PortalActor actor, int submissionId, CancellationToken cancellationToken)
    {
        var s = await SubmissionService.Visible(db, actor).AsNoTracking()
            .Select(x => new { x.Id, x.State, x.HolderOrgUnitId, x.FormVersionId })
            .SingleOrDefaultAsync(x => x.Id == submissionId, cancellationToken)
            ?? throw new PortalNotFoundException(WorkflowMessages.SubmissionNotFound);
        if (actor.Tier != Tier.Municipality)
        {
            throw new PortalAccessDeniedException(AttachmentMessages.OnlyHolder);
        }

        if (s.State is not (SubmissionState.Draft or SubmissionState.Returned))
        {
            throw new PortalConflictException(AttachmentMessages.NotEditable);
        }

        if (s.HolderOrgUnitId != actor.OrgUnitId)
        {
            throw new PortalAccessDeniedException(AttachmentMessages.OnlyHolder);
        }

        return s.FormVersionId;
    }

    private string PathOf(Attachment row) => Store.PathOf(row.SubmissionId, row.StoredFileName);

    private static AttachmentInfo Info(Attachment a) =>
        new(a.Id, a.SubmissionId, a.FieldPath, a.OriginalFileName, a.Kind, a.ContentType, a.Length, a.Sha256, a.UploadedUtc, a.UploadedByUserName);
}
