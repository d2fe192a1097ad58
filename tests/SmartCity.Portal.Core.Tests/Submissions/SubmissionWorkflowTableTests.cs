using SmartCity.Portal.Campaigns;
using SmartCity.Portal.Common;
using SmartCity.Portal.Organisations;
using SmartCity.Portal.Security;
using SmartCity.Portal.Submissions;
using SmartCity.Portal.Submissions.Routing;
using SmartCity.Portal.Submissions.Workflow;

namespace SmartCity.Portal.Core.Tests.Submissions;

/// <summary>
/// The workflow decision as a pure function, checked cell by cell against tables written out from
/// DESIGN.md 4 (not derived from the code): every state × every action × every actor kind, for the
/// office holding the report and for one that does not.
/// </summary>
public sealed class SubmissionWorkflowTableTests
{
    // Cell legend: R = Forbidden (not the role's action, "not-your-role"); H = Forbidden (not the holder,
    // "not-holder"); S = NotPermittedInState; anything else = allowed, the name of the state it leads to.
    private static readonly WorkflowAction[] Columns =
    [
        WorkflowAction.Submit, WorkflowAction.Forward, WorkflowAction.Return, WorkflowAction.Resubmit,
        WorkflowAction.Withdraw, WorkflowAction.Accept, WorkflowAction.Extend, WorkflowAction.Lapse,
    ];

