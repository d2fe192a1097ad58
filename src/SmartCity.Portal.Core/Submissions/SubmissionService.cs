using System.Security.Claims;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SmartCity.Portal.Audit;
using SmartCity.Portal.Campaigns;
using SmartCity.Portal.Common;
using SmartCity.Portal.Data;
using SmartCity.Portal.Organisations;
using SmartCity.Portal.Security;
using SmartCity.Portal.Submissions.Workflow;

namespace SmartCity.Portal.Submissions;

/// <summary>
/// Every read and every move of a submission. Pages, API endpoints and the lapse sweep all come
/// through here; each call is checked by role and jurisdiction, and every state change writes its
/// audit event in the same SaveChanges (one transaction) under the submission's concurrency token.
/// </summary>
public sealed class SubmissionService(IDbContextFactory<PortalDbContext> dbFactory, TimeProvider clock, SubmissionChangeNotifier notifier)
{
    public const int MaxPageSize = 200;

    /// <summary>What the sweep writes on a lapsed report (the synthetic data set writes the same words).</summary>
    internal const string LapseComment = "พ้นกำหนดเวลา ถือว่าไม่ประสงค์เข้าร่วมการคัดเลือก";

    public async Task<SubmissionDetail> CreateOrGetAsync(ClaimsPrincipal user, int campaignId, CancellationToken cancellationToken = default)
    {
        var actor = PortalActor.From(user);
        if (actor.Tier != Tier.Municipality)
        {
            throw new PortalAccessDeniedException(WorkflowMessages.NotYourRole);
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var campaign = await db.Campaigns.AsNoTracking().SingleOrDefaultAsync(c => c.Id == campaignId, cancellationToken)
            ?? throw new PortalNotFoundException(WorkflowMessages.CampaignNotFound);
        var existing = await db.Submissions.AsNoTracking()
            .Where(s => s.CampaignId == campaignId && s.MunicipalityId == actor.OrgUnitId).Select(s => (int?)s.Id).SingleOrDefaultAsync(cancellationToken);
        if (existing is { } id)
        {
            return await GetAsync(user, id, cancellationToken);
        }

        if (campaign.State != CampaignState.Open)
        {
            throw new PortalValidationException(WorkflowMessages.CampaignNotOpen);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var submission = new Submission
        {
            CampaignId = campaignId,
            // The report keeps the form it started on, whatever DLA publishes later.
            FormVersionId = await Forms.FormService.LatestPublished(db, campaignId).Select(f => (int?)f.Id).FirstOrDefaultAsync(cancellationToken),
            MunicipalityId = actor.OrgUnitId,
            State = SubmissionState.Draft,
            HolderOrgUnitId = actor.OrgUnitId,
            CreatedUtc = now,
            UpdatedUtc = now,
        };
        db.Submissions.Add(submission);
        try
        {
            // The row and its first audit event land together or not at all.
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            db.WorkflowEvents.Add(NewEvent(submission, actor, "create", SubmissionState.Draft, SubmissionState.Draft, null, now));
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Two tabs pressed "start" at once: the unique index let one in; answer with that one.
            if (!await ExistsAsync(campaignId, actor.OrgUnitId, cancellationToken))
            {
                throw;
            }
        }

        var createdId = await ExistingIdAsync(campaignId, actor.OrgUnitId, cancellationToken);
        notifier.Changed(createdId);
        return await GetAsync(user, createdId, cancellationToken);
    }

    public async Task<SubmissionDetail> GetAsync(ClaimsPrincipal user, int submissionId, CancellationToken cancellationToken = default)
    {
        var actor = PortalActor.From(user);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var s = await Visible(db, actor).AsNoTracking()
            .Include(x => x.Campaign).Include(x => x.Municipality).Include(x => x.Holder)
            .SingleOrDefaultAsync(x => x.Id == submissionId, cancellationToken)
            ?? throw new PortalNotFoundException(WorkflowMessages.SubmissionNotFound);
        var context = await ContextAsync(db, s, actor, null, null, cancellationToken);
        var returnedBy = s.ReturnedByOrgUnitId is { } r
            ? await db.OrgUnits.AsNoTracking().Where(o => o.Id == r).Select(o => new OrgRef(o.Id, o.Code, o.NameTh, o.NameEn)).SingleAsync(cancellationToken)
            : null;
        var history = await (
                from e in db.WorkflowEvents.AsNoTracking()
                where e.SubmissionId == s.Id
                join u in db.Users on e.UserId equals u.Id into users
                from u in users.DefaultIfEmpty()
                join o in db.OrgUnits on e.ActingOrgUnitId equals o.Id into offices
                from o in offices.DefaultIfEmpty()
                orderby e.Sequence
                select new SubmissionEventView(
                    e.Sequence, e.Action, e.FromState, e.ToState, e.UserName, e.ActingOrgUnitId, e.Comment, e.OccurredUtc,
                    u == null ? null : u.DisplayName, o == null ? null : o.NameTh, o == null ? null : o.NameEn))
            .ToListAsync(cancellationToken);
        var m = s.Municipality!;
        // The office a forward would hand it to, so that a confirmation can name it ("… ไปยัง สำนักงาน…จังหวัดกระบี่?").
        OrgRef? forwardTo = null;
        if (SubmissionWorkflow.Destination(WorkflowAction.Forward, context) is { } next)
        {
            var nextHolderId = await HolderIdAsync(db, s, next, cancellationToken);
            forwardTo = await db.OrgUnits.AsNoTracking().Where(o => o.Id == nextHolderId).Select(o => new OrgRef(o.Id, o.Code, o.NameTh, o.NameEn)).SingleAsync(cancellationToken);
        }

        return new SubmissionDetail(
            s.Id, s.CampaignId, Ref(m), m.Class, m.ProvinceCode, m.DistrictCode, s.State, Ref(s.Holder!), returnedBy, s.ReferenceNo, s.AnswersJson,
            context.EffectiveDeadlineUtc, s.ExtendedDeadlineUtc, s.PaperCopyReceivedUtc, s.SubmittedUtc, s.CreatedUtc, s.UpdatedUtc, s.ConcurrencyToken,
            SubmissionWorkflow.PermittedActions(context), history, m.IsDemo, m.IsSynthetic, s.FormVersionId,
            forwardTo, SubmissionWorkflow.ForwardNeedsDispatch(context), context.PaperCopyRequired);
    }

    /// <summary>A page of the submissions within the caller's jurisdiction, filtered and counted by the database.</summary>
    public async Task<PagedResult<SubmissionListItem>> ListAsync(ClaimsPrincipal user, SubmissionQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var actor = PortalActor.From(user);
        var page = Math.Max(1, query.Page);
        var pageSize = Math.Clamp(query.PageSize, 1, MaxPageSize);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var q = Visible(db, actor).AsNoTracking();
        if (query.CampaignId is { } campaignId)
        {
            q = q.Where(s => s.CampaignId == campaignId);
        }

        if (query.State is { } state)
        {
            q = q.Where(s => s.State == state);
        }

        if (!string.IsNullOrWhiteSpace(query.ProvinceCode))
        {
            q = q.Where(s => s.Municipality!.ProvinceCode == query.ProvinceCode);
        }

        if (!string.IsNullOrWhiteSpace(query.DistrictCode))
        {
            q = q.Where(s => s.Municipality!.DistrictCode == query.DistrictCode);
        }

        var total = await q.CountAsync(cancellationToken);
        var items = await q
            .OrderBy(s => s.Municipality!.ProvinceCode).ThenBy(s => s.Municipality!.DistrictCode).ThenBy(s => s.Municipality!.Code)
            .Skip((page - 1) * pageSize).Take(pageSize)
            .Select(s => new SubmissionListItem(
                s.Id, s.CampaignId,
                new OrgRef(s.MunicipalityId, s.Municipality!.Code, s.Municipality.NameTh, s.Municipality.NameEn),
                s.Municipality.Class, s.Municipality.ProvinceCode, s.Municipality.DistrictCode, s.State,
                new OrgRef(s.HolderOrgUnitId, s.Holder!.Code, s.Holder.NameTh, s.Holder.NameEn),
                s.ReferenceNo, s.SubmittedUtc, s.UpdatedUtc, s.Municipality.IsDemo, s.Municipality.IsSynthetic))
            .ToListAsync(cancellationToken);
        return new PagedResult<SubmissionListItem>(items, total, page, pageSize);
    }

    /// <summary>Saves draft answers as given (a JSON object), only by the municipality holding the draft.</summary>
    public async Task<Guid> SaveAnswersAsync(ClaimsPrincipal user, int submissionId, Guid concurrencyToken, string answersJson, CancellationToken cancellationToken = default)
    {
        var actor = PortalActor.From(user);
        if (!IsJsonObject(answersJson))
        {
            throw new PortalValidationException(WorkflowMessages.AnswersNotJson);
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var s = await Visible(db, actor).SingleOrDefaultAsync(x => x.Id == submissionId, cancellationToken)
            ?? throw new PortalNotFoundException(WorkflowMessages.SubmissionNotFound);
        if (actor.Tier != Tier.Municipality)
        {
            throw new PortalAccessDeniedException(WorkflowMessages.NotYourRole);
        }

        if (s.State is not (SubmissionState.Draft or SubmissionState.Returned))
        {
            throw s.ConcurrencyToken != concurrencyToken
                ? new PortalStaleException(WorkflowMessages.Stale)
                : new PortalConflictException(WorkflowMessages.NotInState);
        }

        // A half-done draft always saves; only what can never become valid (wrong types, past limits,
        // unknown fields, another report's files) is refused, each at its own field path.
        await CheckAnswersAsync(db, s, answersJson, complete: false, cancellationToken);

        // The caller's token becomes the original value: the UPDATE only matches the row they read.
        db.Entry(s).Property(x => x.ConcurrencyToken).OriginalValue = concurrencyToken;
        s.AnswersJson = answersJson;
        s.UpdatedUtc = clock.GetUtcNow().UtcDateTime;
        await SaveOrStaleAsync(db, cancellationToken);
        notifier.Changed(s.Id);
        return s.ConcurrencyToken;
    }

    public async Task<ActionResult> ActAsync(ClaimsPrincipal user, int submissionId, ActionRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var actor = PortalActor.From(user);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var s = await Visible(db, actor)
            .Include(x => x.Campaign).Include(x => x.Municipality)
            .SingleOrDefaultAsync(x => x.Id == submissionId, cancellationToken)
            ?? throw new PortalNotFoundException(WorkflowMessages.SubmissionNotFound);
        var context = await ContextAsync(db, s, actor, request.Comment, request.ExtendedDeadlineUtc, cancellationToken);
        var decision = SubmissionWorkflow.Decide(request.Action, context);
        if (!decision.Allowed && request.ConcurrencyToken != s.ConcurrencyToken)
        {
            // The refusal is about a state the caller never saw (someone acted since they read it):
            // "someone else changed this, reload" is the answer that helps them, not "not yours".
            throw new PortalStaleException(WorkflowMessages.Stale);
        }

        ThrowIfRefused(decision);
        if (request.Action is WorkflowAction.Submit or WorkflowAction.Resubmit)
        {
            // Every rule of the report's own form version, on the server, whoever calls: page or API.
            await CheckAnswersAsync(db, s, s.AnswersJson, complete: true, cancellationToken);
        }

        db.Entry(s).Property(x => x.ConcurrencyToken).OriginalValue = request.ConcurrencyToken;
        var e = await ApplyAsync(db, s, actor, request.Action, decision.To, request.Comment, request.ExtendedDeadlineUtc, context.NowUtc, cancellationToken);
        await SaveOrStaleAsync(db, cancellationToken);
        notifier.Changed(s.Id);
        return new ActionResult(s.Id, s.State, s.ConcurrencyToken, e.Id);
    }

    /// <summary>
    /// The lapse sweep: Draft and Returned submissions whose deadline has passed become Lapsed.
    /// Each is saved on its own under its concurrency token, so two sweeps running at once lapse
    /// each submission once (the second one's UPDATE matches no row and is skipped).
    /// </summary>
    public async Task<int> LapseOverdueAsync(CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        List<int> candidates;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            // Coarse filter in the database (nothing is overdue before the earliest possible
            // deadline); the exact per-municipality deadline is decided below by the workflow.
            candidates = await db.Submissions.AsNoTracking()
                .Where(s => s.State == SubmissionState.Draft || s.State == SubmissionState.Returned)
                .Where(s => s.Campaign!.State == CampaignState.Open || s.Campaign.State == CampaignState.Closed)
                .Where(s => (s.ExtendedDeadlineUtc ?? s.Campaign!.SubmissionDeadlineUtc) <= now
                    || db.Set<TierDeadline>().Any(t => t.CampaignId == s.CampaignId && t.DeadlineUtc <= now && s.ExtendedDeadlineUtc == null))
                .Select(s => s.Id)
                .ToListAsync(cancellationToken);
        }

        var lapsed = 0;
        foreach (var id in candidates)
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var s = await db.Submissions.Include(x => x.Campaign).Include(x => x.Municipality).SingleAsync(x => x.Id == id, cancellationToken);
            var context = await ContextAsync(db, s, null, null, null, cancellationToken);
            var decision = SubmissionWorkflow.Decide(WorkflowAction.Lapse, context);
            if (!decision.Allowed)
            {
                continue;
            }

            await ApplyAsync(db, s, null, WorkflowAction.Lapse, decision.To, LapseComment, now, now, cancellationToken);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                lapsed++;
                notifier.Changed(s.Id);
            }
            catch (DbUpdateConcurrencyException)
            {
                // Another sweep (or a last-second action) got there first: its outcome stands.
            }
        }

        return lapsed;
    }

