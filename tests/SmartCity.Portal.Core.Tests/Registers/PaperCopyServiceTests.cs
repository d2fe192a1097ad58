using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using SmartCity.Portal.Audit;
using SmartCity.Portal.Common;
using SmartCity.Portal.Core.Tests.Infrastructure;
using SmartCity.Portal.Organisations;
using SmartCity.Portal.Registers;
using SmartCity.Portal.Core.Tests.Submissions;
using SmartCity.Portal.Submissions;
using SmartCity.Portal.Submissions.Workflow;
using static SmartCity.Portal.Core.Tests.Submissions.WorkflowTestKit;

namespace SmartCity.Portal.Core.Tests.Registers;

/// <summary>DESIGN.md 3 (Registers) and 4: the province's receive register for paper copies.</summary>
public sealed class PaperCopyServiceTests(DemoDatabase database) : IClassFixture<DemoDatabase>
{
    /// <summary>The Bangkok date of <see cref="Early"/>: 1 Aug 2024, in 2567 BE.</summary>
    private static readonly DateOnly EarlyDate = new(2024, 8, 1);

    private const string Town = "muni-810101";

    [Fact]
    public async Task Fifty_concurrent_recordings_get_fifty_consecutive_numbers()
    {
        await using var isolated = await IsolatedDemoDatabase.CreateAsync();
        var db0 = isolated.Database;
        var clock = ClockAt(Early);
        var service = Paper(db0, clock);
        var province = await db0.SignInAsync("province-81");

        // Fifty reports at the province, written straight into the database.
        var ids = await HeldSubmissionsAsync(db0, "81", SubmissionState.AtProvince, 50, "810101");

        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var tasks = ids.Select(id => Task.Run(async () =>
        {
            await start.Task;
            return await service.RecordAsync(province, id, EarlyDate, "ไปรษณีย์ลงทะเบียน");
        })).ToList();
        start.SetResult();
        var receipts = await Task.WhenAll(tasks);

        var numbers = receipts.Select(r => int.Parse(r.ReceiveNo.Split('/')[0], System.Globalization.CultureInfo.InvariantCulture)).Order().ToList();
        Assert.Equal(Enumerable.Range(1, 50), numbers);
        Assert.All(receipts, r => Assert.EndsWith("/2567", r.ReceiveNo, StringComparison.Ordinal));
        Assert.Equal(50, receipts.Select(r => r.EntryId).Distinct().Count());

        await using (var db = db0.CreateContext())
        {
            var stored = await db.Submissions.AsNoTracking().Where(s => ids.Contains(s.Id)).ToListAsync();
            Assert.All(stored, s => Assert.Equal(Early, s.PaperCopyReceivedUtc));
            var events = await db.WorkflowEvents.AsNoTracking().Where(e => ids.Contains(e.SubmissionId)).ToListAsync();
            Assert.Equal(50, events.Count);
            Assert.All(events, e => Assert.Equal("paper-copy", e.Action));
            Assert.Equal(ids.Order(), events.Select(e => e.SubmissionId).Order());
            var entries = await db.RegisterEntries.AsNoTracking().ToListAsync();
            Assert.Equal(Enumerable.Range(1, 50), entries.Select(e => e.Number).Order());
            Assert.All(entries, e => Assert.Equal(2567, e.Year));
            Assert.Equal(50, await db.RegisterCounters.Where(c => c.Year == 2567 && c.Kind == RegisterKind.Receive).Select(c => c.LastNumber).SingleAsync());
        }

        var verification = await new AuditService(db0.Factory).VerifyAsync(await db0.SignInAsync("admin"));
        Assert.True(verification.Ok);
    }

