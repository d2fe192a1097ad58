namespace SmartCity.Portal.Audit;

/// <summary>
/// One audited step of a submission, append-only (the context refuses to update or delete one).
/// Each event's hash covers the previous event's hash of the same submission and this event's
/// canonical content, so editing any stored field breaks the chain from that event on.
/// </summary>
public class WorkflowEvent
{
    public long Id { get; set; }

    public int SubmissionId { get; set; }

    /// <summary>1, 2, 3 ... per submission; unique with <see cref="SubmissionId"/>.</summary>
    public int Sequence { get; set; }

    public required string UserId { get; set; }

    public required string UserName { get; set; }

    public int? ActingOrgUnitId { get; set; }

    public required string Action { get; set; }

    public required string FromState { get; set; }

    public required string ToState { get; set; }

    public string? Comment { get; set; }

    public DateTime OccurredUtc { get; set; }

    public required string PreviousHash { get; set; }

    public required string Hash { get; set; }
}
