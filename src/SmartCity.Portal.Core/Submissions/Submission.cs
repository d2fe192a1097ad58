using SmartCity.Portal.Campaigns;
using SmartCity.Portal.Common;
using SmartCity.Portal.Organisations;

namespace SmartCity.Portal.Submissions;

public enum SubmissionState
{
    Draft,
    AtDistrict,
    AtProvince,
    AtDla,
    Returned,
    Accepted,
    Withdrawn,
    Lapsed,
}

/// <summary>One municipality's report for one campaign. Only <see cref="Workflow.SubmissionWorkflow"/> decides <see cref="State"/>.</summary>
public class Submission : IConcurrencyVersioned
{
    public int Id { get; set; }

    public int CampaignId { get; set; }

    public Campaign? Campaign { get; set; }

    public int MunicipalityId { get; set; }

    public OrgUnit? Municipality { get; set; }

    public SubmissionState State { get; set; }

    /// <summary>The office that holds the report now: the municipality itself while Draft or Returned.</summary>
    public int HolderOrgUnitId { get; set; }

    public OrgUnit? Holder { get; set; }

    /// <summary>The office that last returned it; a resubmission goes back there.</summary>
    public int? ReturnedByOrgUnitId { get; set; }

    /// <summary>Readable and unique per campaign, e.g. SC2567-81-0007; issued at the first submit.</summary>
    public string? ReferenceNo { get; set; }

    /// <summary>
    /// The published form version this report started on (null for reports begun before the campaign had
    /// a form). Its answers are read and validated against that version even after DLA publishes a newer one.
    /// </summary>
    public int? FormVersionId { get; set; }

    /// <summary>Answers as JSON in the shape <see cref="Forms.FormValidator"/> describes.</summary>
    public string AnswersJson { get; set; } = "{}";

    /// <summary>A per-municipality extension granted by an office above the holder.</summary>
    public DateTime? ExtendedDeadlineUtc { get; set; }

    /// <summary>Set by the provincial office when the paper copy arrives (the register comes with the tier workspaces).</summary>
    public DateTime? PaperCopyReceivedUtc { get; set; }

    public DateTime CreatedUtc { get; set; }

    public DateTime UpdatedUtc { get; set; }

    public DateTime? SubmittedUtc { get; set; }

    /// <summary>Number of audit events so far; the next event takes this + 1 (unique per submission).</summary>
    public int EventCount { get; set; }

    /// <summary>Hash of the newest audit event: the next one chains onto it.</summary>
    public string? LastEventHash { get; set; }

    public Guid ConcurrencyToken { get; set; }
}
