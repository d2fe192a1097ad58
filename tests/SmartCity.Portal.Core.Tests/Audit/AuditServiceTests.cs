using Microsoft.EntityFrameworkCore;
using SmartCity.Portal.Audit;
using SmartCity.Portal.Common;
using SmartCity.Portal.Core.Tests.Infrastructure;
using SmartCity.Portal.Submissions;
using SmartCity.Portal.Submissions.Workflow;
using static SmartCity.Portal.Core.Tests.Submissions.WorkflowTestKit;

namespace SmartCity.Portal.Core.Tests.Audit;

/// <summary>
/// The per-submission hash chain on a real SQLite file. The tests of this class run one after the
/// other on one database; a test that tampers with an event puts it back before it ends.
/// </summary>
public sealed class AuditServiceTests(DemoDatabase database) : IClassFixture<DemoDatabase>
{
    private AuditService Audit => new(database.Factory);

    [Fact]
    public async Task A_clean_trail_verifies_and_counts_every_event()
    {
        var dla = await database.SignInAsync("dla");
        var before = await Audit.VerifyAsync(dla);
        Assert.True(before.Ok);
        Assert.Null(before.FirstBrokenId);

        var (submissionId, _) = await WalkAsync("muni-810116");

        // create, submit, forward, return, resubmit: five events.
        var after = await Audit.VerifyAsync(dla);
        Assert.True(after.Ok);
        Assert.Null(after.FirstBrokenId);
        Assert.Equal(before.Events + 5, after.Events);
        await using var db = database.CreateContext();
        Assert.Equal(await db.WorkflowEvents.LongCountAsync(), after.Events);
        Assert.Equal(5, await db.WorkflowEvents.CountAsync(e => e.SubmissionId == submissionId));

        Assert.True((await Audit.VerifyAsync(await database.SignInAsync("admin"))).Ok);
    }

    [Fact]
    public async Task Each_event_links_to_the_one_before_and_the_submission_keeps_the_head()
    {
        var (submissionId, _) = await WalkAsync("muni-810103");

        await using var db = database.CreateContext();
        var events = await db.WorkflowEvents.AsNoTracking().Where(e => e.SubmissionId == submissionId).OrderBy(e => e.Sequence).ToListAsync();
        var submission = await db.Submissions.AsNoTracking().SingleAsync(s => s.Id == submissionId);

        Assert.Equal(AuditChain.Genesis, events[0].PreviousHash);
        for (var i = 0; i < events.Count; i++)
        {
            Assert.Equal(i + 1, events[i].Sequence);
            Assert.Equal(AuditChain.ComputeHash(events[i]), events[i].Hash);
            Assert.Matches("^[0-9a-f]{64}$", events[i].Hash);
            if (i > 0)
            {
                Assert.Equal(events[i - 1].Hash, events[i].PreviousHash);
            }
        }

        Assert.Equal(events.Count, submission.EventCount);
        Assert.Equal(events[^1].Hash, submission.LastEventHash);
        Assert.Equal(events.Select(e => e.Hash).Distinct().Count(), events.Count);
    }

    public static TheoryData<string, string> Tampering => new()
    {
        { "Comment", "'ไม่มีอะไรต้องแก้'" },
        { "ToState", "'Accepted'" },
        { "UserName", "'dla'" },
        { "OccurredUtc", "'2024-08-01 02:00:00.0000001'" },
    };

    [Theory]
    [MemberData(nameof(Tampering))]
    public async Task Changing_a_stored_event_in_the_file_breaks_the_chain_at_that_event(string column, string value)
    {
        var (_, returnEventId) = await WalkAsync();
        var dla = await database.SignInAsync("dla");
        Assert.True((await Audit.VerifyAsync(dla)).Ok);

        var original = await RawTextAsync(database, $"SELECT {column} FROM WorkflowEvents WHERE Id = {returnEventId}");
        try
        {
            await ExecuteAsync($"UPDATE WorkflowEvents SET {column} = {value} WHERE Id = {returnEventId}");

            var broken = await Audit.VerifyAsync(dla);

            Assert.False(broken.Ok);
            Assert.Equal(returnEventId, broken.FirstBrokenId);
        }
        finally
        {
            await ExecuteAsync($"UPDATE WorkflowEvents SET {column} = {Quote(original)} WHERE Id = {returnEventId}");
        }

        Assert.True((await Audit.VerifyAsync(dla)).Ok);
    }

    [Fact]
    public async Task Rewriting_an_event_with_a_fresh_hash_is_caught_at_the_next_event()
    {
        var (submissionId, returnEventId) = await WalkAsync();
        var dla = await database.SignInAsync("dla");
        WorkflowEvent original;
        await using (var db = database.CreateContext())
        {
            original = await db.WorkflowEvents.AsNoTracking().SingleAsync(e => e.Id == returnEventId);
        }

        // The forger recomputes the tampered event's own hash; the next event still points at the old one.
        var forged = new WorkflowEvent
        {
            Id = original.Id, SubmissionId = original.SubmissionId, Sequence = original.Sequence, UserId = original.UserId, UserName = original.UserName,
            ActingOrgUnitId = original.ActingOrgUnitId, Action = original.Action, FromState = original.FromState, ToState = original.ToState,
            Comment = "ผ่าน ไม่ต้องแก้ไข", OccurredUtc = original.OccurredUtc, PreviousHash = original.PreviousHash, Hash = "",
        };
        var forgedHash = AuditChain.ComputeHash(forged);
        long nextId;
        await using (var db = database.CreateContext())
        {
            nextId = await db.WorkflowEvents.Where(e => e.SubmissionId == submissionId && e.Sequence == original.Sequence + 1).Select(e => e.Id).SingleAsync();
        }

        try
        {
            await ExecuteAsync($"UPDATE WorkflowEvents SET Comment = 'ผ่าน ไม่ต้องแก้ไข', Hash = '{forgedHash}' WHERE Id = {returnEventId}");

            var broken = await Audit.VerifyAsync(dla);

            Assert.False(broken.Ok);
            Assert.Equal(nextId, broken.FirstBrokenId);
        }
        finally
        {
            await ExecuteAsync($"UPDATE WorkflowEvents SET Comment = {Quote(original.Comment)}, Hash = '{original.Hash}' WHERE Id = {returnEventId}");
        }

        Assert.True((await Audit.VerifyAsync(dla)).Ok);
    }

