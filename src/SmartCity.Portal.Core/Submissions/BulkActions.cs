using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using SmartCity.Portal.Common;
using SmartCity.Portal.Data;
using SmartCity.Portal.Security;
using SmartCity.Portal.Submissions.Workflow;

namespace SmartCity.Portal.Submissions;

/// <summary>One selected row: the report and the concurrency token the officer saw it with.</summary>
public sealed record BulkItem(int SubmissionId, Guid ConcurrencyToken);

/// <summary>What happened to one selected report: done, or refused with the reason in both languages.</summary>
public sealed record BulkItemOutcome(int SubmissionId, string? MunicipalityNameTh, string? MunicipalityNameEn, bool Succeeded, PortalMessage? Error, Guid? ConcurrencyToken)
{
    public string MunicipalityName(bool english) =>
        (english && !string.IsNullOrEmpty(MunicipalityNameEn) ? MunicipalityNameEn : MunicipalityNameTh) ?? $"#{SubmissionId}";
}

public sealed record BulkActionResult(IReadOnlyList<BulkItemOutcome> Items)
{
    public int Succeeded => Items.Count(i => i.Succeeded);

    public IReadOnlyList<BulkItemOutcome> Failed => Items.Where(i => !i.Succeeded).ToList();
}

public static class BulkMessages
{
    public const int MaxItems = 200;

    public static readonly PortalMessage OnlyForward = new("bulk-forward-only",
        "การดำเนินการพร้อมกันหลายรายการใช้ได้เฉพาะการส่งต่อ", "Only forwarding can be done for many reports at once.");

    public static readonly PortalMessage NothingSelected = new("bulk-nothing-selected",
        "กรุณาเลือกรายงานอย่างน้อยหนึ่งรายการ", "Select at least one report.");

    public static readonly PortalMessage TooMany = new("bulk-too-many",
        "เลือกได้ไม่เกินครั้งละ 200 รายการ", "Select at most 200 reports at a time.");
}

/// <summary>
/// Forwarding many reports in one step for district and provincial offices. Each report goes
/// through <see cref="SubmissionService.ActAsync"/> on its own (its own check, token, save and
/// audit event), so one stale or refused report is reported and the others still move.
/// </summary>
public sealed class BulkActionService(IDbContextFactory<PortalDbContext> dbFactory, SubmissionService submissions)
{
    public async Task<BulkActionResult> ForwardAsync(ClaimsPrincipal user, IReadOnlyList<BulkItem> items, string? comment = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(items);
        var actor = PortalActor.From(user);
        if (actor.Tier is not (Tier.District or Tier.Province))
        {
            throw new PortalAccessDeniedException(WorkflowMessages.NotYourRole);
        }

        // The same report twice would be refused the second time as stale: that is noise, not news.
        var distinct = items.DistinctBy(i => i.SubmissionId).ToList();
        if (distinct.Count == 0)
        {
            throw new PortalValidationException(BulkMessages.NothingSelected);
        }

        if (distinct.Count > BulkMessages.MaxItems)
        {
            throw new PortalValidationException(BulkMessages.TooMany);
        }

        var ids = distinct.Select(i => i.SubmissionId).ToList();
        Dictionary<int, (string Th, string? En)> names;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            // Names only for what the caller may see: a report outside the jurisdiction stays anonymous.
            names = await SubmissionService.Visible(db, actor).AsNoTracking()
                .Where(s => ids.Contains(s.Id))
                .Select(s => new { s.Id, s.Municipality!.NameTh, s.Municipality.NameEn })
                .ToDictionaryAsync(s => s.Id, s => (s.NameTh, s.NameEn), cancellationToken);
        }

        var outcomes = new List<BulkItemOutcome>(distinct.Count);
        foreach (var item in distinct)
        {
            var name = names.TryGetValue(item.SubmissionId, out var n) ? n : ((string Th, string? En)?)null;
            try
            {
                var result = await submissions.ActAsync(user, item.SubmissionId, new ActionRequest(WorkflowAction.Forward, item.ConcurrencyToken, comment), cancellationToken);
                outcomes.Add(new BulkItemOutcome(item.SubmissionId, name?.Th, name?.En, true, null, result.ConcurrencyToken));
            }
            catch (PortalException ex)
            {
                outcomes.Add(new BulkItemOutcome(item.SubmissionId, name?.Th, name?.En, false, ex.PortalMessage, null));
            }
        }

        return new BulkActionResult(outcomes);
    }
}
