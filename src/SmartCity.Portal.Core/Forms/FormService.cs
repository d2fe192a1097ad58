using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using SmartCity.Portal.Campaigns;
using SmartCity.Portal.Common;
using SmartCity.Portal.Data;
using SmartCity.Portal.Security;
using SmartCity.Portal.Submissions.Workflow;

namespace SmartCity.Portal.Forms;

/// <summary>A stored form version as callers see it: the definition parsed, with where it came from.</summary>
public sealed record FormVersionView(int Id, int CampaignId, int Version, DateTime? PublishedUtc, DateTime CreatedUtc, string CreatedByUserName, FormDefinition Definition);

/// <summary>
/// Reads and publishes campaign form versions. Every signed-in office may read the form of a campaign it
/// can see (districts and provinces review reports against it); only DLA officers and administrators
/// publish, and the role is checked here because every page event and API call is a front door.
/// </summary>
public sealed class FormService(IDbContextFactory<PortalDbContext> dbFactory, TimeProvider clock)
{
    /// <summary>The newest published version of the campaign's form; 404 when the campaign has none yet.</summary>
    public async Task<FormVersionView> GetPublishedAsync(ClaimsPrincipal user, int campaignId, CancellationToken cancellationToken = default)
    {
        var actor = PortalActor.From(user);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await VisibleCampaignAsync(db, actor, campaignId, cancellationToken);
        var row = await LatestPublished(db, campaignId).AsNoTracking().FirstOrDefaultAsync(cancellationToken)
            ?? throw new PortalNotFoundException(FormMessages.FormNotPublished);
        return View(row);
    }

    /// <summary>
    /// One version by its id, as a submission records it (<see cref="Submissions.Submission.FormVersionId"/>):
    /// the form a report started on, even after newer versions were published.
    /// </summary>
    public async Task<FormVersionView> GetVersionAsync(ClaimsPrincipal user, int formVersionId, CancellationToken cancellationToken = default)
    {
        var actor = PortalActor.From(user);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var row = await db.FormDefinitionVersions.AsNoTracking().SingleOrDefaultAsync(f => f.Id == formVersionId, cancellationToken);
        // Drafts of a form are DLA's working copies: for everyone else they do not exist.
        if (row is null || (row.PublishedUtc is null && !IsDla(actor)))
        {
            throw new PortalNotFoundException(FormMessages.FormNotPublished);
        }

        await VisibleCampaignAsync(db, actor, row.CampaignId, cancellationToken);
        return View(row);
    }

    /// <summary>
    /// Publishes <paramref name="definition"/> as the campaign's next version (the highest so far + 1) and
    /// returns it. The definition must pass <see cref="FormDefinitionChecker"/>; its own version number is
    /// replaced by the one given here. Earlier versions, and the submissions that started on them, stay as they were.
    /// </summary>
    public async Task<FormVersionView> PublishAsync(ClaimsPrincipal user, int campaignId, FormDefinition definition, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var actor = PortalActor.From(user);
        if (!IsDla(actor))
        {
            throw new PortalAccessDeniedException(FormMessages.PublishForbidden);
        }

        var problems = FormDefinitionChecker.Check(definition);
        if (problems.Count > 0)
        {
            throw new PortalValidationException(FormMessages.DefinitionInvalid(problems));
        }

        // Two officers publishing at once both compute the same next number; the unique index lets one
        // in and the other takes the number after it on a second try.
        for (var attempt = 1; ; attempt++)
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            await VisibleCampaignAsync(db, actor, campaignId, cancellationToken);
            var next = (await db.FormDefinitionVersions.Where(f => f.CampaignId == campaignId).MaxAsync(f => (int?)f.Version, cancellationToken) ?? 0) + 1;
            var now = clock.GetUtcNow().UtcDateTime;
            var row = new FormDefinitionVersion
            {
                CampaignId = campaignId,
                Version = next,
                Json = FormJson.Serialize(definition with { Version = next }),
                PublishedUtc = now,
                CreatedUtc = now,
                CreatedByUserName = actor.UserName,
            };
            db.FormDefinitionVersions.Add(row);
            db.CampaignEvents.Add(Campaigns.CampaignEvents.New(campaignId, "publish-form", actor.UserName, now, next.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException) when (attempt < 3)
            {
                continue;
            }

            return View(row);
        }
    }

    /// <summary>DLA's working copy of the campaign's next form version, or null when there is none.</summary>
    public async Task<FormVersionView?> GetDraftAsync(ClaimsPrincipal user, int campaignId, CancellationToken cancellationToken = default)
    {
        RequireDla(user);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await VisibleCampaignAsync(db, PortalActor.From(user), campaignId, cancellationToken);
        var row = await Drafts(db, campaignId).AsNoTracking().FirstOrDefaultAsync(cancellationToken);
        return row is null ? null : View(row);
    }