    private static readonly Dictionary<string, string[]> Tables = new(StringComparer.Ordinal)
    {
        // The base context: a ตำบล (routed via the district), returned earlier by the province, with
        // answers, comment, paper copy, its cover letter and a valid requested extension, well before every deadline.
        ["Municipality holder"] =
        [
            //          Submit     Forward Return Resubmit   Withdraw  Accept Extend Lapse
            "Draft      AtDistrict R       R      S          Withdrawn R      R      R",
            "AtDistrict S          R       R      S          S         R      R      R",
            "AtProvince S          R       R      S          S         R      R      R",
            "AtDla      S          R       R      S          S         R      R      R",
            "Returned   S          R       R      AtProvince Withdrawn R      R      R",
            "Accepted   S          R       R      S          S         R      R      R",
            "Withdrawn  S          R       R      S          S         R      R      R",
            "Lapsed     S          R       R      S          S         R      R      R",
        ],
        ["Municipality other"] =
        [
            "Draft      H          R       R      S          H         R      R      R",
            "AtDistrict S          R       R      S          S         R      R      R",
            "AtProvince S          R       R      S          S         R      R      R",
            "AtDla      S          R       R      S          S         R      R      R",
            "Returned   S          R       R      H          H         R      R      R",
            "Accepted   S          R       R      S          S         R      R      R",
            "Withdrawn  S          R       R      S          S         R      R      R",
            "Lapsed     S          R       R      S          S         R      R      R",
        ],
        ["District holder"] =
        [
            //          Submit Forward    Return   Resubmit Withdraw Accept Extend   Lapse
            "Draft      R      S          S        R        R        R      Draft    R",
            "AtDistrict R      AtProvince Returned R        R        R      S        R",
            "AtProvince R      AtDla      Returned R        R        R      S        R",
            "AtDla      R      S          Returned R        R        R      S        R",
            "Returned   R      S          S        R        R        R      Returned R",
            "Accepted   R      S          S        R        R        R      S        R",
            "Withdrawn  R      S          S        R        R        R      S        R",
            "Lapsed     R      S          S        R        R        R      S        R",
        ],
        ["District other"] =
        [
            "Draft      R      S          S        R        R        R      Draft    R",
            "AtDistrict R      H          H        R        R        R      S        R",
            "AtProvince R      H          H        R        R        R      S        R",
            "AtDla      R      S          H        R        R        R      S        R",
            "Returned   R      S          S        R        R        R      Returned R",
            "Accepted   R      S          S        R        R        R      S        R",
            "Withdrawn  R      S          S        R        R        R      S        R",
            "Lapsed     R      S          S        R        R        R      S        R",
        ],
        ["Province holder"] =
        [
            "Draft      R      S          S        R        R        R      Draft    R",
            "AtDistrict R      AtProvince Returned R        R        R      S        R",
            "AtProvince R      AtDla      Returned R        R        R      S        R",
            "AtDla      R      S          Returned R        R        R      S        R",
            "Returned   R      S          S        R        R        R      Returned R",
            "Accepted   R      S          S        R        R        R      S        R",
            "Withdrawn  R      S          S        R        R        R      S        R",
            "Lapsed     R      S          S        R        R        R      S        R",
        ],
        ["Province other"] =
        [
            "Draft      R      S          S        R        R        R      Draft    R",
            "AtDistrict R      H          H        R        R        R      S        R",
            "AtProvince R      H          H        R        R        R      S        R",
            "AtDla      R      S          H        R        R        R      S        R",
            "Returned   R      S          S        R        R        R      Returned R",
            "Accepted   R      S          S        R        R        R      S        R",
            "Withdrawn  R      S          S        R        R        R      S        R",
            "Lapsed     R      S          S        R        R        R      S        R",
        ],
        ["Dla holder"] =
        [
            //          Submit Forward Return   Resubmit Withdraw Accept   Extend   Lapse
            "Draft      R      R       S        R        R        S        Draft    R",
            "AtDistrict R      R       Returned R        R        S        S        R",
            "AtProvince R      R       Returned R        R        S        S        R",
            "AtDla      R      R       Returned R        R        Accepted S        R",
            "Returned   R      R       S        R        R        S        Returned R",
            "Accepted   R      R       S        R        R        S        S        R",
            "Withdrawn  R      R       S        R        R        S        S        R",
            "Lapsed     R      R       S        R        R        S        S        R",
        ],
        ["Dla other"] =
        [
            "Draft      R      R       S        R        R        S        Draft    R",
            "AtDistrict R      R       H        R        R        S        S        R",
            "AtProvince R      R       H        R        R        S        S        R",
            "AtDla      R      R       H        R        R        H        S        R",
            "Returned   R      R       S        R        R        S        Returned R",
            "Accepted   R      R       S        R        R        S        S        R",
            "Withdrawn  R      R       S        R        R        S        S        R",
            "Lapsed     R      R       S        R        R        S        S        R",
        ],
        ["Admin holder"] =
        [
            "Draft      R R R R R R R R",
            "AtDistrict R R R R R R R R",
            "AtProvince R R R R R R R R",
            "AtDla      R R R R R R R R",
            "Returned   R R R R R R R R",
            "Accepted   R R R R R R R R",
            "Withdrawn  R R R R R R R R",
            "Lapsed     R R R R R R R R",
        ],
        ["Admin other"] =
        [
            "Draft      R R R R R R R R",
            "AtDistrict R R R R R R R R",
            "AtProvince R R R R R R R R",
            "AtDla      R R R R R R R R",
            "Returned   R R R R R R R R",
            "Accepted   R R R R R R R R",
            "Withdrawn  R R R R R R R R",
            "Lapsed     R R R R R R R R",
        ],
        // The lapse sweep (no actor), after the deadline.
        ["System"] =
        [
            //          Submit Forward Return Resubmit Withdraw Accept Extend Lapse
            "Draft      R      R       R      R        R        R      R      Lapsed",
            "AtDistrict R      R       R      R        R        R      R      S",
            "AtProvince R      R       R      R        R        R      R      S",
            "AtDla      R      R       R      R        R        R      R      S",
            "Returned   R      R       R      R        R        R      R      Lapsed",
            "Accepted   R      R       R      R        R        R      R      S",
            "Withdrawn  R      R       R      R        R        R      R      S",
            "Lapsed     R      R       R      R        R        R      R      S",
        ],
    };

    private static readonly DateTime Now = WorkflowTestKit.Utc(2024, 8, 10, 3, 0);

