using SmartCity.Portal.Campaigns;
using SmartCity.Portal.Organisations;
using SmartCity.Portal.Security;
using SmartCity.Portal.Submissions;
using SmartCity.Portal.Submissions.Routing;
using SmartCity.Portal.Submissions.Workflow;

namespace SmartCity.Portal.Web.Features.Submissions;

/// <summary>One cell of the states × actions table: who may do it and where it can lead.</summary>
/// <summary>An empty <paramref name="By"/> means the system (the lapse sweep).</summary>
public sealed record WorkflowMatrixCell(IReadOnlyList<Tier> By, IReadOnlyList<SubmissionState> To);

/// <summary>
/// The states × actions table, asked of the workflow itself: each action is tried in each state by
/// the tier that could take it, with every input in order, over the routing and return variants
/// that change where it leads.
/// </summary>
public static class WorkflowMatrix
{
    private static readonly Tier[] Offices = [Tier.Municipality, Tier.District, Tier.Province, Tier.Dla];

    public static WorkflowMatrixCell? Cell(SubmissionState state, WorkflowAction action)
    {
        var now = new DateTime(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        var by = new List<Tier>();
        var targets = new List<SubmissionState>();
        foreach (var tier in action == WorkflowAction.Lapse ? [(Tier?)null] : Offices.Select(t => (Tier?)t))
        {
            // Only the holder acts on a report; extensions come from the offices above it.
            if (tier is { } office && action != WorkflowAction.Extend && SubmissionWorkflow.HolderTier(state) != office)
            {
                continue;
            }

            foreach (var cls in new[] { MunicipalityClass.Subdistrict, MunicipalityClass.Town })
            {
                foreach (var returnedBy in new[] { Tier.District, Tier.Province, Tier.Dla })
                {
                    var context = new WorkflowContext
                    {
                        State = state,
                        MunicipalityClass = cls,
                        Routing = RoutingRule.Default,
                        CampaignState = CampaignState.Open,
                        ReturnedByTier = returnedBy,
                        Actor = tier is { } t ? new PortalActor("matrix", "matrix", "matrix", PortalRoles.RoleOf(t), 0, "/") : null,
                        ActorIsHolder = true,
                        // The lapse row asks after the deadline; everything else well before it.
                        NowUtc = action == WorkflowAction.Lapse ? now.AddDays(2) : now,
                        EffectiveDeadlineUtc = now.AddDays(1),
                        DlaDeadlineUtc = now.AddDays(10),
                        HasAnswers = true,
                        PaperCopyRequired = true,
                        PaperCopyReceived = true,
                        // The province's forward to DLA on such a round is its dispatch letter (decision 0018).
                        ByDispatch = true,
                        Comment = "matrix",
                        RequestedDeadlineUtc = now.AddDays(2),
                    };
                    var decision = SubmissionWorkflow.Decide(action, context);
                    if (decision.Allowed)
                    {
                        if (!targets.Contains(decision.To))
                        {
                            targets.Add(decision.To);
                        }

                        if (tier is { } allowed && !by.Contains(allowed))
                        {
                            by.Add(allowed);
                        }
                    }
                }
            }

        }

        return targets.Count > 0 ? new WorkflowMatrixCell(by, targets) : null;
    }
}
