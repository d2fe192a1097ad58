using SmartCity.Portal.Common;
using SmartCity.Portal.Submissions.Routing;

namespace SmartCity.Portal.Campaigns;

public enum CampaignState
{
    Draft,
    Open,
    Closed,
    Evaluating,
    Published,
}

/// <summary>One selection round (การคัดเลือก) announced by a DLA circular letter.</summary>
public class Campaign : IConcurrencyVersioned
{
    public int Id { get; set; }

    /// <summary>Fiscal year in the Buddhist era, e.g. 2567.</summary>
    public int FiscalYear { get; set; }

    public required string Title { get; set; }

    /// <summary>DLA's letter number as printed, e.g. "มท ๐๘๑๐.๒/ว ๓๐๙๕".</summary>
    public required string LetterNo { get; set; }

    public DateTime LetterDateUtc { get; set; }

    public CampaignState State { get; set; }

    public bool PaperCopyRequired { get; set; }

    /// <summary>Which office each municipality class reports to first; stored as JSON so DLA can change it per round.</summary>
    public RoutingRule Routing { get; set; } = RoutingRule.Default;

    /// <summary>Municipalities submit by this instant (a Bangkok wall-clock time stored as UTC).</summary>
    public DateTime SubmissionDeadlineUtc { get; set; }

    /// <summary>Provincial offices forward to DLA by this instant.</summary>
    public DateTime DlaDeadlineUtc { get; set; }

    public Guid ConcurrencyToken { get; set; }
}

/// <summary>An office's own, earlier deadline for the municipalities of its subtree (e.g. Krabi: 15 Aug).</summary>
public class TierDeadline : IConcurrencyVersioned
{
    public int Id { get; set; }

    public int CampaignId { get; set; }

    public int OrgUnitId { get; set; }

    public Organisations.OrgUnit? OrgUnit { get; set; }

    public DateTime DeadlineUtc { get; set; }

    public Guid ConcurrencyToken { get; set; }
}