    public static TheoryData<string, SubmissionState, WorkflowAction, string> Cells()
    {
        var data = new TheoryData<string, SubmissionState, WorkflowAction, string>();
        foreach (var (table, rows) in Tables)
        {
            Assert.Equal(Enum.GetValues<SubmissionState>().Length, rows.Length);
            foreach (var row in rows)
            {
                var cells = row.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                Assert.Equal(Columns.Length + 1, cells.Length);
                var state = Enum.Parse<SubmissionState>(cells[0]);
                for (var i = 0; i < Columns.Length; i++)
                {
                    data.Add(table, state, Columns[i], cells[i + 1]);
                }
            }
        }

        return data;
    }

    [Fact]
    public void The_tables_cover_every_state_action_and_actor()
    {
        var cells = Cells();
        Assert.Equal(11 * 8 * 8, cells.Count);
        Assert.Equal(Enum.GetValues<WorkflowAction>().Length, Columns.Length);
        Assert.Equal(Enum.GetValues<WorkflowAction>().Order(), Columns.Order());
        foreach (var tier in Enum.GetValues<Tier>())
        {
            Assert.Contains($"{tier} holder", Tables.Keys);
            Assert.Contains($"{tier} other", Tables.Keys);
        }
    }

    [Theory]
    [MemberData(nameof(Cells))]
    public void Decide_matches_the_table(string table, SubmissionState state, WorkflowAction action, string expected)
    {
        var context = ContextFor(table, state);

        var decision = SubmissionWorkflow.Decide(action, context);

        switch (expected)
        {
            case "R":
                AssertRefused(decision, RefusalKind.Forbidden, WorkflowMessages.NotYourRole);
                break;
            case "H":
                AssertRefused(decision, RefusalKind.Forbidden, WorkflowMessages.NotHolder);
                break;
            case "S":
                AssertRefused(decision, RefusalKind.NotPermittedInState, WorkflowMessages.NotInState);
                break;
            default:
                Assert.True(decision.Allowed, $"{table} / {state} / {action}: refused {decision.Refusal} {decision.Message?.Code}");
                Assert.Equal(Enum.Parse<SubmissionState>(expected), decision.To);
                Assert.Null(decision.Refusal);
                Assert.Null(decision.Message);
                break;
        }
    }

    [Theory]
    [InlineData(MunicipalityClass.City, SubmissionState.AtProvince)]
    [InlineData(MunicipalityClass.Town, SubmissionState.AtProvince)]
    [InlineData(MunicipalityClass.Subdistrict, SubmissionState.AtDistrict)]
    public void Submit_goes_where_the_default_routing_sends_the_class(MunicipalityClass municipalityClass, SubmissionState expected)
    {
        var context = Base(Actor(Tier.Municipality), SubmissionState.Draft, holder: true) with { MunicipalityClass = municipalityClass };

        Assert.Equal(WorkflowDecision.Allow(expected), SubmissionWorkflow.Decide(WorkflowAction.Submit, context));
    }

    [Fact]
    public void Submit_follows_a_custom_routing_rule()
    {
        var townsViaDistrict = new RoutingRule(new Dictionary<MunicipalityClass, bool> { [MunicipalityClass.Town] = true, [MunicipalityClass.Subdistrict] = false });
        var context = Base(Actor(Tier.Municipality), SubmissionState.Draft, holder: true) with { Routing = townsViaDistrict };

        Assert.Equal(SubmissionState.AtDistrict, SubmissionWorkflow.Decide(WorkflowAction.Submit, context with { MunicipalityClass = MunicipalityClass.Town }).To);
        Assert.Equal(SubmissionState.AtProvince, SubmissionWorkflow.Decide(WorkflowAction.Submit, context with { MunicipalityClass = MunicipalityClass.Subdistrict }).To);
        Assert.Equal(SubmissionState.AtProvince, SubmissionWorkflow.Decide(WorkflowAction.Submit, context with { MunicipalityClass = MunicipalityClass.City }).To);
    }