    [Fact]
    public async Task A_cancelled_number_stays_in_the_register_and_is_never_issued_again()
    {
        await using var isolated = await IsolatedDemoDatabase.CreateAsync();
        var db0 = isolated.Database;
        var clock = ClockAt(Early);
        var workflow = Service(db0, clock);
        var service = Paper(db0, clock);
        var province = await db0.SignInAsync("province-81");
        var municipality = await db0.SignInAsync(Town);

        var ids = new List<int>();
        for (var i = 0; i < 4; i++)
        {
            ids.Add(await AtProvinceAsync(db0, workflow, municipality));
        }

        var first = await service.RecordAsync(province, ids[0], EarlyDate, null);
        var second = await service.RecordAsync(province, ids[1], EarlyDate, null);
        var third = await service.RecordAsync(province, ids[2], EarlyDate, null);
        Assert.Equal(["1/2567", "2/2567", "3/2567"], new[] { first.ReceiveNo, second.ReceiveNo, third.ReceiveNo });

        var noReason = await Assert.ThrowsAsync<PortalValidationException>(() => service.CancelAsync(province, second.EntryId, "  "));
        Assert.Equal(RegisterMessages.ReasonRequired, noReason.PortalMessage);
        var cancelled = await service.CancelAsync(province, second.EntryId, "บันทึกผิดฉบับ");
        Assert.NotNull(cancelled.CancelledUtc);
        Assert.Equal("บันทึกผิดฉบับ", cancelled.CancelReason);
        Assert.Equal("province-81", cancelled.CancelledByUserName);
        var twice = await Assert.ThrowsAsync<PortalConflictException>(() => service.CancelAsync(province, second.EntryId, "อีกครั้ง"));
        Assert.Equal(RegisterMessages.AlreadyCancelled, twice.PortalMessage);

        var fourth = await service.RecordAsync(province, ids[3], EarlyDate, null);
        Assert.Equal("4/2567", fourth.ReceiveNo);

        var register = await service.ListAsync(province, 2567);
        Assert.Equal([1, 2, 3, 4], register.Select(e => e.Number));
        Assert.Equal([false, true, false, false], register.Select(e => e.CancelledUtc is not null));
        Assert.Equal(ids[1], register[1].SubmissionId);

        // The cancelled entry's report has no paper copy any more: it may be recorded again, under a new number.
        Assert.Null((await workflow.GetAsync(province, ids[1])).PaperCopyReceivedUtc);
        var again = await service.RecordAsync(province, ids[1], EarlyDate, "ฉบับที่ถูกต้อง");
        Assert.Equal("5/2567", again.ReceiveNo);
        Assert.Equal([1, 2, 3, 4, 5], (await service.ListAsync(province, 2567)).Select(e => e.Number));

        await using var db = db0.CreateContext();
        Assert.Equal(
            ["paper-copy", "paper-copy-cancel", "paper-copy"],
            await db.WorkflowEvents.Where(e => e.SubmissionId == ids[1] && e.Action.StartsWith("paper-copy")).OrderBy(e => e.Sequence).Select(e => e.Action).ToListAsync());
        Assert.True((await new AuditService(db0.Factory).VerifyAsync(await db0.SignInAsync("admin"))).Ok);
    }

    [Fact]
    public async Task A_new_Buddhist_year_starts_the_register_at_one()
    {
        await using var isolated = await IsolatedDemoDatabase.CreateAsync();
        var db0 = isolated.Database;
        var clock = ClockAt(Early);
        var workflow = Service(db0, clock);
        var service = Paper(db0, clock);
        var province = await db0.SignInAsync("province-81");
        var municipality = await db0.SignInAsync(Town);
        var ids = new List<int>();
        for (var i = 0; i < 4; i++)
        {
            ids.Add(await AtProvinceAsync(db0, workflow, municipality));
        }

        Assert.Equal("1/2567", (await service.RecordAsync(province, ids[0], EarlyDate, null)).ReceiveNo);
        Assert.Equal("2/2567", (await service.RecordAsync(province, ids[1], EarlyDate, null)).ReceiveNo);

        // 2 Jan 2025 CE is in 2568 BE. A paper copy that arrived on the last day of 2567 keeps that year's register.
        clock.SetUtcNow(new DateTimeOffset(Utc(2025, 1, 2, 3, 0), TimeSpan.Zero));
        Assert.Equal("1/2568", (await service.RecordAsync(province, ids[2], new DateOnly(2025, 1, 2), null)).ReceiveNo);
        Assert.Equal("3/2567", (await service.RecordAsync(province, ids[3], new DateOnly(2024, 12, 31), null)).ReceiveNo);

        Assert.Equal([ids[2]], (await service.ListAsync(province, 2568)).Select(e => e.SubmissionId));
        Assert.Equal([1, 2, 3], (await service.ListAsync(province, 2567)).Select(e => e.Number));
    }