    /// <summary>
    /// Saves <paramref name="definition"/> as the campaign's working copy (one per campaign: created, or
    /// overwritten). A draft need not pass <see cref="FormDefinitionChecker"/> yet, so half-done edits are
    /// never lost; municipalities never see it (<see cref="GetVersionAsync"/>, <see cref="GetPublishedAsync"/>).
    /// Two officers saving the same draft: the later save wins; the draft is a scratch pad, publishing is the act.
    /// </summary>
    public async Task<FormVersionView> SaveDraftAsync(ClaimsPrincipal user, int campaignId, FormDefinition definition, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var actor = RequireDla(user);
        for (var attempt = 1; ; attempt++)
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            await VisibleCampaignAsync(db, actor, campaignId, cancellationToken);
            var now = clock.GetUtcNow().UtcDateTime;
            var row = await Drafts(db, campaignId).FirstOrDefaultAsync(cancellationToken);
            if (row is null)
            {
                var next = (await db.FormDefinitionVersions.Where(f => f.CampaignId == campaignId).MaxAsync(f => (int?)f.Version, cancellationToken) ?? 0) + 1;
                row = new FormDefinitionVersion { CampaignId = campaignId, Version = next, Json = "", CreatedByUserName = actor.UserName };
                db.FormDefinitionVersions.Add(row);
            }

            row.Json = FormJson.Serialize(definition with { Version = row.Version });
            row.CreatedUtc = now;
            row.CreatedByUserName = actor.UserName;
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException) when (attempt < 3)
            {
                continue;
            }

            return View(row);
        }
    }

    /// <summary>
    /// Publishes the working copy as the campaign's next version, after <see cref="FormDefinitionChecker"/>
    /// (refused with the first problem named otherwise). The draft row becomes the published row; if someone
    /// published in between, it takes the number after theirs.
    /// </summary>
    public async Task<FormVersionView> PublishDraftAsync(ClaimsPrincipal user, int campaignId, CancellationToken cancellationToken = default)
    {
        var actor = RequireDla(user);
        for (var attempt = 1; ; attempt++)
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            await VisibleCampaignAsync(db, actor, campaignId, cancellationToken);
            var row = await Drafts(db, campaignId).FirstOrDefaultAsync(cancellationToken)
                ?? throw new PortalNotFoundException(FormMessages.FormNotPublished);
            var definition = FormJson.Deserialize(row.Json);
            var problems = FormDefinitionChecker.Check(definition);
            if (problems.Count > 0)
            {
                throw new PortalValidationException(FormMessages.DefinitionInvalid(problems));
            }

            var highestOther = await db.FormDefinitionVersions.Where(f => f.CampaignId == campaignId && f.Id != row.Id).MaxAsync(f => (int?)f.Version, cancellationToken) ?? 0;
            if (row.Version <= highestOther)
            {
                row.Version = highestOther + 1;
            }

            var now = clock.GetUtcNow().UtcDateTime;
            row.Json = FormJson.Serialize(definition with { Version = row.Version });
            row.PublishedUtc = now;
            var published = Campaigns.CampaignEvents.New(campaignId, "publish-form", actor.UserName, now, row.Version.ToString(System.Globalization.CultureInfo.InvariantCulture));
            db.CampaignEvents.Add(published);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException) when (attempt < 3)
            {
                continue;
            }

            return View(row);
        }
    }

    /// <summary>Throws the working copy away; published versions are untouched.</summary>
    public async Task DiscardDraftAsync(ClaimsPrincipal user, int campaignId, CancellationToken cancellationToken = default)
    {
        var actor = RequireDla(user);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await VisibleCampaignAsync(db, actor, campaignId, cancellationToken);
        await db.FormDefinitionVersions.Where(f => f.CampaignId == campaignId && f.PublishedUtc == null).ExecuteDeleteAsync(cancellationToken);
    }

    private static IQueryable<FormDefinitionVersion> Drafts(PortalDbContext db, int campaignId) =>
        db.FormDefinitionVersions.Where(f => f.CampaignId == campaignId && f.PublishedUtc == null).OrderByDescending(f => f.Version);

    private static PortalActor RequireDla(ClaimsPrincipal user)
    {
        var actor = PortalActor.From(user);
        return IsDla(actor) ? actor : throw new PortalAccessDeniedException(FormMessages.PublishForbidden);
    }

    /// <summary>The newest published version; new submissions start on it.</summary>
    internal static IQueryable<FormDefinitionVersion> LatestPublished(PortalDbContext db, int campaignId) =>
        db.FormDefinitionVersions.Where(f => f.CampaignId == campaignId && f.PublishedUtc != null).OrderByDescending(f => f.Version);

    private static bool IsDla(PortalActor actor) => actor.Tier is Tier.Dla or Tier.Admin;

    private static async Task VisibleCampaignAsync(PortalDbContext db, PortalActor actor, int campaignId, CancellationToken cancellationToken)
    {
        // Same rule as CampaignService: a campaign DLA is still preparing does not exist for the other tiers.
        var seesDrafts = IsDla(actor);
        var visible = await db.Campaigns.AsNoTracking()
            .AnyAsync(c => c.Id == campaignId && (c.State != CampaignState.Draft || seesDrafts), cancellationToken);
        if (!visible)
        {
            throw new PortalNotFoundException(WorkflowMessages.CampaignNotFound);
        }
    }

    private static FormVersionView View(FormDefinitionVersion row) =>
        new(row.Id, row.CampaignId, row.Version, row.PublishedUtc, row.CreatedUtc, row.CreatedByUserName, FormJson.Deserialize(row.Json));
}