    [Fact]
    public async Task Deleting_the_newest_event_is_caught_against_the_submissions_own_count_and_head()
    {
        var (submissionId, returnEventId) = await WalkAsync();
        var dla = await database.SignInAsync("dla");
        WorkflowEvent newest;
        await using (var db = database.CreateContext())
        {
            newest = await db.WorkflowEvents.AsNoTracking().Where(e => e.SubmissionId == submissionId).OrderByDescending(e => e.Sequence).FirstAsync();
        }

        Assert.Equal("resubmit", newest.Action);
        try
        {
            await ExecuteAsync($"DELETE FROM WorkflowEvents WHERE Id = {newest.Id}");

            var broken = await Audit.VerifyAsync(dla);

            // Every remaining link is intact; the chain simply ends too early, after the return event.
            Assert.False(broken.Ok);
            Assert.Equal(returnEventId, broken.FirstBrokenId);
        }
        finally
        {
            await using var db = database.CreateContext();
            if (!await db.WorkflowEvents.AnyAsync(e => e.Id == newest.Id))
            {
                db.WorkflowEvents.Add(newest); // adding is what the append-only rule allows
                await db.SaveChangesAsync();
            }
        }

        Assert.True((await Audit.VerifyAsync(dla)).Ok);
    }

    [Theory]
    [InlineData("district-8101")]
    [InlineData("province-81")]
    [InlineData("muni-810116")]
    public async Task Only_DLA_and_the_administrator_may_verify(string userName)
    {
        var user = await database.SignInAsync(userName);

        var denied = await Assert.ThrowsAsync<PortalAccessDeniedException>(() => Audit.VerifyAsync(user));

        Assert.Equal(AuditService.VerifyNotAllowed, denied.PortalMessage);
    }

    [Fact]
    public async Task Events_are_append_only_through_EF()
    {
        var (_, returnEventId) = await WalkAsync();

        await using (var db = database.CreateContext())
        {
            var e = await db.WorkflowEvents.SingleAsync(x => x.Id == returnEventId);
            e.Comment = "แก้ไขภายหลัง";
            var update = Assert.Throws<InvalidOperationException>(() => db.SaveChanges());
            Assert.Contains("append-only", update.Message, StringComparison.Ordinal);
        }

        await using (var db = database.CreateContext())
        {
            var e = await db.WorkflowEvents.SingleAsync(x => x.Id == returnEventId);
            e.ToState = nameof(SubmissionState.Accepted);
            await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
        }

        await using (var db = database.CreateContext())
        {
            db.WorkflowEvents.Remove(await db.WorkflowEvents.SingleAsync(x => x.Id == returnEventId));
            await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
        }

        await using (var db = database.CreateContext())
        {
            var stored = await db.WorkflowEvents.AsNoTracking().SingleAsync(x => x.Id == returnEventId);
            Assert.Equal("ข้อ 3 ยังไม่ครบ", stored.Comment);
            Assert.Equal(nameof(SubmissionState.Returned), stored.ToState);
        }

        Assert.True((await Audit.VerifyAsync(await database.SignInAsync("dla"))).Ok);
    }

    /// <summary>
    /// A report in its own campaign: create, submit, forward (district), return (province, with a
    /// comment), resubmit. Returns the submission and the id of the return event.
    /// </summary>
    private async Task<(int SubmissionId, long ReturnEventId)> WalkAsync(string userName = "muni-810116")
    {
        var campaignId = await AddCampaignAsync(database);
        var service = Service(database, ClockAt(Early));
        var municipality = await database.SignInAsync(userName);
        var draft = await FilledDraftAsync(service, municipality, campaignId);
        await ActAsync(service, municipality, draft.Id, WorkflowAction.Submit);
        await ActAsync(service, await database.SignInAsync("district-8101"), draft.Id, WorkflowAction.Forward);
        var returned = await ActAsync(service, await database.SignInAsync("province-81"), draft.Id, WorkflowAction.Return, "ข้อ 3 ยังไม่ครบ");
        await ActAsync(service, municipality, draft.Id, WorkflowAction.Resubmit);
        return (draft.Id, returned.EventId);
    }

    private async Task ExecuteAsync(string sql)
    {
        // Through a fresh context, straight to the file: what someone with database access could do.
        await using var db = database.CreateContext();
        await db.Database.ExecuteSqlRawAsync(sql);
    }

    private static string Quote(string? value) => value is null ? "NULL" : "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'";
}
