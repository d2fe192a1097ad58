using Microsoft.EntityFrameworkCore;
using SmartCity.Portal.Data;

namespace SmartCity.Portal.Campaigns;

/// <summary>
/// The deadline that binds an office's subtree: the earliest of the campaign's submission deadline
/// and every deadline an office on the path from DLA down to it has set. A child can only tighten.
/// </summary>
/// <remarks>
/// Because this is the minimum over the whole path, an office that later tightens its own deadline below
/// one a child office set earlier still binds that child's subtree: the child's row is not rewritten, it is
/// simply outranked, so no office below is ever bound later than an office above it.
/// <see cref="CampaignService.SetOwnDeadlineAsync"/> refuses a deadline later than the parent's at the time it
/// is set; this minimum keeps the rule true afterwards.
/// </remarks>
public static class Deadlines
{
    public static async Task<DateTime> EffectiveForPathAsync(PortalDbContext db, Campaign campaign, string orgPath, CancellationToken cancellationToken)
    {
        var codes = orgPath.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var tier = await db.Set<TierDeadline>().AsNoTracking()
            .Where(t => t.CampaignId == campaign.Id && codes.Contains(t.OrgUnit!.Code))
            .Select(t => (DateTime?)t.DeadlineUtc)
            .MinAsync(cancellationToken);
        return tier is { } t && t < campaign.SubmissionDeadlineUtc ? t : campaign.SubmissionDeadlineUtc;
    }

    /// <summary>
    /// The same minimum, for many paths at once: the caller loads the campaign's office deadlines
    /// once (a handful of rows) instead of one query per municipality.
    /// </summary>
    public static DateTime EffectiveForPath(DateTime campaignDeadlineUtc, IReadOnlyDictionary<string, DateTime> officeDeadlinesByCode, string orgPath)
    {
        ArgumentNullException.ThrowIfNull(officeDeadlinesByCode);
        ArgumentNullException.ThrowIfNull(orgPath);
        var result = campaignDeadlineUtc;
        foreach (var code in orgPath.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            if (officeDeadlinesByCode.TryGetValue(code, out var d) && d < result)
            {
                result = d;
            }
        }

        return result;
    }
}