    [Theory]
    [InlineData(Tier.District, SubmissionState.AtDistrict)]
    [InlineData(Tier.Province, SubmissionState.AtProvince)]
    [InlineData(Tier.Dla, SubmissionState.AtDla)]
    [InlineData(null, SubmissionState.AtDistrict)]
    public void Resubmit_goes_back_to_the_office_that_returned_it(Tier? returnedBy, SubmissionState expected)
    {
        var context = Base(Actor(Tier.Municipality), SubmissionState.Returned, holder: true) with { ReturnedByTier = returnedBy };

        Assert.Equal(WorkflowDecision.Allow(expected), SubmissionWorkflow.Decide(WorkflowAction.Resubmit, context));
    }

    public static TheoryData<string, Tier, SubmissionState, WorkflowAction, string> InvalidCases => new()
    {
        // return always needs a comment
        { "no comment", Tier.District, SubmissionState.AtDistrict, WorkflowAction.Return, "comment-required" },
        { "blank comment", Tier.District, SubmissionState.AtDistrict, WorkflowAction.Return, "comment-required" },
        { "no comment", Tier.Province, SubmissionState.AtProvince, WorkflowAction.Return, "comment-required" },
        { "no comment", Tier.Dla, SubmissionState.AtDla, WorkflowAction.Return, "comment-required" },
        // an extension needs a reason and a new deadline after the current one, in the future, by the DLA deadline
        { "no comment", Tier.District, SubmissionState.Draft, WorkflowAction.Extend, "comment-required" },
        { "blank comment", Tier.Province, SubmissionState.Returned, WorkflowAction.Extend, "comment-required" },
        { "no requested deadline", Tier.District, SubmissionState.Draft, WorkflowAction.Extend, "extension-invalid" },
        { "requested = current deadline", Tier.District, SubmissionState.Draft, WorkflowAction.Extend, "extension-invalid" },
        { "requested before now", Tier.Dla, SubmissionState.Draft, WorkflowAction.Extend, "extension-invalid" },
        { "requested after DLA deadline", Tier.Province, SubmissionState.Draft, WorkflowAction.Extend, "extension-invalid" },
        // submit needs answers and an open campaign, before the deadline
        { "no answers", Tier.Municipality, SubmissionState.Draft, WorkflowAction.Submit, "answers-required" },
        { "at the deadline", Tier.Municipality, SubmissionState.Draft, WorkflowAction.Submit, "deadline-passed" },
        { "after the deadline", Tier.Municipality, SubmissionState.Draft, WorkflowAction.Submit, "deadline-passed" },
        { "campaign closed", Tier.Municipality, SubmissionState.Draft, WorkflowAction.Submit, "campaign-not-open" },
        { "at the deadline", Tier.Municipality, SubmissionState.Returned, WorkflowAction.Resubmit, "deadline-passed" },
        { "campaign closed", Tier.Municipality, SubmissionState.Returned, WorkflowAction.Resubmit, "campaign-not-open" },
        // forward to DLA needs the paper copy (when required) and is due by the DLA deadline
        { "no paper copy", Tier.Province, SubmissionState.AtProvince, WorkflowAction.Forward, "paper-copy-required" },
        { "at the DLA deadline", Tier.Province, SubmissionState.AtProvince, WorkflowAction.Forward, "dla-deadline-passed" },
        // on a round that wants the paper copy, the province's forward to DLA is its dispatch letter (decision 0018)
        { "no cover letter", Tier.Province, SubmissionState.AtProvince, WorkflowAction.Forward, "dispatch-required" },
    };

