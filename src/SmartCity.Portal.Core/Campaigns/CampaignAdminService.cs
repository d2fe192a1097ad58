using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using SmartCity.Portal.Common;
using SmartCity.Portal.Data;
using SmartCity.Portal.Forms;
using SmartCity.Portal.Security;
using SmartCity.Portal.Submissions.Routing;
using SmartCity.Portal.Submissions.Workflow;

namespace SmartCity.Portal.Campaigns;

/// <summary>What DLA types in when setting up a round. Dates are UTC instants (Bangkok wall-clock times converted by the page).</summary>
public sealed record CampaignDetails(
    string Title, int FiscalYear, string LetterNo, DateTime LetterDateUtc, DateTime SubmissionDeadlineUtc, DateTime DlaDeadlineUtc,
    bool PaperCopyRequired, RoutingRule Routing);

/// <summary>An office's own deadline for its subtree, named for DLA's overview.</summary>
public sealed record OfficeDeadline(int OrgUnitId, string Code, string NameTh, string? NameEn, DateTime DeadlineUtc);

/// <summary>A campaign as DLA administers it: its details, its token for the next update, and how far its form is.</summary>
public sealed record CampaignAdminView(
    int Id, CampaignState State, CampaignDetails Details, Guid ConcurrencyToken, int? PublishedFormVersion, bool HasDraftForm,
    IReadOnlyList<OfficeDeadline> OfficeDeadlines);

/// <summary>
/// DLA's side of a campaign: create it in Draft, change its details under its concurrency token, open and
/// close it. Every call checks the role (DLA officer or administrator) itself: a page event and an API
/// request are both front doors. Draft campaigns stay invisible to other tiers (CampaignService, FormService).
/// </summary>
public sealed class CampaignAdminService(IDbContextFactory<PortalDbContext> dbFactory, TimeProvider clock)
{
    public const int MinFiscalYear = 2500;
    public const int MaxFiscalYear = 2700;

    public async Task<IReadOnlyList<CampaignAdminView>> ListAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        Require(user);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var campaigns = await db.Campaigns.AsNoTracking().OrderByDescending(c => c.FiscalYear).ThenByDescending(c => c.Id).ToListAsync(cancellationToken);
        var result = new List<CampaignAdminView>(campaigns.Count);
        foreach (var c in campaigns)
        {
            result.Add(await ViewAsync(db, c, cancellationToken));
        }

