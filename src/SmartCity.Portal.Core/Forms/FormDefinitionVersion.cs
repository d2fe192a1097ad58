using SmartCity.Portal.Common;

namespace SmartCity.Portal.Forms;

/// <summary>
/// One version of a campaign's form, as JSON (<see cref="FormJson"/>). Once <see cref="PublishedUtc"/> is
/// set the row never changes: submissions point at it (<see cref="Submissions.Submission.FormVersionId"/>)
/// and are validated and printed against it, so a later edit by DLA becomes a new version instead.
/// <see cref="Data.PortalDbContext"/> refuses any update or delete of a published row.
/// </summary>
public class FormDefinitionVersion : IConcurrencyVersioned
{
    public int Id { get; set; }

    public int CampaignId { get; set; }

    /// <summary>1, 2, 3… per campaign (unique together with <see cref="CampaignId"/>).</summary>
    public int Version { get; set; }

    public required string Json { get; set; }

    /// <summary>Null while DLA is still editing it; set once, when municipalities may start filling it.</summary>
    public DateTime? PublishedUtc { get; set; }

    public DateTime CreatedUtc { get; set; }

    public required string CreatedByUserName { get; set; }

    public Guid ConcurrencyToken { get; set; }
}
