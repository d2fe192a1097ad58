using SmartCity.Portal.Common;
using SmartCity.Portal.Security;

namespace SmartCity.Portal.Organisations;

/// <summary>
/// Ties a user to an org unit in one role. The role lives on the membership, not on the
/// user, so a person who serves two offices acts in exactly one role at a time: the one
/// of the membership they switched to.
/// </summary>
public class Membership : IConcurrencyVersioned
{
    public int Id { get; set; }

    public required string UserId { get; set; }

    public PortalUser? User { get; set; }

    public int OrgUnitId { get; set; }

    public OrgUnit? OrgUnit { get; set; }

    public required string Role { get; set; }

    public DateTime CreatedUtc { get; set; }

    /// <summary>
    /// The instant the membership stops counting (null: open-ended). Ending a membership sets it to now;
    /// an end date given in advance is the Bangkok midnight after that day. The row stays, for the history.
    /// </summary>
    public DateTime? EndsUtc { get; set; }

    public Guid ConcurrencyToken { get; set; }
}