    /// <summary>
    /// The workflow's decision on an action for a submission tracked by <paramref name="db"/>, from the
    /// same context <see cref="ActAsync"/> builds: for callers that move several submissions in one
    /// transaction (a dispatch to DLA) and must follow exactly the same rules.
    /// </summary>
    /// <remarks><paramref name="byDispatch"/>: the forward travels under a cover letter; only DispatchService says so (decision 0018).</remarks>
    internal async Task<(WorkflowDecision Decision, DateTime NowUtc)> DecideAsync(
        PortalDbContext db, Submission s, PortalActor actor, WorkflowAction action, string? comment, bool byDispatch, CancellationToken cancellationToken)
    {
        var context = await ContextAsync(db, s, actor, comment, null, cancellationToken) with { ByDispatch = byDispatch };
        return (SubmissionWorkflow.Decide(action, context), context.NowUtc);
    }

    internal static async Task<WorkflowEvent> ApplyAsync(
        PortalDbContext db, Submission s, PortalActor? actor, WorkflowAction action, SubmissionState to, string? comment, DateTime? extendedDeadline, DateTime now, CancellationToken cancellationToken)
    {
        var from = s.State;
        if (action == WorkflowAction.Extend)
        {
            s.ExtendedDeadlineUtc = extendedDeadline;
        }

        if (action == WorkflowAction.Return)
        {
            s.ReturnedByOrgUnitId = s.HolderOrgUnitId;
        }

        if (action is WorkflowAction.Submit or WorkflowAction.Resubmit)
        {
            s.SubmittedUtc = now;
            s.ReferenceNo ??= $"SC{s.Campaign!.FiscalYear}-{s.Municipality!.ProvinceCode}-{s.Id:0000}";
        }

        s.State = to;
        s.HolderOrgUnitId = await HolderIdAsync(db, s, to, cancellationToken);
        s.UpdatedUtc = now;
        var e = NewEvent(s, actor, WorkflowActions.Name(action), from, to, comment, now);
        db.WorkflowEvents.Add(e);
        return e;
    }