    [Fact]
    public async Task Only_the_province_records_and_only_what_it_may_record()
    {
        var clock = ClockAt(Early);
        var workflow = Service(database, clock);
        var service = Paper(database, clock);
        var province = await database.SignInAsync("province-81");
        var town = await database.SignInAsync(Town);
        var atProvince = await AtProvinceAsync(database, workflow, town);

        // A district, for a report in its own district, and the municipality, for its own report.
        var subdistrict = await database.SignInAsync("muni-810116");
        var atDistrictCampaign = await AddCampaignAsync(database);
        var atDistrict = await FilledDraftAsync(workflow, subdistrict, atDistrictCampaign);
        await ActAsync(workflow, subdistrict, atDistrict.Id, WorkflowAction.Submit);
        var district = await database.SignInAsync("district-8101");
        var denied = await Assert.ThrowsAsync<PortalAccessDeniedException>(() => service.RecordAsync(district, atDistrict.Id, EarlyDate, null));
        Assert.Equal(RegisterMessages.OnlyProvince, denied.PortalMessage);
        await Assert.ThrowsAsync<PortalAccessDeniedException>(() => service.RecordAsync(district, atProvince, EarlyDate, null));
        await Assert.ThrowsAsync<PortalAccessDeniedException>(() => service.RecordAsync(town, atProvince, EarlyDate, null));
        await Assert.ThrowsAsync<PortalAccessDeniedException>(() => service.ListAsync(town, 2567));

        // Not in the future (Bangkok date): 1 Aug is today at Early, 2 Aug is tomorrow.
        var future = await Assert.ThrowsAsync<PortalValidationException>(() => service.RecordAsync(province, atProvince, EarlyDate.AddDays(1), null));
        Assert.Equal(RegisterMessages.DateInFuture, future.PortalMessage);

        // A stale token is refused before anything is written.
        var stale = await Assert.ThrowsAsync<PortalStaleException>(() => service.RecordAsync(province, atProvince, EarlyDate, null, Guid.NewGuid()));
        Assert.Equal(WorkflowMessages.Stale, stale.PortalMessage);

        var token = (await workflow.GetAsync(province, atProvince)).ConcurrencyToken;
        var receipt = await service.RecordAsync(province, atProvince, EarlyDate, "  รับทางไปรษณีย์  ", token);
        Assert.Matches(@"^\d+/2567$", receipt.ReceiveNo);
        var detail = await workflow.GetAsync(province, atProvince);
        Assert.Equal(receipt.SubmissionConcurrencyToken, detail.ConcurrencyToken);
        Assert.NotEqual(token, detail.ConcurrencyToken);
        Assert.Equal("รับทางไปรษณีย์", (await service.ListAsync(province, 2567)).Single(e => e.Id == receipt.EntryId).Note);

        var again = await Assert.ThrowsAsync<PortalConflictException>(() => service.RecordAsync(province, atProvince, EarlyDate, null));
        Assert.Equal(RegisterMessages.AlreadyRecorded, again.PortalMessage);

        // A draft has not been sent: there is no paper copy to receive.
        var draftCampaign = await AddCampaignAsync(database);
        var draft = await FilledDraftAsync(workflow, town, draftCampaign);
        var notSent = await Assert.ThrowsAsync<PortalConflictException>(() => service.RecordAsync(province, draft.Id, EarlyDate, null));
        Assert.Equal(RegisterMessages.NotInTransit, notSent.PortalMessage);

        // Another province's report does not exist for province 81, and province 81's register is not another office's.
        await AddForeignProvinceAsync(database);
        var foreignMunicipality = await database.SignInAsync(ForeignMunicipalityUser);
        var foreignCampaign = await AddCampaignAsync(database);
        var foreign = await FilledDraftAsync(workflow, foreignMunicipality, foreignCampaign);
        await ActAsync(workflow, foreignMunicipality, foreign.Id, WorkflowAction.Submit);
        var notFound = await Assert.ThrowsAsync<PortalNotFoundException>(() => service.RecordAsync(province, foreign.Id, EarlyDate, null));
        Assert.Equal(WorkflowMessages.SubmissionNotFound, notFound.PortalMessage);
        var foreignProvince = await database.SignInAsync(ForeignProvinceUser);
        var otherOffice = await Assert.ThrowsAsync<PortalNotFoundException>(() => service.CancelAsync(foreignProvince, receipt.EntryId, "ไม่ใช่ของเรา"));
        Assert.Equal(RegisterMessages.EntryNotFound, otherOffice.PortalMessage);
        Assert.DoesNotContain(await service.ListAsync(foreignProvince, 2567), e => e.Id == receipt.EntryId);
        await Assert.ThrowsAsync<PortalNotFoundException>(() => service.RecordAsync(province, int.MaxValue, EarlyDate, null));
    }

