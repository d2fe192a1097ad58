using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using SmartCity.Portal.Common;
using SmartCity.Portal.Data;
using SmartCity.Portal.Security;
using SmartCity.Portal.Submissions.Workflow;

namespace SmartCity.Portal.Campaigns;

/// <summary>Campaigns are public to every signed-in office; the deadline shown is the one binding the caller's subtree.</summary>
public sealed class CampaignService(IDbContextFactory<PortalDbContext> dbFactory)
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
}