    internal static WorkflowEvent NewEvent(Submission s, PortalActor? actor, string action, SubmissionState from, SubmissionState to, string? comment, DateTime now)
    {
        var e = new WorkflowEvent
        {
            SubmissionId = s.Id,
            Sequence = s.EventCount + 1,
            UserId = actor?.UserId ?? "system",
            UserName = actor?.UserName ?? "system",
            ActingOrgUnitId = actor?.OrgUnitId,
            Action = action,
            FromState = from.ToString(),
            ToState = to.ToString(),
            Comment = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim(),
            OccurredUtc = now,
            PreviousHash = s.LastEventHash ?? AuditChain.Genesis,
            Hash = "",
        };
        e.Hash = AuditChain.ComputeHash(e);
        s.EventCount = e.Sequence;
        s.LastEventHash = e.Hash;
        return e;
    }

    private static async Task<int> HolderIdAsync(PortalDbContext db, Submission s, SubmissionState state, CancellationToken cancellationToken)
    {
        var m = s.Municipality!;
        return SubmissionWorkflow.HolderTier(state) switch
        {
            Tier.Municipality => m.Id,
            Tier.District => await db.OrgUnits.Where(o => o.Kind == OrgUnitKind.DistrictOffice && o.Code == m.DistrictCode).Select(o => o.Id).SingleAsync(cancellationToken),
            Tier.Province => await db.OrgUnits.Where(o => o.Kind == OrgUnitKind.ProvinceOffice && o.Code == m.ProvinceCode).Select(o => o.Id).SingleAsync(cancellationToken),
            Tier.Dla => await db.OrgUnits.Where(o => o.Code == OrgTreeSeeder.DivisionCode).Select(o => o.Id).SingleAsync(cancellationToken),
            _ => s.HolderOrgUnitId, // terminal states keep the last holder for the record
        };
    }

