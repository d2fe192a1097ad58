using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using SmartCity.Portal.Common;
using SmartCity.Portal.Data;
using SmartCity.Portal.Security;

namespace SmartCity.Portal.Audit;

public sealed record AuditVerification(bool Ok, long Events, long? FirstBrokenId);

public sealed class AuditService(IDbContextFactory<PortalDbContext> dbFactory)
{
    public static readonly PortalMessage VerifyNotAllowed = new("audit-verify-forbidden",
        "เฉพาะเจ้าหน้าที่กรมและผู้ดูแลระบบเท่านั้นที่ตรวจสอบบันทึกการดำเนินงานได้", "Only DLA officers and administrators may verify the audit trail.");

    /// <summary>
    /// Recomputes every submission's chain from its first event, streaming (one event in memory at a
    /// time), and names the first event whose stored hash or link does not match.
    /// </summary>
    public async Task<AuditVerification> VerifyAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        var actor = PortalActor.From(user);
        if (actor.Tier is not (Tier.Dla or Tier.Admin))
        {
            throw new PortalAccessDeniedException(VerifyNotAllowed);
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        // Each submission records how many events it has and the newest hash: a chain whose tail
        // was deleted still verifies link by link, so its end is checked against the submission.
        var tails = await db.Submissions.AsNoTracking()
            .Select(s => new { s.Id, s.EventCount, s.LastEventHash })
            .ToDictionaryAsync(s => s.Id, s => (s.EventCount, s.LastEventHash), cancellationToken);
        long count = 0;
        int? submission = null;
        long? lastId = null;
        var expectedPrevious = AuditChain.Genesis;
        var expectedSequence = 1;
        bool TailMatches() =>
            submission is not { } id || (tails.TryGetValue(id, out var tail) && tail.EventCount == expectedSequence - 1 && tail.LastEventHash == expectedPrevious);

        await foreach (var e in db.WorkflowEvents.AsNoTracking().OrderBy(e => e.SubmissionId).ThenBy(e => e.Sequence).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            count++;
            if (e.SubmissionId != submission)
            {
                if (!TailMatches())
                {
                    return new AuditVerification(false, count, lastId);
                }

                tails.Remove(submission ?? 0);
                submission = e.SubmissionId;
                expectedPrevious = AuditChain.Genesis;
                expectedSequence = 1;
            }

            if (e.Sequence != expectedSequence || e.PreviousHash != expectedPrevious || AuditChain.ComputeHash(e) != e.Hash)
            {
                return new AuditVerification(false, count, e.Id);
            }

            lastId = e.Id;
            expectedPrevious = e.Hash;
            expectedSequence++;
        }

        if (!TailMatches())
        {
            return new AuditVerification(false, count, lastId);
        }

        tails.Remove(submission ?? 0);
        // A submission that says it has events but has none left in the table.
        if (tails.Values.Any(t => t.EventCount > 0))
        {
            return new AuditVerification(false, count, null);
        }

        return new AuditVerification(true, count, null);
    }
}
