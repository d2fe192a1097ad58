using System.Globalization;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SmartCity.Portal.Attachments;
using SmartCity.Portal.Common;
using SmartCity.Portal.Data;
using SmartCity.Portal.Forms;
using SmartCity.Portal.Security;
using SmartCity.Portal.Submissions.Workflow;

namespace SmartCity.Portal.Campaigns;

public sealed record CampaignDocumentInfo(
    int Id, int CampaignId, CampaignDocumentKind Kind, string Name, FileKind FileKind, string ContentType, long Length, string Sha256,
    DateTime UploadedUtc, string UploadedByUserName);

/// <summary>
/// The criteria PDF, the letter and other files of a campaign. Stored the way evidence is
/// (<see cref="AttachmentService"/>: streamed to a temp file with a running hash, kind by the first bytes
/// through <see cref="FileSniffer"/>, display name through <see cref="FileNames"/>, the same per-file limit),
/// under <c>&lt;DataDirectory&gt;/campaign-documents</c>. DLA uploads and removes; every office that can see
/// the campaign downloads (municipalities need the criteria), so a Draft campaign's files are DLA's only.
/// </summary>
public sealed class CampaignDocumentService(
    IDbContextFactory<PortalDbContext> dbFactory, StorageOptions storage, IOptions<AttachmentOptions> options, TimeProvider clock)
{
    /// <summary>Letters and criteria are documents, not photos or spreadsheets.</summary>
    public static readonly IReadOnlyList<FileKind> AllowedKinds = [FileKind.Pdf, FileKind.Docx];

    private FileStore Store => new(Path.Combine(storage.DataDirectory, "campaign-documents"));

    public async Task<CampaignDocumentInfo> UploadAsync(
        ClaimsPrincipal user, int campaignId, CampaignDocumentKind kind, string? originalName, Stream content, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        var actor = RequireDla(user);
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            // Before a byte is read: an unknown campaign should not cost the whole transfer.
            await RequireCampaignAsync(db, campaignId, cancellationToken);
        }

        var store = Store;
        var tempPath = store.NewTempPath();
        try
        {
            var (length, sha256, sniffed) = await FileStore.ReceiveAsync(content, tempPath, options.Value.MaxFileBytes, cancellationToken);
            var fileKind = sniffed is { } known && AllowedKinds.Contains(known)
                ? known
                : throw new PortalValidationException(CampaignAdminMessages.DocumentType);

            var storedName = Guid.NewGuid().ToString("N") + FileSniffer.Extension(fileKind);
            var displayName = FileNames.Sanitise(originalName) ?? "เอกสาร" + FileSniffer.Extension(fileKind);
            var finalPath = store.PathOf(campaignId, storedName);

            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            await RequireCampaignAsync(db, campaignId, cancellationToken);
            var row = new CampaignDocument
            {
                CampaignId = campaignId,
                Kind = kind,
                OriginalFileName = displayName,
                StoredFileName = storedName,
                FileKind = fileKind,
                ContentType = FileSniffer.ContentType(fileKind),
                Length = length,
                Sha256 = sha256,
                UploadedUtc = clock.GetUtcNow().UtcDateTime,
                UploadedByUserName = actor.UserName,
            };
            db.CampaignDocuments.Add(row);
            db.CampaignEvents.Add(CampaignEvents.New(campaignId, "document-add", actor.UserName, row.UploadedUtc, displayName));
            await FileStore.MoveInAsync(tempPath, finalPath, () => db.SaveChangesAsync(cancellationToken));
            return Info(row);
        }
        finally
        {
            File.Delete(tempPath);
        }
    }

    public async Task<IReadOnlyList<CampaignDocumentInfo>> ListAsync(ClaimsPrincipal user, int campaignId, CancellationToken cancellationToken = default)
    {
        var actor = PortalActor.From(user);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await RequireVisibleAsync(db, actor, campaignId, cancellationToken);
        var rows = await db.CampaignDocuments.AsNoTracking()
            .Where(d => d.CampaignId == campaignId && d.DeletedUtc == null)
            .OrderBy(d => d.Kind).ThenBy(d => d.Id)
            .ToListAsync(cancellationToken);
        return rows.Select(Info).ToList();
    }

    /// <summary>The file for download; the caller disposes <see cref="AttachmentContent.Content"/>.</summary>
    public async Task<AttachmentContent> OpenAsync(ClaimsPrincipal user, int documentId, CancellationToken cancellationToken = default)
    {
        var actor = PortalActor.From(user);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var row = await VisibleDocumentAsync(db, actor, documentId, cancellationToken);
        var stream = FileStore.OpenRead(PathOf(row), CampaignAdminMessages.DocumentNotFound);
        return new AttachmentContent(stream, row.FileKind, row.ContentType, row.OriginalFileName, row.Length);
    }

    /// <summary>Soft delete: the row stays as the record of what was published, the file goes.</summary>
    public async Task DeleteAsync(ClaimsPrincipal user, int documentId, CancellationToken cancellationToken = default)
    {
        var actor = RequireDla(user);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var row = await db.CampaignDocuments.SingleOrDefaultAsync(d => d.Id == documentId && d.DeletedUtc == null, cancellationToken)
            ?? throw new PortalNotFoundException(CampaignAdminMessages.DocumentNotFound);
        row.DeletedUtc = clock.GetUtcNow().UtcDateTime;
        db.CampaignEvents.Add(CampaignEvents.New(row.CampaignId, "document-remove", actor.UserName, row.DeletedUtc.Value, row.OriginalFileName));
        await db.SaveChangesAsync(cancellationToken);
        File.Delete(PathOf(row));
    }

    public static bool TryParseKind(string? text, out CampaignDocumentKind kind)
    {
        kind = default;
        return !string.IsNullOrWhiteSpace(text) && !int.TryParse(text, out _) && Enum.TryParse(text, ignoreCase: true, out kind) && Enum.IsDefined(kind);
    }

    private static async Task<CampaignDocument> VisibleDocumentAsync(PortalDbContext db, PortalActor actor, int documentId, CancellationToken cancellationToken)
    {
        var row = await db.CampaignDocuments.AsNoTracking().SingleOrDefaultAsync(d => d.Id == documentId && d.DeletedUtc == null, cancellationToken);
        // A Draft campaign's document and a nonexistent one are answered alike.
        if (row is null || !await VisibleCampaigns(db, actor).AnyAsync(c => c.Id == row.CampaignId, cancellationToken))
        {
            throw new PortalNotFoundException(CampaignAdminMessages.DocumentNotFound);
        }

        return row;
    }

    private static async Task RequireVisibleAsync(PortalDbContext db, PortalActor actor, int campaignId, CancellationToken cancellationToken)
    {
        if (!await VisibleCampaigns(db, actor).AnyAsync(c => c.Id == campaignId, cancellationToken))
        {
            throw new PortalNotFoundException(WorkflowMessages.CampaignNotFound);
        }
    }

    private static async Task RequireCampaignAsync(PortalDbContext db, int campaignId, CancellationToken cancellationToken)
    {
        if (!await db.Campaigns.AnyAsync(c => c.Id == campaignId, cancellationToken))
        {
            throw new PortalNotFoundException(WorkflowMessages.CampaignNotFound);
        }
    }

    /// <summary>The same rule as CampaignService and FormService: Draft exists for DLA and administrators only.</summary>
    private static IQueryable<Campaign> VisibleCampaigns(PortalDbContext db, PortalActor actor)
    {
        var seesDrafts = actor.Tier is Tier.Dla or Tier.Admin;
        return db.Campaigns.AsNoTracking().Where(c => c.State != CampaignState.Draft || seesDrafts);
    }

    private static PortalActor RequireDla(ClaimsPrincipal user)
    {
        var actor = PortalActor.From(user);
        return actor.Tier is Tier.Dla or Tier.Admin ? actor : throw new PortalAccessDeniedException(CampaignAdminMessages.Forbidden);
    }

    private string PathOf(CampaignDocument row) => Store.PathOf(row.CampaignId, row.StoredFileName);

    private static CampaignDocumentInfo Info(CampaignDocument d) =>
        new(d.Id, d.CampaignId, d.Kind, d.OriginalFileName, d.FileKind, d.ContentType, d.Length, d.Sha256, DateTime.SpecifyKind(d.UploadedUtc, DateTimeKind.Utc), d.UploadedByUserName);
}
