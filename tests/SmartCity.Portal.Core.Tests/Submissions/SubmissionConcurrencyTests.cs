using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SmartCity.Portal.Common;
using SmartCity.Portal.Core.Tests.Infrastructure;
using SmartCity.Portal.Data;
using SmartCity.Portal.Submissions;
using SmartCity.Portal.Submissions.Workflow;
using static SmartCity.Portal.Core.Tests.Submissions.WorkflowTestKit;

namespace SmartCity.Portal.Core.Tests.Submissions;

/// <summary>DESIGN.md 4: two officers acting at once, exactly one wins and the other is told someone else changed it.</summary>
public sealed class SubmissionConcurrencyTests(DemoDatabase database) : IClassFixture<DemoDatabase>
{
    [Fact]
    public async Task Two_concurrent_forwards_with_the_same_token_one_wins_one_is_stale()
    {
        // Both requests read and decide before either writes (the gate holds each SaveChanges until
        // both have reached it), as when two officers press Forward at the same moment.
        var gate = new SaveGate(participants: 2);
        var first = new SubmissionService(GatedFactory(database, gate), ClockAt(Early), new SubmissionChangeNotifier());
        var second = new SubmissionService(GatedFactory(database, gate), ClockAt(Early), new SubmissionChangeNotifier());
        var setup = Service(database, ClockAt(Early));
        var municipality = await database.SignInAsync("muni-810116");
        var district = await database.SignInAsync("district-8101");

        for (var round = 0; round < 3; round++)
        {
            var campaignId = await AddCampaignAsync(database);
            var draft = await FilledDraftAsync(setup, municipality, campaignId);
            await ActAsync(setup, municipality, draft.Id, WorkflowAction.Submit);
            var token = (await setup.GetAsync(district, draft.Id)).ConcurrencyToken;
            var request = new ActionRequest(WorkflowAction.Forward, token);

            gate.Arm();
            var outcomes = await Task.WhenAll(
                Outcome(Task.Run(() => first.ActAsync(district, draft.Id, request))),
                Outcome(Task.Run(() => second.ActAsync(district, draft.Id, request))));
            gate.Disarm();

            var winner = Assert.Single(outcomes, o => o.Result is not null).Result!;
            var loser = Assert.Single(outcomes, o => o.Error is not null).Error!;
            Assert.Equal(SubmissionState.AtProvince, winner.State);
            var stale = Assert.IsType<PortalStaleException>(loser);
            Assert.Equal(WorkflowMessages.Stale, stale.PortalMessage);

            await using var db = database.CreateContext();
            Assert.Equal(1, await db.WorkflowEvents.CountAsync(e => e.SubmissionId == draft.Id && e.Action == "forward"));
            var stored = await db.Submissions.AsNoTracking().SingleAsync(s => s.Id == draft.Id);
            Assert.Equal(SubmissionState.AtProvince, stored.State);
            Assert.Equal(winner.ConcurrencyToken, stored.ConcurrencyToken);
            Assert.Equal(3, stored.EventCount);
        }
    }

    [Fact]
    public async Task Two_forwards_racing_without_coordination_never_both_win()
    {
        // No gate: whichever interleaving the scheduler picks, at most one forward is recorded and
        // the other request is refused with one of the service's own errors (never a raw database error).
        await using var otherInstance = database.BuildServiceProvider();
        var clock = ClockAt(Early);
        var first = Service(database, clock);
        var second = new SubmissionService(otherInstance.GetRequiredService<IDbContextFactory<PortalDbContext>>(), clock, new SubmissionChangeNotifier());
        var municipality = await database.SignInAsync("muni-810103");
        var district = await database.SignInAsync("district-8101");

        for (var round = 0; round < 4; round++)
        {
            var campaignId = await AddCampaignAsync(database);
            var draft = await FilledDraftAsync(first, municipality, campaignId);
            await ActAsync(first, municipality, draft.Id, WorkflowAction.Submit);
            var request = new ActionRequest(WorkflowAction.Forward, (await first.GetAsync(district, draft.Id)).ConcurrencyToken);

            var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var a = Task.Run(async () => { await start.Task; return await first.ActAsync(district, draft.Id, request); });
            var b = Task.Run(async () => { await start.Task; return await second.ActAsync(district, draft.Id, request); });
            start.SetResult();
            var outcomes = await Task.WhenAll(Outcome(a), Outcome(b));

            Assert.Single(outcomes, o => o.Result is not null);
            Assert.IsAssignableFrom<PortalException>(Assert.Single(outcomes, o => o.Error is not null).Error);
            await using var db = database.CreateContext();
            Assert.Equal(1, await db.WorkflowEvents.CountAsync(e => e.SubmissionId == draft.Id && e.Action == "forward"));
        }
    }

    [Fact]
    public async Task Saving_answers_over_someone_elses_save_is_stale_and_keeps_theirs()
    {
        var campaignId = await AddCampaignAsync(database);
        var service = Service(database, ClockAt(Early));
        var municipality = await database.SignInAsync("muni-810201");
        var draft = await service.CreateOrGetAsync(municipality, campaignId);

        var mine = await service.SaveAnswersAsync(municipality, draft.Id, draft.ConcurrencyToken, """{"q1":"แท็บแรก"}""");
        await Assert.ThrowsAsync<PortalStaleException>(
            () => service.SaveAnswersAsync(municipality, draft.Id, draft.ConcurrencyToken, """{"q1":"แท็บที่สอง"}"""));

        var stored = await service.GetAsync(municipality, draft.Id);
        Assert.Equal("""{"q1":"แท็บแรก"}""", stored.AnswersJson);
        Assert.Equal(mine, stored.ConcurrencyToken);
    }

    [Fact]
    public async Task Two_tabs_starting_the_same_report_at_once_get_the_same_one()
    {
        var campaignId = await AddCampaignAsync(database);
        await using var otherInstance = database.BuildServiceProvider();
        var clock = ClockAt(Early);
        var first = Service(database, clock);
        var second = new SubmissionService(otherInstance.GetRequiredService<IDbContextFactory<PortalDbContext>>(), clock, new SubmissionChangeNotifier());
        var municipality = await database.SignInAsync("muni-810301");

        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var a = Task.Run(async () => { await start.Task; return await first.CreateOrGetAsync(municipality, campaignId); });
        var b = Task.Run(async () => { await start.Task; return await second.CreateOrGetAsync(municipality, campaignId); });
        start.SetResult();
        var created = await Task.WhenAll(a, b);

        Assert.Equal(created[0].Id, created[1].Id);
        await using var db = database.CreateContext();
        Assert.Equal(1, await db.Submissions.CountAsync(s => s.CampaignId == campaignId));
        Assert.Equal(1, await db.WorkflowEvents.CountAsync(e => e.SubmissionId == created[0].Id));
    }

    private static async Task<(ActionResult? Result, Exception? Error)> Outcome(Task<ActionResult> task)
    {
        try
        {
            return (await task, null);
        }
        catch (PortalException e)
        {
            return (null, e);
        }
        catch (DbUpdateException e)
        {
            return (null, e);
        }
    }
}