    [Theory]
    [MemberData(nameof(InvalidCases))]
    public void Missing_or_late_inputs_are_invalid(string what, Tier tier, SubmissionState state, WorkflowAction action, string code)
    {
        var context = Base(Actor(tier), state, holder: true);
        context = what switch
        {
            "no comment" => context with { Comment = null },
            "blank comment" => context with { Comment = "   " },
            "no requested deadline" => context with { RequestedDeadlineUtc = null },
            "requested = current deadline" => context with { RequestedDeadlineUtc = context.EffectiveDeadlineUtc },
            "requested before now" => context with { EffectiveDeadlineUtc = Now.AddDays(-3), RequestedDeadlineUtc = Now.AddDays(-1) },
            "requested after DLA deadline" => context with { RequestedDeadlineUtc = context.DlaDeadlineUtc.AddTicks(1) },
            "no answers" => context with { HasAnswers = false },
            "at the deadline" => context with { EffectiveDeadlineUtc = Now },
            "after the deadline" => context with { EffectiveDeadlineUtc = Now.AddMilliseconds(-1) },
            "campaign closed" => context with { CampaignState = CampaignState.Closed },
            "no paper copy" => context with { PaperCopyReceived = false },
            "at the DLA deadline" => context with { DlaDeadlineUtc = Now },
            "no cover letter" => context with { ByDispatch = false },
            _ => throw new ArgumentOutOfRangeException(nameof(what), what, null),
        };

        var decision = SubmissionWorkflow.Decide(action, context);

        Assert.False(decision.Allowed);
        Assert.Equal(RefusalKind.Invalid, decision.Refusal);
        Assert.Equal(code, decision.Message?.Code);
    }

    [Fact]
    public void Boundaries_are_strict_one_tick_before_is_allowed()
    {
        var submit = Base(Actor(Tier.Municipality), SubmissionState.Draft, holder: true) with { EffectiveDeadlineUtc = Now.AddTicks(1) };
        Assert.True(SubmissionWorkflow.Decide(WorkflowAction.Submit, submit).Allowed);

        var forward = Base(Actor(Tier.Province), SubmissionState.AtProvince, holder: true) with { DlaDeadlineUtc = Now.AddTicks(1) };
        Assert.True(SubmissionWorkflow.Decide(WorkflowAction.Forward, forward).Allowed);

        var extendToDlaDeadline = Base(Actor(Tier.District), SubmissionState.Draft, holder: false);
        extendToDlaDeadline = extendToDlaDeadline with { RequestedDeadlineUtc = extendToDlaDeadline.DlaDeadlineUtc };
        Assert.True(SubmissionWorkflow.Decide(WorkflowAction.Extend, extendToDlaDeadline).Allowed);

        var lapse = Base(null, SubmissionState.Draft, holder: false) with { EffectiveDeadlineUtc = Now };
        Assert.Equal(WorkflowDecision.Allow(SubmissionState.Lapsed), SubmissionWorkflow.Decide(WorkflowAction.Lapse, lapse));
        var notYet = lapse with { EffectiveDeadlineUtc = Now.AddTicks(1) };
        Assert.Equal(RefusalKind.Invalid, SubmissionWorkflow.Decide(WorkflowAction.Lapse, notYet).Refusal);
    }

    [Fact]
    public void The_paper_copy_is_only_needed_when_the_campaign_requires_it_and_only_towards_DLA()
    {
        // Without a paper copy to send, a plain electronic forward to DLA stays (decision 0018): no letter needed.
        var atProvince = Base(Actor(Tier.Province), SubmissionState.AtProvince, holder: true) with { PaperCopyRequired = false, PaperCopyReceived = false, ByDispatch = false };
        Assert.Equal(WorkflowDecision.Allow(SubmissionState.AtDla), SubmissionWorkflow.Decide(WorkflowAction.Forward, atProvince));
        Assert.False(SubmissionWorkflow.ForwardNeedsDispatch(atProvince));

        var atDistrict = Base(Actor(Tier.District), SubmissionState.AtDistrict, holder: true) with { PaperCopyReceived = false };
        Assert.Equal(WorkflowDecision.Allow(SubmissionState.AtProvince), SubmissionWorkflow.Decide(WorkflowAction.Forward, atDistrict));
    }