    private async Task<WorkflowContext> ContextAsync(PortalDbContext db, Submission s, PortalActor? actor, string? comment, DateTime? requestedDeadline, CancellationToken cancellationToken)
    {
        var campaign = s.Campaign ?? await db.Campaigns.AsNoTracking().SingleAsync(c => c.Id == s.CampaignId, cancellationToken);
        var municipality = s.Municipality ?? await db.OrgUnits.AsNoTracking().SingleAsync(o => o.Id == s.MunicipalityId, cancellationToken);
        var deadline = s.ExtendedDeadlineUtc ?? await Deadlines.EffectiveForPathAsync(db, campaign, municipality.Path, cancellationToken);
        var returnedByKind = s.ReturnedByOrgUnitId is { } r
            ? await db.OrgUnits.AsNoTracking().Where(o => o.Id == r).Select(o => (OrgUnitKind?)o.Kind).SingleOrDefaultAsync(cancellationToken)
            : null;
        return new WorkflowContext
        {
            State = s.State,
            MunicipalityClass = municipality.Class ?? MunicipalityClass.Subdistrict,
            Routing = campaign.Routing,
            CampaignState = campaign.State,
            ReturnedByTier = returnedByKind switch
            {
                OrgUnitKind.DistrictOffice => Tier.District,
                OrgUnitKind.ProvinceOffice => Tier.Province,
                OrgUnitKind.Division or OrgUnitKind.Department => Tier.Dla,
                _ => null,
            },
            Actor = actor,
            ActorIsHolder = actor is not null && actor.OrgUnitId == s.HolderOrgUnitId,
            NowUtc = clock.GetUtcNow().UtcDateTime,
            EffectiveDeadlineUtc = deadline,
            DlaDeadlineUtc = campaign.DlaDeadlineUtc,
            HasAnswers = HasAnswers(s.AnswersJson),
            PaperCopyRequired = campaign.PaperCopyRequired,
            PaperCopyReceived = s.PaperCopyReceivedUtc is not null,
            Comment = comment,
            RequestedDeadlineUtc = requestedDeadline,
        };
    }