    [Fact]
    public async Task The_province_forwards_to_DLA_only_with_the_paper_copy_recorded()
    {
        var clock = ClockAt(Early);
        var workflow = Service(database, clock);
        var service = Paper(database, clock);
        var province = await database.SignInAsync("province-81");
        var id = await AtProvinceAsync(database, workflow, await database.SignInAsync(Town));

        await AssertPaperCopyRequiredAsync(workflow, province, id);
        var first = await service.RecordAsync(province, id, EarlyDate, null);
        Assert.Contains(WorkflowAction.Forward, (await workflow.GetAsync(province, id)).PermittedActions);

        await service.CancelAsync(province, first.EntryId, "ผิดเรื่อง");
        await AssertPaperCopyRequiredAsync(workflow, province, id);

        var second = await service.RecordAsync(province, id, EarlyDate, null);
        // With the copy in, the way on to DLA is the cover letter (decision 0018): a plain forward is refused.
        var plain = await Assert.ThrowsAsync<PortalValidationException>(() => ActAsync(workflow, province, id, WorkflowAction.Forward));
        Assert.Equal(WorkflowMessages.DispatchRequired, plain.PortalMessage);
        var dispatches = new DispatchService(database.Factory, clock, workflow, new SubmissionChangeNotifier());
        await dispatches.CreateAsync(province, (await workflow.GetAsync(province, id)).CampaignId, [id], EarlyDate);
        Assert.Equal(SubmissionState.AtDla, (await workflow.GetAsync(province, id)).State);

        // Gone on to DLA: its paper copy can no longer be cancelled (and the entry stays as it was).
        var late = await Assert.ThrowsAsync<PortalConflictException>(() => service.CancelAsync(province, second.EntryId, "สายไป"));
        Assert.Equal(RegisterMessages.AlreadyForwarded, late.PortalMessage);
        Assert.Null((await service.ListAsync(province, 2567)).Single(e => e.Id == second.EntryId).CancelledUtc);
        var notInTransit = await Assert.ThrowsAsync<PortalConflictException>(() => service.RecordAsync(province, id, EarlyDate, null));
        Assert.Equal(RegisterMessages.NotInTransit, notInTransit.PortalMessage);
    }

    private static async Task AssertPaperCopyRequiredAsync(SubmissionService workflow, ClaimsPrincipal province, int id)
    {
        var refused = await Assert.ThrowsAsync<PortalValidationException>(() => ActAsync(workflow, province, id, WorkflowAction.Forward));
        Assert.Equal(WorkflowMessages.PaperCopyRequired, refused.PortalMessage);
        Assert.Equal(SubmissionState.AtProvince, (await workflow.GetAsync(province, id)).State);
    }

    private static PaperCopyService Paper(SqliteTestDatabase database, FakeTimeProvider clock) =>
        new(database.Factory, clock, new SubmissionChangeNotifier());

    /// <summary>A town municipality's report of a new campaign, submitted: towns go straight to the province.</summary>
    private static async Task<int> AtProvinceAsync(DemoDatabase database, SubmissionService workflow, ClaimsPrincipal municipality)
    {
        var campaignId = await AddCampaignAsync(database);
        var draft = await FilledDraftAsync(workflow, municipality, campaignId);
        var submitted = await ActAsync(workflow, municipality, draft.Id, WorkflowAction.Submit);
        Assert.Equal(SubmissionState.AtProvince, submitted.State);
        return draft.Id;
    }
}