    [Fact]
    public void On_a_paper_copy_round_the_province_forwards_to_DLA_only_by_dispatch_letter()
    {
        var plain = Base(Actor(Tier.Province), SubmissionState.AtProvince, holder: true) with { ByDispatch = false };

        // The button is offered (the page gathers the letter, as it gathers a return's comment) and says it needs one...
        Assert.Contains(WorkflowAction.Forward, SubmissionWorkflow.PermittedActions(plain));
        Assert.True(SubmissionWorkflow.ForwardNeedsDispatch(plain));
        Assert.Equal(SubmissionState.AtDla, SubmissionWorkflow.Destination(WorkflowAction.Forward, plain));
        // ...but the forward itself, without the letter, is refused with the way to do it.
        var refused = SubmissionWorkflow.Decide(WorkflowAction.Forward, plain);
        Assert.Equal(RefusalKind.Invalid, refused.Refusal);
        Assert.Equal(WorkflowMessages.DispatchRequired, refused.Message);
        Assert.Contains("ออกหนังสือนำส่ง", refused.Message!.Th, StringComparison.Ordinal);
        Assert.Equal(WorkflowDecision.Allow(SubmissionState.AtDla), SubmissionWorkflow.Decide(WorkflowAction.Forward, plain with { ByDispatch = true }));

        // The district's forward to the province never needs one.
        var atDistrict = Base(Actor(Tier.District), SubmissionState.AtDistrict, holder: true) with { ByDispatch = false };
        Assert.False(SubmissionWorkflow.ForwardNeedsDispatch(atDistrict));
        Assert.Equal(WorkflowDecision.Allow(SubmissionState.AtProvince), SubmissionWorkflow.Decide(WorkflowAction.Forward, atDistrict));
    }

    [Fact]
    public void Resubmit_needs_no_new_answers_but_submit_does()
    {
        var returned = Base(Actor(Tier.Municipality), SubmissionState.Returned, holder: true) with { HasAnswers = false };
        Assert.True(SubmissionWorkflow.Decide(WorkflowAction.Resubmit, returned).Allowed);
    }

    [Fact]
    public void Who_may_act_is_checked_before_what_they_sent()
    {
        // Not the holder and no comment: the answer is "not yours", not "add a comment".
        var context = Base(Actor(Tier.District), SubmissionState.AtDistrict, holder: false) with { Comment = null };
        Assert.Equal(RefusalKind.Forbidden, SubmissionWorkflow.Decide(WorkflowAction.Return, context).Refusal);

        // An action the state lacks is "not in this state" even for a non-holder.
        var withdraw = Base(Actor(Tier.Municipality), SubmissionState.AtDistrict, holder: false);
        Assert.Equal(RefusalKind.NotPermittedInState, SubmissionWorkflow.Decide(WorkflowAction.Withdraw, withdraw).Refusal);
    }

    public static TheoryData<string, Tier?, SubmissionState, bool, WorkflowAction[]> PermittedCases => new()
    {
        { "typical", Tier.Municipality, SubmissionState.Draft, true, [WorkflowAction.Submit, WorkflowAction.Withdraw] },
        { "empty answers", Tier.Municipality, SubmissionState.Draft, true, [WorkflowAction.Withdraw] },
        { "past deadline", Tier.Municipality, SubmissionState.Draft, true, [WorkflowAction.Withdraw] },
        { "typical", Tier.Municipality, SubmissionState.Returned, true, [WorkflowAction.Resubmit, WorkflowAction.Withdraw] },
        { "typical", Tier.Municipality, SubmissionState.AtDistrict, false, [] },
        { "typical", Tier.District, SubmissionState.AtDistrict, true, [WorkflowAction.Forward, WorkflowAction.Return] },
        { "no comment", Tier.District, SubmissionState.AtDistrict, true, [WorkflowAction.Forward, WorkflowAction.Return] },
        { "typical", Tier.District, SubmissionState.AtProvince, false, [] },
        { "no comment", Tier.District, SubmissionState.Draft, false, [WorkflowAction.Extend] },
        { "no comment", Tier.District, SubmissionState.Returned, false, [WorkflowAction.Extend] },
        { "typical", Tier.Province, SubmissionState.AtProvince, true, [WorkflowAction.Forward, WorkflowAction.Return] },
        { "no cover letter", Tier.Province, SubmissionState.AtProvince, true, [WorkflowAction.Forward, WorkflowAction.Return] },
        { "no paper copy", Tier.Province, SubmissionState.AtProvince, true, [WorkflowAction.Return] },
        { "typical", Tier.Dla, SubmissionState.AtDla, true, [WorkflowAction.Return, WorkflowAction.Accept] },
        { "typical", Tier.Dla, SubmissionState.Draft, false, [WorkflowAction.Extend] },
        { "typical", Tier.Dla, SubmissionState.Accepted, true, [] },
        { "typical", Tier.Admin, SubmissionState.AtDla, false, [] },
        { "typical", Tier.Municipality, SubmissionState.Lapsed, true, [] },
        // Lapse is never offered as a button, not even to the system.
        { "past deadline", null, SubmissionState.Draft, false, [] },
    };

