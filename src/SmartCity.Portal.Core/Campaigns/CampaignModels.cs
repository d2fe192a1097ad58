using SmartCity.Portal.Submissions.Routing;

namespace SmartCity.Portal.Campaigns;

public sealed record CampaignSummary(
    int Id, int FiscalYear, string Title, string LetterNo, DateTime LetterDateUtc, CampaignState State, bool PaperCopyRequired,
    RoutingRule Routing, DateTime SubmissionDeadlineUtc, DateTime DlaDeadlineUtc,
    /// <summary>The deadline that applies to the caller's subtree (its own or an ancestor's earlier one).</summary>
    DateTime EffectiveDeadlineUtc);