    /// <summary>
    /// What lies in the caller's subtree, plus what the caller's office holds: a campaign may route a
    /// town municipality (which hangs under the province) through its district, and that district
    /// must then see the report it has to forward.
    /// </summary>
    internal static IQueryable<Submission> Visible(PortalDbContext db, PortalActor actor) =>
        db.Submissions.Where(s => s.Municipality!.Path.StartsWith(actor.OrgUnitPath) || s.HolderOrgUnitId == actor.OrgUnitId);

    /// <summary>
    /// Checks answers against the form version the report started on. A report begun before its campaign had
    /// a form (<see cref="Submission.FormVersionId"/> null) keeps the free JSON object it started with: there is
    /// no definition to hold it to, and refusing it now would strand work that was accepted when typed.
    /// </summary>
    private static async Task CheckAnswersAsync(PortalDbContext db, Submission s, string answersJson, bool complete, CancellationToken cancellationToken)
    {
        if (s.FormVersionId is not { } formVersionId)
        {
            return;
        }

        var definitionJson = await db.FormDefinitionVersions.AsNoTracking().Where(f => f.Id == formVersionId).Select(f => f.Json).SingleAsync(cancellationToken);
        var definition = Forms.FormJson.Deserialize(definitionJson);
        var own = (await db.Attachments.AsNoTracking().Where(a => a.SubmissionId == s.Id && a.DeletedUtc == null).Select(a => a.Id).ToListAsync(cancellationToken))
            .ToHashSet();
        var errors = complete
            ? Forms.FormValidator.ValidateForSubmit(definition, answersJson, own)
            : Forms.FormValidator.ValidateForSave(definition, answersJson, own);
        if (errors.Count > 0)
        {
            throw new Forms.FormAnswersInvalidException(errors);
        }
    }

