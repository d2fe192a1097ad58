using Microsoft.EntityFrameworkCore;
using SmartCity.Portal.Audit;
using SmartCity.Portal.Common;
using SmartCity.Portal.Core.Tests.Infrastructure;
using SmartCity.Portal.Submissions;
using SmartCity.Portal.Submissions.Workflow;
using static SmartCity.Portal.Core.Tests.Submissions.WorkflowTestKit;

namespace SmartCity.Portal.Core.Tests.Submissions;

/// <summary>The sweep sees every campaign in the database, so each test has a database of its own.</summary>
public sealed class LapseSweepTests
{
    [Fact]
    public async Task Lapses_exactly_the_late_drafts_and_returned_reports_once()
    {
        await using var isolated = await IsolatedDemoDatabase.CreateAsync();
        var database = isolated.Database;
        var clock = ClockAt(Early);
        var service = Service(database, clock);
        var late = await AddCampaignAsync(database);
        var later = await AddCampaignAsync(database, Deadline.AddDays(7));
        var tightDistrict = await AddCampaignAsync(database, Deadline.AddDays(7), tierDeadlines: [("8105", Deadline)]);

        var lateDraft = await FilledDraftAsync(service, await database.SignInAsync("muni-810116"), late);
        var lateReturned = await SubmittedAsync(database, service, "muni-810103", late);
        await ActAsync(service, await database.SignInAsync("district-8101"), lateReturned, WorkflowAction.Return, "แก้ไขข้อ 1");
        var lateSubmitted = await SubmittedAsync(database, service, "muni-810201", late);
        var lateExtended = await FilledDraftAsync(service, await database.SignInAsync("muni-810301"), late);
        await ActAsync(service, await database.SignInAsync("district-8103"), lateExtended.Id, WorkflowAction.Extend, "ขยายเวลา", Deadline.AddDays(4));
        var lateWithdrawn = await FilledDraftAsync(service, await database.SignInAsync("muni-810401"), late);
        await ActAsync(service, await database.SignInAsync("muni-810401"), lateWithdrawn.Id, WorkflowAction.Withdraw);
        var onTimeDraft = await FilledDraftAsync(service, await database.SignInAsync("muni-810116"), later);
        var tierBound = await FilledDraftAsync(service, await database.SignInAsync("muni-810501"), tightDistrict);
        var tierFree = await FilledDraftAsync(service, await database.SignInAsync("muni-810601"), tightDistrict);

        clock.SetUtcNow(new DateTimeOffset(Deadline.AddMilliseconds(-1)));
        Assert.Equal(0, await service.LapseOverdueAsync());

        var before = await SnapshotAsync(database);
        clock.SetUtcNow(new DateTimeOffset(Deadline));
        Assert.Equal(3, await service.LapseOverdueAsync());

        var after = await SnapshotAsync(database);
        var lapsedIds = new[] { lateDraft.Id, lateReturned, tierBound.Id };
        foreach (var (id, row) in after)
        {
            if (lapsedIds.Contains(id))
            {
                Assert.Equal(SubmissionState.Lapsed, row.State);
                Assert.Equal(before[id].Events + 1, row.Events);
                Assert.NotEqual(before[id].Token, row.Token);
            }
            else
            {
                Assert.Equal(before[id], row);
            }
        }

        Assert.Equal(SubmissionState.AtDistrict, after[lateSubmitted].State);
        Assert.Equal(SubmissionState.Draft, after[lateExtended.Id].State);
        Assert.Equal(SubmissionState.Withdrawn, after[lateWithdrawn.Id].State);
        Assert.Equal(SubmissionState.Draft, after[onTimeDraft.Id].State);
        Assert.Equal(SubmissionState.Draft, after[tierFree.Id].State);

        await using (var db = database.CreateContext())
        {
            var lapses = await db.WorkflowEvents.AsNoTracking().Where(e => e.Action == "lapse").OrderBy(e => e.SubmissionId).ToListAsync();
            Assert.Equal(lapsedIds.Order(), lapses.Select(e => e.SubmissionId));
            Assert.All(lapses, e =>
            {
                Assert.Equal("system", e.UserId);
                Assert.Null(e.ActingOrgUnitId);
                Assert.Equal("Lapsed", e.ToState);
                Assert.Equal(Deadline, e.OccurredUtc);
                Assert.False(string.IsNullOrWhiteSpace(e.Comment));
            });
            Assert.Equal("Returned", lapses.Single(e => e.SubmissionId == lateReturned).FromState);
            Assert.Equal("Draft", lapses.Single(e => e.SubmissionId == lateDraft.Id).FromState);
        }

        // A second run finds nothing to do and changes nothing.
        clock.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal(0, await service.LapseOverdueAsync());
        Assert.Equal(after, await SnapshotAsync(database));

        // The extension runs out later, and then that draft lapses too.
        clock.SetUtcNow(new DateTimeOffset(Deadline.AddDays(4)));
        Assert.Equal(1, await service.LapseOverdueAsync());
        Assert.Equal(SubmissionState.Lapsed, (await SnapshotAsync(database))[lateExtended.Id].State);

        var verification = await new AuditService(database.Factory).VerifyAsync(await database.SignInAsync("dla"));
        Assert.True(verification.Ok);

        // Lapsed is terminal: no submit, no extension, no buttons.
        var municipality = await database.SignInAsync("muni-810116");
        var lapsed = await service.GetAsync(municipality, lateDraft.Id);
        Assert.Equal(SubmissionState.Lapsed, lapsed.State);
        Assert.Empty(lapsed.PermittedActions);
        await Assert.ThrowsAsync<PortalConflictException>(() => ActAsync(service, municipality, lateDraft.Id, WorkflowAction.Submit));
        var district = await database.SignInAsync("district-8101");
        await Assert.ThrowsAsync<PortalConflictException>(
            () => ActAsync(service, district, lateDraft.Id, WorkflowAction.Extend, "สาย", Deadline.AddDays(9)));
    }

