using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using SmartCity.Portal.Common;
using SmartCity.Portal.Data;
using SmartCity.Portal.Security;
using SmartCity.Portal.Submissions.Workflow;

namespace SmartCity.Portal.Campaigns;

/// <summary>
/// Campaigns are public to every signed-in office; the deadline shown is the one binding the caller's subtree.
/// District and provincial offices may set their own, earlier deadline for their subtree (never later than the
/// one binding them from above); DLA's deadline is the campaign's own.
/// </summary>
public sealed class CampaignService(IDbContextFactory<PortalDbContext> dbFactory, TimeProvider clock)
{
    public async Task<IReadOnlyList<CampaignSummary>> ListAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        var actor = PortalActor.From(user);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var campaigns = await db.Campaigns.AsNoTracking()
            .Where(c => c.State != CampaignState.Draft || actor.Role == PortalRoles.DlaOfficer || actor.Role == PortalRoles.PortalAdmin)
            .OrderByDescending(c => c.FiscalYear).ThenByDescending(c => c.Id)
            .ToListAsync(cancellationToken);
        var result = new List<CampaignSummary>(campaigns.Count);
        foreach (var c in campaigns)
        {
            result.Add(await SummaryAsync(db, c, actor, cancellationToken));
        }

        return result;
    }

    public async Task<CampaignSummary> GetAsync(ClaimsPrincipal user, int campaignId, CancellationToken cancellationToken = default)
    {
        var actor = PortalActor.From(user);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var c = await db.Campaigns.AsNoTracking().SingleOrDefaultAsync(x => x.Id == campaignId, cancellationToken);
        if (c is null || (c.State == CampaignState.Draft && actor.Tier is not (Tier.Dla or Tier.Admin)))
        {
            throw new PortalNotFoundException(WorkflowMessages.CampaignNotFound);
        }

        return await SummaryAsync(db, c, actor, cancellationToken);
    }

    private static async Task<CampaignSummary> SummaryAsync(PortalDbContext db, Campaign c, PortalActor actor, CancellationToken cancellationToken) =>
        new(c.Id, c.FiscalYear, c.Title, c.LetterNo, c.LetterDateUtc, c.State, c.PaperCopyRequired, c.Routing,
            c.SubmissionDeadlineUtc, c.DlaDeadlineUtc, await Deadlines.EffectiveForPathAsync(db, c, actor.OrgUnitPath, cancellationToken));

    /// <summary>
    /// Sets (or moves) the deadline of the caller's active office for its subtree. Only a District.Officer or
    /// Province.Officer may, while the campaign is in Draft or Open; the deadline must lie in the future and be
    /// no later than the deadline binding the office's parent (the campaign's and every ancestor's own).
    /// Returns the campaign as the caller now sees it.
    /// </summary>
    public async Task<CampaignSummary> SetOwnDeadlineAsync(ClaimsPrincipal user, int campaignId, DateTime deadlineUtc, CancellationToken cancellationToken = default)
    {
        var actor = RequireOwnDeadlineActor(user);
        deadlineUtc = AsUtc(deadlineUtc);

        // Two first settings at once collide on the unique (CampaignId, OrgUnitId) index, two moves on the
        // concurrency token: the loser checks again on fresh data and writes over (last writer wins).
        for (var attempt = 1; ; attempt++)
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var campaign = await EditableCampaignAsync(db, campaignId, cancellationToken);
            if (DateEra.Message(ThaiTime.BangkokDate(deadlineUtc), ThaiTime.Today(clock)) is { } slip)
            {
                // 2569 sent as a Gregorian year is 543 years on: say so, not "after the parent's deadline".
                throw new PortalValidationException(slip);
            }

            if (deadlineUtc <= clock.GetUtcNow().UtcDateTime)
            {
                throw new PortalValidationException(WorkflowMessages.OwnDeadlineInPast);
            }

            var limit = await Deadlines.EffectiveForPathAsync(db, campaign, ParentPath(actor.OrgUnitPath), cancellationToken);
            if (deadlineUtc > limit)
            {
                throw new PortalValidationException(WorkflowMessages.OwnDeadlineAfterParent(limit));
            }

            var row = await db.TierDeadlines.SingleOrDefaultAsync(t => t.CampaignId == campaign.Id && t.OrgUnitId == actor.OrgUnitId, cancellationToken);
            if (row is null)
            {
                db.TierDeadlines.Add(new TierDeadline { CampaignId = campaign.Id, OrgUnitId = actor.OrgUnitId, DeadlineUtc = deadlineUtc });
            }
            else
            {
                row.DeadlineUtc = deadlineUtc;
            }

            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException) when (attempt == 1)
            {
                continue;
            }

            return await SummaryAsync(db, campaign, actor, cancellationToken);
        }
    }

    /// <summary>Removes the caller's office's own deadline, so that the one from above binds its subtree again. Same rules as setting it.</summary>
    public async Task<CampaignSummary> ClearOwnDeadlineAsync(ClaimsPrincipal user, int campaignId, CancellationToken cancellationToken = default)
    {
        var actor = RequireOwnDeadlineActor(user);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var campaign = await EditableCampaignAsync(db, campaignId, cancellationToken);
        await db.TierDeadlines.Where(t => t.CampaignId == campaign.Id && t.OrgUnitId == actor.OrgUnitId).ExecuteDeleteAsync(cancellationToken);
        return await SummaryAsync(db, campaign, actor, cancellationToken);
    }

    private static PortalActor RequireOwnDeadlineActor(ClaimsPrincipal user)
    {
        var actor = PortalActor.From(user);
        return actor.Tier is Tier.District or Tier.Province
            ? actor
            : throw new PortalAccessDeniedException(WorkflowMessages.OwnDeadlineForbidden);
    }

    private static async Task<Campaign> EditableCampaignAsync(PortalDbContext db, int campaignId, CancellationToken cancellationToken)
    {
        // Districts and provinces cannot see a campaign DLA is still preparing: it does not exist for them.
        var campaign = await db.Campaigns.AsNoTracking().SingleOrDefaultAsync(c => c.Id == campaignId && c.State != CampaignState.Draft, cancellationToken)
            ?? throw new PortalNotFoundException(WorkflowMessages.CampaignNotFound);
        return campaign.State is CampaignState.Open
            ? campaign
            : throw new PortalValidationException(WorkflowMessages.OwnDeadlineCampaignClosed);
    }

    /// <summary>"/DLA/81/8101/" → "/DLA/81/"; the root's parent is itself (nothing above binds it but the campaign).</summary>
    private static string ParentPath(string path)
    {
        var trimmed = path.TrimEnd('/');
        var cut = trimmed.LastIndexOf('/');
        return cut <= 0 ? "/" : trimmed[..(cut + 1)];
    }

    private static DateTime AsUtc(DateTime value) => value.Kind switch
    {
        DateTimeKind.Utc => value,
        DateTimeKind.Local => value.ToUniversalTime(),
        _ => DateTime.SpecifyKind(value, DateTimeKind.Utc),
    };
}