        return result;
    }

    public async Task<CampaignAdminView> GetAsync(ClaimsPrincipal user, int campaignId, CancellationToken cancellationToken = default)
    {
        Require(user);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var c = await db.Campaigns.AsNoTracking().SingleOrDefaultAsync(x => x.Id == campaignId, cancellationToken)
            ?? throw new PortalNotFoundException(WorkflowMessages.CampaignNotFound);
        return await ViewAsync(db, c, cancellationToken);
    }

    /// <summary>What DLA did to the round, newest first: who created, changed (field by field), opened, closed it, published its forms and documents.</summary>
    public async Task<IReadOnlyList<CampaignEventView>> HistoryAsync(ClaimsPrincipal user, int campaignId, CancellationToken cancellationToken = default)
    {
        Require(user);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (!await db.Campaigns.AnyAsync(c => c.Id == campaignId, cancellationToken))
        {
            throw new PortalNotFoundException(WorkflowMessages.CampaignNotFound);
        }

        var rows = await db.CampaignEvents.AsNoTracking().Where(e => e.CampaignId == campaignId).OrderByDescending(e => e.Id).ToListAsync(cancellationToken);
        return rows.Select(CampaignEvents.View).ToList();
    }

    /// <summary>A new round, in Draft: nobody outside DLA sees it until it is opened.</summary>
    public async Task<CampaignAdminView> CreateAsync(ClaimsPrincipal user, CampaignDetails details, CancellationToken cancellationToken = default)
    {
        var actor = Require(user);
        details = Normalise(details);
        Validate(details);
        RequireNoEraSlip(details, null);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var campaign = new Campaign
        {
            Title = details.Title,
            FiscalYear = details.FiscalYear,
            LetterNo = details.LetterNo,
            LetterDateUtc = details.LetterDateUtc,
            SubmissionDeadlineUtc = details.SubmissionDeadlineUtc,
            DlaDeadlineUtc = details.DlaDeadlineUtc,
            PaperCopyRequired = details.PaperCopyRequired,
            Routing = details.Routing,
            State = CampaignState.Draft,
        };
        db.Campaigns.Add(campaign);
        db.CampaignEvents.Add(CampaignEvents.New(campaign, "create", actor.UserName, clock.GetUtcNow().UtcDateTime));
        await db.SaveChangesAsync(cancellationToken);
        return await ViewAsync(db, campaign, cancellationToken);
    }

    /// <summary>
    /// Changes the details the caller read under <paramref name="concurrencyToken"/>; a stale token changes
    /// nothing (<see cref="PortalStaleException"/>). While the round is open a deadline must stay in the future,
    /// and the municipalities' deadline may not move before a deadline an office has already set (the
    /// offices are named): their letters went out with those dates.
    /// </summary>
    public async Task<CampaignAdminView> UpdateAsync(
        ClaimsPrincipal user, int campaignId, Guid concurrencyToken, CampaignDetails details, CancellationToken cancellationToken = default)
    {
        var actor = Require(user);
        details = Normalise(details);
        Validate(details);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var campaign = await db.Campaigns.SingleOrDefaultAsync(c => c.Id == campaignId, cancellationToken)
            ?? throw new PortalNotFoundException(WorkflowMessages.CampaignNotFound);
        if (campaign.ConcurrencyToken != concurrencyToken)
        {
            throw new PortalStaleException(CampaignAdminMessages.Stale);
        }

        if (campaign.State is not (CampaignState.Draft or CampaignState.Open or CampaignState.Closed))
        {
            throw new PortalConflictException(CampaignAdminMessages.NotEditable);
        }

        RequireNoEraSlip(details, Details(campaign));

        if (!campaign.Routing.Equals(details.Routing) && campaign.State != CampaignState.Draft)
        {
            throw new PortalValidationException(CampaignAdminMessages.RoutingLocked);
        }

        if (campaign.State == CampaignState.Open && details.SubmissionDeadlineUtc != campaign.SubmissionDeadlineUtc
            && details.SubmissionDeadlineUtc <= clock.GetUtcNow().UtcDateTime)
        {
            throw new PortalValidationException(CampaignAdminMessages.DeadlineInPast);
        }

        await RequireNoOfficeAfterAsync(db, campaignId, details.SubmissionDeadlineUtc, cancellationToken);

        var changes = CampaignEvents.Changes(Details(campaign), details);
        if (changes.Count > 0)
        {
            db.CampaignEvents.Add(CampaignEvents.New(campaign, "update", actor.UserName, clock.GetUtcNow().UtcDateTime, CampaignEvents.Serialize(changes)));
        }

        campaign.Title = details.Title;
        campaign.FiscalYear = details.FiscalYear;
        campaign.LetterNo = details.LetterNo;
        campaign.LetterDateUtc = details.LetterDateUtc;
        campaign.SubmissionDeadlineUtc = details.SubmissionDeadlineUtc;
        campaign.DlaDeadlineUtc = details.DlaDeadlineUtc;
        campaign.PaperCopyRequired = details.PaperCopyRequired;
        campaign.Routing = details.Routing;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new PortalStaleException(CampaignAdminMessages.Stale);
        }

        return await ViewAsync(db, campaign, cancellationToken);
    }

    /// <summary>
    /// Draft or Closed → Open. Refused, saying why, when the round has no published form, its deadlines are out
    /// of order or the submission deadline has passed (everything would lapse at once).
    /// </summary>
    public Task<CampaignAdminView> OpenAsync(ClaimsPrincipal user, int campaignId, CancellationToken cancellationToken = default) =>
        ChangeStateAsync(user, campaignId, async (db, campaign) =>
        {
            if (campaign.State is not (CampaignState.Draft or CampaignState.Closed))
            {
                throw new PortalConflictException(CampaignAdminMessages.CannotOpen);
            }

            if (!await db.FormDefinitionVersions.AnyAsync(f => f.CampaignId == campaign.Id && f.PublishedUtc != null, cancellationToken))
            {
                throw new PortalValidationException(CampaignAdminMessages.NoPublishedForm);
            }

            Validate(Details(campaign));
            if (campaign.SubmissionDeadlineUtc <= clock.GetUtcNow().UtcDateTime)
            {
                throw new PortalValidationException(CampaignAdminMessages.DeadlineInPast);
            }

            campaign.State = CampaignState.Open;
        }, "open", cancellationToken);

    /// <summary>Open → Closed: no new reports and no saves; DLA can open it again (e.g. after moving the deadline).</summary>
    public Task<CampaignAdminView> CloseAsync(ClaimsPrincipal user, int campaignId, CancellationToken cancellationToken = default) =>
        ChangeStateAsync(user, campaignId, (_, campaign) =>
        {
            if (campaign.State != CampaignState.Open)
            {
                throw new PortalConflictException(CampaignAdminMessages.CannotClose);
            }

            campaign.State = CampaignState.Closed;
            return Task.CompletedTask;
        }, "close", cancellationToken);

    /// <summary>The rules every saved campaign keeps, in the order an officer would fix them.</summary>
    public static void Validate(CampaignDetails details)
    {
        ArgumentNullException.ThrowIfNull(details);
        if (string.IsNullOrWhiteSpace(details.Title))
        {
            throw new PortalValidationException(CampaignAdminMessages.TitleRequired);
        }

        if (details.Title.Length > 500)
        {
            throw new PortalValidationException(CampaignAdminMessages.TitleTooLong);
        }

        if (details.FiscalYear is < MinFiscalYear or > MaxFiscalYear)
        {
            throw new PortalValidationException(CampaignAdminMessages.FiscalYearImplausible);
        }

        if (string.IsNullOrWhiteSpace(details.LetterNo))
        {
            throw new PortalValidationException(CampaignAdminMessages.LetterRequired);
        }

        if (details.LetterNo.Length > 100)
        {
            throw new PortalValidationException(CampaignAdminMessages.LetterTooLong);
        }

        if (details.LetterDateUtc > details.SubmissionDeadlineUtc)
        {
            throw new PortalValidationException(CampaignAdminMessages.LetterAfterDeadline);
        }

        if (details.SubmissionDeadlineUtc > details.DlaDeadlineUtc)
        {
            throw new PortalValidationException(CampaignAdminMessages.SubmissionAfterDla);
        }
    }

    /// <summary>
    /// A date typed in the other era (2569 as a Gregorian year through the API, say) lies 543 years away and is
    /// never meant (decision 0019); only the dates being set now are checked, so an old round stays editable.
    /// </summary>
    private void RequireNoEraSlip(CampaignDetails details, CampaignDetails? before)
    {
        var today = ThaiTime.Today(clock);
        foreach (var (value, old, th, en) in new[]
                 {
                     (details.LetterDateUtc, before?.LetterDateUtc, "วันที่ของหนังสือสั่งการ", "The circular letter's date"),
                     (details.SubmissionDeadlineUtc, before?.SubmissionDeadlineUtc, "กำหนดส่งรายงานของเทศบาล", "The municipalities' deadline"),
                     (details.DlaDeadlineUtc, before?.DlaDeadlineUtc, "กำหนดส่งถึงกรม", "The deadline for reaching DLA"),
                 })
        {
            if (value != old && DateEra.Message(ThaiTime.BangkokDate(value), today) is { } slip)
            {
                throw new PortalValidationException(new PortalMessage(slip.Code, $"{th}: {slip.Th}", $"{en}: {slip.En}"));
            }
        }
    }

    private async Task<CampaignAdminView> ChangeStateAsync(
        ClaimsPrincipal user, int campaignId, Func<PortalDbContext, Campaign, Task> change, string action, CancellationToken cancellationToken)
    {
        var actor = Require(user);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var campaign = await db.Campaigns.SingleOrDefaultAsync(c => c.Id == campaignId, cancellationToken)
            ?? throw new PortalNotFoundException(WorkflowMessages.CampaignNotFound);
        await change(db, campaign);
        db.CampaignEvents.Add(CampaignEvents.New(campaign, action, actor.UserName, clock.GetUtcNow().UtcDateTime));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new PortalStaleException(CampaignAdminMessages.Stale);
        }

        return await ViewAsync(db, campaign, cancellationToken);
    }

    private static async Task RequireNoOfficeAfterAsync(PortalDbContext db, int campaignId, DateTime submissionDeadlineUtc, CancellationToken cancellationToken)
    {
        var later = await OfficeDeadlinesAsync(db, campaignId, cancellationToken);
        var offending = later.Where(o => o.DeadlineUtc > submissionDeadlineUtc).ToList();
        if (offending.Count > 0)
        {
            throw new PortalValidationException(CampaignAdminMessages.DeadlineBeforeOffices(
                offending.Select(o => (o.NameTh, o.NameEn ?? o.NameTh, o.DeadlineUtc)).ToList()));
        }
    }

    private static async Task<List<OfficeDeadline>> OfficeDeadlinesAsync(PortalDbContext db, int campaignId, CancellationToken cancellationToken)
    {
        var rows = await db.TierDeadlines.AsNoTracking()
            .Where(t => t.CampaignId == campaignId)
            .Select(t => new { t.OrgUnitId, t.OrgUnit!.Code, t.OrgUnit.NameTh, t.OrgUnit.NameEn, t.OrgUnit.Path, t.DeadlineUtc })
            .ToListAsync(cancellationToken);
        return rows.OrderBy(r => r.Path, StringComparer.Ordinal)
            .Select(r => new OfficeDeadline(r.OrgUnitId, r.Code, r.NameTh, r.NameEn, DateTime.SpecifyKind(r.DeadlineUtc, DateTimeKind.Utc)))
            .ToList();
    }

    private static async Task<CampaignAdminView> ViewAsync(PortalDbContext db, Campaign c, CancellationToken cancellationToken)
    {
        var published = await FormService.LatestPublished(db, c.Id).Select(f => (int?)f.Version).FirstOrDefaultAsync(cancellationToken);
        var hasDraft = await db.FormDefinitionVersions.AnyAsync(f => f.CampaignId == c.Id && f.PublishedUtc == null, cancellationToken);
        return new CampaignAdminView(c.Id, c.State, Details(c), c.ConcurrencyToken, published, hasDraft, await OfficeDeadlinesAsync(db, c.Id, cancellationToken));
    }

    private static CampaignDetails Details(Campaign c) =>
        new(c.Title, c.FiscalYear, c.LetterNo, Utc(c.LetterDateUtc), Utc(c.SubmissionDeadlineUtc), Utc(c.DlaDeadlineUtc), c.PaperCopyRequired, c.Routing);

    private static CampaignDetails Normalise(CampaignDetails details)
    {
        ArgumentNullException.ThrowIfNull(details);
        return details with
        {
            Title = (details.Title ?? "").Trim(),
            LetterNo = (details.LetterNo ?? "").Trim(),
            LetterDateUtc = Utc(details.LetterDateUtc),
            SubmissionDeadlineUtc = Utc(details.SubmissionDeadlineUtc),
            DlaDeadlineUtc = Utc(details.DlaDeadlineUtc),
            Routing = details.Routing ?? RoutingRule.Default,
        };
    }

    private static DateTime Utc(DateTime value) => value.Kind switch
    {
        DateTimeKind.Utc => value,
        DateTimeKind.Local => value.ToUniversalTime(),
        _ => DateTime.SpecifyKind(value, DateTimeKind.Utc),
    };

    private static PortalActor Require(ClaimsPrincipal user)
    {
        var actor = PortalActor.From(user);
        return actor.Tier is Tier.Dla or Tier.Admin ? actor : throw new PortalAccessDeniedException(CampaignAdminMessages.Forbidden);
    }
}