    private static void ThrowIfRefused(WorkflowDecision decision)
    {
        if (decision.Allowed)
        {
            return;
        }

        var message = decision.Message!;
        throw decision.Refusal switch
        {
            RefusalKind.Forbidden => new PortalAccessDeniedException(message),
            RefusalKind.NotPermittedInState => new PortalConflictException(message),
            RefusalKind.NotFound => new PortalNotFoundException(message),
            _ => new PortalValidationException(message),
        };
    }

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

    private async Task<bool> ExistsAsync(int campaignId, int municipalityId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Submissions.AnyAsync(s => s.CampaignId == campaignId && s.MunicipalityId == municipalityId, cancellationToken);
    }

    private async Task<int> ExistingIdAsync(int campaignId, int municipalityId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Submissions.Where(s => s.CampaignId == campaignId && s.MunicipalityId == municipalityId).Select(s => s.Id).SingleAsync(cancellationToken);
    }

    private static OrgRef Ref(OrgUnit o) => new(o.Id, o.Code, o.NameTh, o.NameEn);

    private static bool IsJsonObject(string json) => ParseObject(json) is not null;

    private static bool HasAnswers(string json) => ParseObject(json) is > 0;

    /// <summary>The number of properties when the text is a JSON object; null when it is anything else.</summary>
    private static int? ParseObject(string json)
    {
        try
        {
            using var doc = JsonDocument.Parse(json);
            return doc.RootElement.ValueKind == JsonValueKind.Object ? doc.RootElement.EnumerateObject().Count() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
