using SmartCity.Portal.Campaigns;
using SmartCity.Portal.Common;
using SmartCity.Portal.Organisations;
using SmartCity.Portal.Security;
using SmartCity.Portal.Submissions.Routing;
using Stateless;
using Stateless.Graph;
using Stateless.Reflection;

namespace SmartCity.Portal.Submissions.Workflow;

/// <summary>Everything a decision needs, gathered by the service; the workflow itself reads no database.</summary>
public sealed record WorkflowContext
{
    public required SubmissionState State { get; init; }

    public required MunicipalityClass MunicipalityClass { get; init; }

    public required RoutingRule Routing { get; init; }

    public required CampaignState CampaignState { get; init; }

    /// <summary>The tier of the office that returned it, for resubmit.</summary>
    public Tier? ReturnedByTier { get; init; }

    /// <summary>Null for the system (the lapse sweep).</summary>
    public PortalActor? Actor { get; init; }

    public bool ActorIsHolder { get; init; }

    public required DateTime NowUtc { get; init; }

    public required DateTime EffectiveDeadlineUtc { get; init; }

    public required DateTime DlaDeadlineUtc { get; init; }

    public bool HasAnswers { get; init; }

    public bool PaperCopyRequired { get; init; }

    public bool PaperCopyReceived { get; init; }

    /// <summary>
    /// The forward travels under a cover letter (set only by DispatchService): on a round that wants the paper
    /// copy, the letter is how a report reaches DLA (decision 0018).
    /// </summary>
    public bool ByDispatch { get; init; }

    public string? Comment { get; init; }

    public DateTime? RequestedDeadlineUtc { get; init; }
}

public sealed record WorkflowDecision(bool Allowed, SubmissionState To, RefusalKind? Refusal, PortalMessage? Message)
{
    public static WorkflowDecision Allow(SubmissionState to) => new(true, to, null, null);

    public static WorkflowDecision Refuse(RefusalKind kind, PortalMessage message) => new(false, default, kind, message);
}

/// <summary>
/// The one place that decides a submission's state. Stateless holds the structure (which action
/// exists in which state and where it leads, and draws the diagram); the guards below say who may
/// fire it and when, each refusal with its reason.
/// </summary>
public static class SubmissionWorkflow
{
    private static readonly Dictionary<Tier, WorkflowAction[]> ActionsByTier = new()
    {
        [Tier.Municipality] = [WorkflowAction.Submit, WorkflowAction.Resubmit, WorkflowAction.Withdraw],
        [Tier.District] = [WorkflowAction.Forward, WorkflowAction.Return, WorkflowAction.Extend],
        [Tier.Province] = [WorkflowAction.Forward, WorkflowAction.Return, WorkflowAction.Extend],
        [Tier.Dla] = [WorkflowAction.Accept, WorkflowAction.Return, WorkflowAction.Extend],
        [Tier.Admin] = [],
    };

    public static IReadOnlyList<WorkflowAction> UserActions { get; } =
        Enum.GetValues<WorkflowAction>().Where(a => a != WorkflowAction.Lapse).ToList();

    public static SubmissionState StateHeldBy(Tier tier) => tier switch
    {
        Tier.Municipality => SubmissionState.Draft,
        Tier.District => SubmissionState.AtDistrict,
        Tier.Province => SubmissionState.AtProvince,
        Tier.Dla => SubmissionState.AtDla,
        _ => throw new ArgumentOutOfRangeException(nameof(tier), tier, "No submission state is held by this tier."),
    };

    /// <summary>The tier that holds a submission in a state; null for the terminal states.</summary>
    public static Tier? HolderTier(SubmissionState state) => state switch
    {
        SubmissionState.Draft or SubmissionState.Returned => Tier.Municipality,
        SubmissionState.AtDistrict => Tier.District,
        SubmissionState.AtProvince => Tier.Province,
        SubmissionState.AtDla or SubmissionState.Accepted => Tier.Dla,
        _ => null,
    };

    public static WorkflowDecision Decide(WorkflowAction action, WorkflowContext context) => Decide(action, context, checkInputs: true);

    /// <summary>
    /// Whether forwarding goes to DLA under a cover letter (the dispatch, decision 0018): from the province, on a
    /// round that wants the paper copy. A page shows the permitted forward as "issue a dispatch letter" then.
    /// </summary>
    public static bool ForwardNeedsDispatch(WorkflowContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.State == SubmissionState.AtProvince && context.PaperCopyRequired;
    }

    /// <summary>Where a permitted action would take the report (its next state), to name the office it goes to; null when not permitted.</summary>
    public static SubmissionState? Destination(WorkflowAction action, WorkflowContext context)
    {
        var decision = Decide(action, context, checkInputs: false);
        return decision.Allowed ? decision.To : null;
    }

    /// <summary>The actions this actor could take now: exactly the buttons a page shows.</summary>
    public static IReadOnlyList<WorkflowAction> PermittedActions(WorkflowContext context) =>
        UserActions.Where(a => Decide(a, context, checkInputs: false).Allowed).ToList();

    private static WorkflowDecision Decide(WorkflowAction action, WorkflowContext c, bool checkInputs)
    {
        ArgumentNullException.ThrowIfNull(c);
        if (c.Actor is null ? action != WorkflowAction.Lapse : !ActionsByTier[c.Actor.Tier].Contains(action))
        {
            return WorkflowDecision.Refuse(RefusalKind.Forbidden, WorkflowMessages.NotYourRole);
        }

        var state = c.State;
        var machine = Build(() => state, s => state = s, c);
        if (!machine.CanFire(action))
        {
            return WorkflowDecision.Refuse(RefusalKind.NotPermittedInState, WorkflowMessages.NotInState);
        }

        // Extending is done from above; everything else only by the office holding the report.
        if (c.Actor is not null && action != WorkflowAction.Extend && !c.ActorIsHolder)
        {
            return WorkflowDecision.Refuse(RefusalKind.Forbidden, WorkflowMessages.NotHolder);
        }

        if (Validate(action, c, checkInputs) is { } invalid)
        {
            return WorkflowDecision.Refuse(RefusalKind.Invalid, invalid);
        }

        machine.Fire(action);
        return WorkflowDecision.Allow(state);
    }