    [Theory]
    [MemberData(nameof(PermittedCases))]
    public void PermittedActions_are_the_buttons_the_page_shows(string variant, Tier? tier, SubmissionState state, bool holder, WorkflowAction[] expected)
    {
        var context = Base(tier is { } t ? Actor(t) : null, state, holder);
        context = variant switch
        {
            "typical" => context,
            "empty answers" => context with { HasAnswers = false },
            "past deadline" => context with { EffectiveDeadlineUtc = Now.AddMinutes(-1) },
            "no comment" => context with { Comment = null, RequestedDeadlineUtc = null },
            "no paper copy" => context with { PaperCopyReceived = false },
            "no cover letter" => context with { ByDispatch = false },
            _ => throw new ArgumentOutOfRangeException(nameof(variant), variant, null),
        };

        Assert.Equal(expected.Order(), SubmissionWorkflow.PermittedActions(context).Order());
    }

    [Fact]
    public void The_diagram_is_drawn_from_the_machine()
    {
        var dot = SubmissionWorkflow.ToDotGraph();

        foreach (var state in new[] { "Draft", "AtDistrict", "AtProvince", "AtDla", "Returned", "Accepted", "Withdrawn", "Lapsed" })
        {
            Assert.Contains(state, dot, StringComparison.Ordinal);
        }
    }

    private static void AssertRefused(WorkflowDecision decision, RefusalKind kind, PortalMessage message)
    {
        Assert.False(decision.Allowed);
        Assert.Equal(kind, decision.Refusal);
        Assert.Equal(message, decision.Message);
    }

    private static WorkflowContext ContextFor(string table, SubmissionState state)
    {
        if (table == "System")
        {
            return Base(null, state, holder: false) with { EffectiveDeadlineUtc = Now.AddSeconds(-1) };
        }

        var parts = table.Split(' ');
        return Base(Actor(Enum.Parse<Tier>(parts[0])), state, holder: parts[1] == "holder");
    }

    private static PortalActor Actor(Tier tier) =>
        new("user-" + tier, "user-" + tier, "ผู้ทดสอบ", PortalRoles.RoleOf(tier), 42, "/DLA/DLA-LAD/81/8101/");

    private static WorkflowContext Base(PortalActor? actor, SubmissionState state, bool holder) => new()
    {
        State = state,
        MunicipalityClass = MunicipalityClass.Subdistrict,
        Routing = RoutingRule.Default,
        CampaignState = CampaignState.Open,
        ReturnedByTier = Tier.Province,
        Actor = actor,
        ActorIsHolder = holder,
        NowUtc = Now,
        EffectiveDeadlineUtc = WorkflowTestKit.Deadline,
        DlaDeadlineUtc = WorkflowTestKit.DlaDeadline,
        HasAnswers = true,
        PaperCopyRequired = true,
        PaperCopyReceived = true,
        ByDispatch = true,
        Comment = "ขอให้แก้ไขข้อ 2",
        RequestedDeadlineUtc = WorkflowTestKit.Deadline.AddDays(3),
    };
}
