using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using SmartCity.Portal.Campaigns;
using SmartCity.Portal.Common;
using SmartCity.Portal.Data;
using SmartCity.Portal.Organisations;
using SmartCity.Portal.Registers;
using SmartCity.Portal.Security;
using SmartCity.Portal.Submissions;
using SmartCity.Portal.Submissions.Workflow;

namespace SmartCity.Portal.Dashboards;

/// <summary>
/// Every municipality below the caller's office for one campaign, one <see cref="TrackerRow"/>
/// each, including those that have not started. A handful of set-based queries (no per-row
/// lookups), so the national list of about 2,500 rows costs the same few round trips as a district's.
/// </summary>
public sealed class TrackerService(IDbContextFactory<PortalDbContext> dbFactory, TimeProvider clock)
{
    public async Task<IReadOnlyList<TrackerRow>> RowsAsync(ClaimsPrincipal user, int campaignId, CancellationToken cancellationToken = default)
    {
        var actor = PortalActor.From(user);
        if (actor.Tier is not (Tier.District or Tier.Province or Tier.Dla or Tier.Admin))
        {
            throw new PortalAccessDeniedException(TrackerMessages.NotForMunicipality);
        }

        var prefix = actor.OrgUnitPath;
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var campaign = await db.Campaigns.AsNoTracking().SingleOrDefaultAsync(c => c.Id == campaignId, cancellationToken)
            ?? throw new PortalNotFoundException(WorkflowMessages.CampaignNotFound);

        var municipalities = await db.OrgUnits.AsNoTracking()
            .Where(o => o.Kind == OrgUnitKind.Municipality && o.Path.StartsWith(prefix))
            .Select(o => new { o.Id, o.Code, o.NameTh, o.NameEn, o.Class, o.ProvinceCode, o.DistrictCode, o.Path, o.IsDemo, o.IsSynthetic, ParentKind = o.Parent!.Kind })
            .ToListAsync(cancellationToken);

        var offices = await db.OrgUnits.AsNoTracking()
            .Where(o => o.Kind == OrgUnitKind.ProvinceOffice || o.Kind == OrgUnitKind.DistrictOffice)
            .Select(o => new { o.Code, o.NameTh })
            .ToDictionaryAsync(o => o.Code, o => o.NameTh, StringComparer.Ordinal, cancellationToken);

        var officeDeadlines = await db.TierDeadlines.AsNoTracking()
            .Where(t => t.CampaignId == campaignId)
            .Select(t => new { t.OrgUnit!.Code, t.DeadlineUtc })
            .ToDictionaryAsync(t => t.Code, t => t.DeadlineUtc, StringComparer.Ordinal, cancellationToken);

        var inScope = db.Submissions.Where(s => s.CampaignId == campaignId && s.Municipality!.Path.StartsWith(prefix));
        var submissions = await inScope.AsNoTracking()
            .Select(s => new
            {
                s.Id, s.MunicipalityId, s.State, s.HolderOrgUnitId, HolderNameTh = s.Holder!.NameTh, HolderNameEn = s.Holder.NameEn,
                s.ReferenceNo, s.SubmittedUtc, s.ExtendedDeadlineUtc, s.PaperCopyReceivedUtc, s.UpdatedUtc,
            })
            .ToDictionaryAsync(s => s.MunicipalityId, cancellationToken);

        var forwarded = await db.WorkflowEvents.AsNoTracking()
            .Where(e => e.Action == "forward" && inScope.Any(s => s.Id == e.SubmissionId))
            .GroupBy(e => e.SubmissionId)
            .Select(g => new { SubmissionId = g.Key, Last = g.Max(e => e.OccurredUtc) })
            .ToDictionaryAsync(x => x.SubmissionId, x => x.Last, cancellationToken);

        var paperNumbers = await db.RegisterEntries.AsNoTracking()
            .Where(e => e.Kind == RegisterKind.Receive && e.CancelledUtc == null && e.SubmissionId != null && inScope.Any(s => s.Id == e.SubmissionId))
            .Select(e => new { SubmissionId = e.SubmissionId!.Value, e.Id, e.Number, e.Year })
            .ToListAsync(cancellationToken);
        var paperBySubmission = paperNumbers
            .GroupBy(e => e.SubmissionId)
            .ToDictionary(g => g.Key, g => g.MaxBy(e => e.Id)!);

        var dispatched = await (
                from i in db.DispatchItems.AsNoTracking()
                join d in db.Dispatches.AsNoTracking() on i.DispatchId equals d.Id
                where d.CampaignId == campaignId && inScope.Any(s => s.Id == i.SubmissionId)
                select new { i.SubmissionId, d.Id, d.LetterNo, d.ReceivedUtc })
            .ToListAsync(cancellationToken);
        var dispatchBySubmission = dispatched
            .GroupBy(x => x.SubmissionId)
            .ToDictionary(g => g.Key, g => g.MaxBy(x => x.Id)!);

        var rows = new List<TrackerRow>(municipalities.Count);
        foreach (var m in municipalities)
        {
            submissions.TryGetValue(m.Id, out var s);
            var deadline = s?.ExtendedDeadlineUtc ?? Deadlines.EffectiveForPath(campaign.SubmissionDeadlineUtc, officeDeadlines, m.Path);
            var paper = s is not null && paperBySubmission.TryGetValue(s.Id, out var p) ? p : null;
            var dispatch = s is not null && dispatchBySubmission.TryGetValue(s.Id, out var d) ? d : null;
            rows.Add(new TrackerRow
            {
                MunicipalityId = m.Id,
                MunicipalityCode = m.Code,
                MunicipalityNameTh = m.NameTh,
                MunicipalityNameEn = m.NameEn,
                Class = m.Class,
                ProvinceCode = m.ProvinceCode ?? string.Empty,
                ProvinceNameTh = m.ProvinceCode is { } pc && offices.TryGetValue(pc, out var pn) ? pn : string.Empty,
                DistrictCode = m.DistrictCode,
                DistrictNameTh = m.DistrictCode is { } dc && offices.TryGetValue(dc, out var dn) ? dn : null,
                UnderDistrict = m.ParentKind == OrgUnitKind.DistrictOffice,
                SubmissionId = s?.Id,
                State = s?.State,
                HolderOrgUnitId = s?.HolderOrgUnitId,
                HolderNameTh = s?.HolderNameTh,
                HolderNameEn = s?.HolderNameEn,
                ReferenceNo = s?.ReferenceNo,
                SubmittedUtc = s?.SubmittedUtc,
                ForwardedUtc = s is not null && forwarded.TryGetValue(s.Id, out var f) ? f : null,
                DlaReceivedUtc = dispatch?.ReceivedUtc,
                PaperCopyReceivedUtc = s?.PaperCopyReceivedUtc,
                PaperReceiveNo = paper is null ? null : RegisterEntry.FormatNumber(paper.Number, paper.Year),
                DispatchLetterNo = dispatch?.LetterNo,
                DeadlineUtc = deadline,
                LateReason = Lateness(campaign, s?.State, deadline, now),
                UpdatedUtc = s?.UpdatedUtc,
                IsDemo = m.IsDemo,
                IsSynthetic = m.IsSynthetic,
            });
        }

        return rows;
    }

    /// <summary>
    /// Late means "not where it should be by now": not submitted by its own deadline (or lapsed for
    /// that), or submitted but still below DLA after the DLA deadline. A campaign still in draft has
    /// no lateness; withdrawn and accepted reports are never late.
    /// </summary>
    public static LateReason Lateness(Campaign campaign, SubmissionState? state, DateTime deadlineUtc, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(campaign);
        if (campaign.State == CampaignState.Draft)
        {
            return LateReason.None;
        }

        return state switch
        {
            SubmissionState.Lapsed => LateReason.Lapsed,
            null or SubmissionState.Draft or SubmissionState.Returned when nowUtc >= deadlineUtc => LateReason.NotSubmitted,
            SubmissionState.AtDistrict or SubmissionState.AtProvince when nowUtc >= campaign.DlaDeadlineUtc => LateReason.NotAtDla,
            _ => LateReason.None,
        };
    }
}