    private static PortalMessage? Validate(WorkflowAction action, WorkflowContext c, bool checkInputs)
    {
        switch (action)
        {
            case WorkflowAction.Submit or WorkflowAction.Resubmit:
                if (c.CampaignState != CampaignState.Open)
                {
                    return WorkflowMessages.CampaignNotOpen;
                }

                // On time means strictly before: 16:29:59.999 is in, 16:30:00 is out.
                if (c.NowUtc >= c.EffectiveDeadlineUtc)
                {
                    return WorkflowMessages.DeadlinePassed;
                }

                return action == WorkflowAction.Submit && !c.HasAnswers ? WorkflowMessages.AnswersRequired : null;
            case WorkflowAction.Forward when c.State == SubmissionState.AtProvince:
                if (c.NowUtc >= c.DlaDeadlineUtc)
                {
                    return WorkflowMessages.DlaDeadlinePassed;
                }

                if (c.PaperCopyRequired && !c.PaperCopyReceived)
                {
                    return WorkflowMessages.PaperCopyRequired;
                }

                // The cover letter is this forward's input, as the comment is a return's: permitted, with the
                // page gathering it (the dispatch flow); a forward without one is refused, however it comes.
                return checkInputs && ForwardNeedsDispatch(c) && !c.ByDispatch ? WorkflowMessages.DispatchRequired : null;
            case WorkflowAction.Return:
                return checkInputs && string.IsNullOrWhiteSpace(c.Comment) ? WorkflowMessages.CommentRequired : null;
            case WorkflowAction.Extend:
                if (!checkInputs)
                {
                    return null;
                }

                if (string.IsNullOrWhiteSpace(c.Comment))
                {
                    return WorkflowMessages.CommentRequired;
                }

                // A year in the other era is named as such (decision 0019), not as a date out of range.
                if (c.RequestedDeadlineUtc is { } asked && DateEra.Message(ThaiTime.BangkokDate(asked), ThaiTime.BangkokDate(c.NowUtc)) is { } slip)
                {
                    return slip;
                }

                return c.RequestedDeadlineUtc is not { } requested || requested <= c.EffectiveDeadlineUtc || requested <= c.NowUtc || requested > c.DlaDeadlineUtc
                    ? WorkflowMessages.ExtensionInvalid
                    : null;
            case WorkflowAction.Lapse:
                return c.NowUtc >= c.EffectiveDeadlineUtc ? null : WorkflowMessages.NotInState;
            default:
                return null;
        }
    }

    private static StateMachine<SubmissionState, WorkflowAction> Build(Func<SubmissionState> read, Action<SubmissionState> write, WorkflowContext? c)
    {
        var machine = new StateMachine<SubmissionState, WorkflowAction>(read, write);
        var firstHolder = new DynamicStateInfos();
        firstHolder.Add(SubmissionState.AtDistrict, "ตำบล (routing: via district)");
        firstHolder.Add(SubmissionState.AtProvince, "นคร / เมือง (routing: straight to province)");
        var backToReturner = new DynamicStateInfos();
        backToReturner.Add(SubmissionState.AtDistrict, "returned by district");
        backToReturner.Add(SubmissionState.AtProvince, "returned by province");
        backToReturner.Add(SubmissionState.AtDla, "returned by DLA");

        machine.Configure(SubmissionState.Draft)
            .PermitDynamic(WorkflowAction.Submit, () => StateHeldBy(c!.Routing.Next(c.MunicipalityClass, Tier.Municipality)), "routing rule of the campaign", firstHolder)
            .Permit(WorkflowAction.Withdraw, SubmissionState.Withdrawn)
            .Permit(WorkflowAction.Lapse, SubmissionState.Lapsed)
            .InternalTransition(WorkflowAction.Extend, () => { });
        machine.Configure(SubmissionState.AtDistrict)
            .Permit(WorkflowAction.Forward, SubmissionState.AtProvince)
            .Permit(WorkflowAction.Return, SubmissionState.Returned);
        machine.Configure(SubmissionState.AtProvince)
            .Permit(WorkflowAction.Forward, SubmissionState.AtDla)
            .Permit(WorkflowAction.Return, SubmissionState.Returned);
        machine.Configure(SubmissionState.AtDla)
            .Permit(WorkflowAction.Accept, SubmissionState.Accepted)
            .Permit(WorkflowAction.Return, SubmissionState.Returned);
        machine.Configure(SubmissionState.Returned)
            .PermitDynamic(WorkflowAction.Resubmit, () => StateHeldBy(c!.ReturnedByTier ?? Tier.District), "back to the office that returned it", backToReturner)
            .Permit(WorkflowAction.Withdraw, SubmissionState.Withdrawn)
            .Permit(WorkflowAction.Lapse, SubmissionState.Lapsed)
            .InternalTransition(WorkflowAction.Extend, () => { });
        return machine;
    }

    /// <summary>The structure of the state machine (states, fixed and dynamic transitions), for drawing it.</summary>
    public static StateMachineInfo GetInfo()
    {
        var state = SubmissionState.Draft;
        return Build(() => state, s => state = s, null).GetInfo();
    }

    /// <summary>The workflow as a Graphviz DOT graph, drawn from the state machine itself.</summary>
    public static string ToDotGraph()
    {
        return UmlDotGraph.Format(GetInfo());
    }
}