    [Fact]
    public async Task Two_sweeps_running_at_once_lapse_each_report_exactly_once()
    {
        await using var isolated = await IsolatedDemoDatabase.CreateAsync();
        var database = isolated.Database;
        var clock = ClockAt(Early);
        var setup = Service(database, clock);
        var municipalities = new[] { "muni-810101", "muni-810116", "muni-810103", "muni-810201", "muni-810301", "muni-810401", "muni-810501", "muni-810601" };
        var ids = new List<int>();
        for (var round = 0; round < 2; round++)
        {
            var campaignId = await AddCampaignAsync(database);
            foreach (var userName in municipalities)
            {
                ids.Add((await FilledDraftAsync(setup, await database.SignInAsync(userName), campaignId)).Id);
            }
        }

        // Two instances of the app: separate services and context factories on the same file. The gate
        // holds each save until the other sweep has reached its save too, so both sweeps read and
        // decide every report before either writes it: each report is contended, every time.
        var gate = new SaveGate(participants: 2);
        clock.SetUtcNow(new DateTimeOffset(Deadline.AddMinutes(1)));
        var first = new SubmissionService(GatedFactory(database, gate), clock, new SubmissionChangeNotifier());
        var second = new SubmissionService(GatedFactory(database, gate), clock, new SubmissionChangeNotifier());
        gate.Arm();
        var counts = await Task.WhenAll(Task.Run(() => first.LapseOverdueAsync()), Task.Run(() => second.LapseOverdueAsync()));
        gate.Disarm();

        Assert.Equal(ids.Count, counts.Sum());
        await using var db = database.CreateContext();
        var lapseEvents = await db.WorkflowEvents.AsNoTracking().Where(e => e.Action == "lapse")
            .GroupBy(e => e.SubmissionId).Select(g => new { SubmissionId = g.Key, Count = g.Count() }).ToListAsync();
        Assert.Equal(ids.Order(), lapseEvents.Select(e => e.SubmissionId).Order());
        Assert.All(lapseEvents, e => Assert.Equal(1, e.Count));
        var rows = await db.Submissions.AsNoTracking().Where(s => ids.Contains(s.Id)).Select(s => new { s.State, s.EventCount }).ToListAsync();
        Assert.All(rows, r => Assert.Equal(SubmissionState.Lapsed, r.State));
        Assert.All(rows, r => Assert.Equal(2, r.EventCount)); // create, lapse (saving answers is not an event)
        Assert.True((await new AuditService(database.Factory).VerifyAsync(await database.SignInAsync("dla"))).Ok);

        // And a third sweep afterwards has nothing left to do.
        Assert.Equal(0, await Service(database, clock).LapseOverdueAsync());
    }

    private static async Task<int> SubmittedAsync(DemoDatabase database, SubmissionService service, string userName, int campaignId)
    {
        var municipality = await database.SignInAsync(userName);
        var draft = await FilledDraftAsync(service, municipality, campaignId);
        await ActAsync(service, municipality, draft.Id, WorkflowAction.Submit);
        return draft.Id;
    }

    private static async Task<Dictionary<int, (SubmissionState State, int Events, Guid Token)>> SnapshotAsync(DemoDatabase database)
    {
        await using var db = database.CreateContext();
        var rows = await db.Submissions.AsNoTracking().Select(s => new { s.Id, s.State, s.ConcurrencyToken }).ToListAsync();
        var events = await db.WorkflowEvents.AsNoTracking().GroupBy(e => e.SubmissionId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count);
        return rows.ToDictionary(r => r.Id, r => (r.State, events.GetValueOrDefault(r.Id), r.ConcurrencyToken));
    }
}
