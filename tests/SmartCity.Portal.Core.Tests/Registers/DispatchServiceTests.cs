using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using SmartCity.Portal.Audit;
using SmartCity.Portal.Common;
using SmartCity.Portal.Core.Tests.Infrastructure;
using SmartCity.Portal.Core.Tests.Submissions;
using SmartCity.Portal.Registers;
using SmartCity.Portal.Submissions;
using SmartCity.Portal.Submissions.Workflow;
using static SmartCity.Portal.Core.Tests.Submissions.WorkflowTestKit;

namespace SmartCity.Portal.Core.Tests.Registers;

/// <summary>DESIGN.md 2–4: the province sends held reports to DLA as one numbered letter; DLA records its arrival.</summary>
public sealed class DispatchServiceTests(DemoDatabase database) : IClassFixture<DemoDatabase>
{
    /// <summary>The Bangkok date of <see cref="Early"/>: 1 Aug 2024, in 2567 BE.</summary>
    private static readonly DateOnly EarlyDate = new(2024, 8, 1);

    /// <summary>A town (straight to the province) and two subdistrict municipalities of district 8101.</summary>
    private static readonly string[] ThreeMunicipalities = ["810101", "810116", "810103"];

    [Fact]
    public async Task Three_held_reports_go_as_one_letter_numbered_from_the_send_register()
    {
        await using var isolated = await IsolatedDemoDatabase.CreateAsync();
        var kit = new Kit(isolated.Database);
        var campaignId = await AddCampaignAsync(isolated.Database);
        var ids = new List<int>();
        foreach (var code in ThreeMunicipalities)
        {
            ids.Add(await kit.HeldAsync(campaignId, code));
        }

        var candidates = await kit.Dispatches.CandidatesAsync(kit.Province, campaignId);
        Assert.Equal(ids.Order(), candidates.Select(c => c.SubmissionId).Order());
        Assert.All(candidates, c => Assert.True(c.CanDispatch && c.PaperCopyReceived && c.PaperReceiveNo is not null));

        var created = await kit.Dispatches.CreateAsync(kit.Province, campaignId, ids, EarlyDate);
        Assert.Equal("กบ ๐๐๒๓.๓/๑", created.LetterNo);
        Assert.Equal("1/2567", created.SendNo);

        foreach (var id in ids)
        {
            var s = await kit.Workflow.GetAsync(kit.Province, id);
            Assert.Equal(SubmissionState.AtDla, s.State);
            var forward = Assert.Single(s.History, e => e.Action == "forward" && e.FromState == nameof(SubmissionState.AtProvince));
            Assert.Equal(nameof(SubmissionState.AtDla), forward.ToState);
            Assert.Contains("กบ ๐๐๒๓.๓/๑", forward.Comment, StringComparison.Ordinal);
            Assert.Equal("province-81", forward.UserName);
        }

        Assert.Empty(await kit.Dispatches.CandidatesAsync(kit.Province, campaignId));
        var detail = await kit.Dispatches.GetAsync(kit.Province, created.Id);
        Assert.Equal(3, detail.Summary.ItemCount);
        Assert.Equal(ids.Order(), detail.Items.Select(i => i.SubmissionId).Order());
        Assert.Contains(detail.Items, i => i.Municipality.NameTh == "เทศบาลเมืองกระบี่" && i.DistrictNameTh == "อำเภอเมืองกระบี่");
        Assert.All(detail.Items, i => Assert.Matches(@"^\d+/2567$", i.PaperReceiveNo!));
        Assert.Equal("กระบี่", detail.FromProvinceNameTh);
        Assert.Equal("นำส่งแบบรายงานผลข้อมูลการพัฒนาศักยภาพเมืองน่าอยู่อัจฉริยะ ฉบับจริง จำนวน 3 แห่ง", detail.SendSubject);

        // The next letter of the office takes the next number.
        var second = await AddCampaignAsync(isolated.Database);
        var next = await kit.HeldAsync(second, "810101");
        var created2 = await kit.Dispatches.CreateAsync(kit.Province, second, [next], EarlyDate);
        Assert.Equal("กบ ๐๐๒๓.๓/๒", created2.LetterNo);
        Assert.Equal("2/2567", created2.SendNo);

        await using (var db = isolated.Database.CreateContext())
        {
            var sent = await db.RegisterEntries.AsNoTracking().Where(e => e.Kind == RegisterKind.Send).OrderBy(e => e.Number).ToListAsync();
            Assert.Equal([1, 2], sent.Select(e => e.Number));
            var stored = await db.Dispatches.AsNoTracking().Include(d => d.Items).SingleAsync(d => d.Id == created.Id);
            Assert.Equal(sent[0].Id, stored.SendEntryId);
            Assert.Equal(ids.Order(), stored.Items.Select(i => i.SubmissionId).Order());
            Assert.Null(stored.ReceivedUtc);
        }

        Assert.True((await new AuditService(isolated.Database.Factory).VerifyAsync(await isolated.Database.SignInAsync("admin"))).Ok);
    }

    [Fact]
    public async Task One_report_without_its_paper_copy_stops_the_whole_letter_and_is_named()
    {
        await using var isolated = await IsolatedDemoDatabase.CreateAsync();
        var kit = new Kit(isolated.Database);
        var campaignId = await AddCampaignAsync(isolated.Database, paperCopyRequired: true);
        var withPaper1 = await kit.HeldAsync(campaignId, "810101");
        var withoutPaper = await kit.HeldAsync(campaignId, "810116", recordPaperCopy: false);
        var withPaper2 = await kit.HeldAsync(campaignId, "810103");

        var candidate = Assert.Single(await kit.Dispatches.CandidatesAsync(kit.Province, campaignId), c => c.SubmissionId == withoutPaper);
        Assert.False(candidate.CanDispatch);
        Assert.Equal(WorkflowMessages.PaperCopyRequired, candidate.Blocked);

        var refused = await Assert.ThrowsAsync<PortalBatchValidationException>(
            () => kit.Dispatches.CreateAsync(kit.Province, campaignId, [withPaper1, withoutPaper, withPaper2], EarlyDate));
        var item = Assert.Single(refused.Items);
        Assert.Equal(withoutPaper, item.Id);
        Assert.Equal("เทศบาลตำบลอ่าวนาง", item.NameTh);
        Assert.Equal(WorkflowMessages.PaperCopyRequired, item.Reason);
        Assert.Contains("เทศบาลตำบลอ่าวนาง", refused.PortalMessage.Th, StringComparison.Ordinal);
        Assert.Contains("Ao Nang", refused.PortalMessage.En, StringComparison.Ordinal);

        await AssertNothingSentAsync(isolated.Database, kit, [withPaper1, withoutPaper, withPaper2]);

        // Once the copy is recorded the same letter goes, and it takes number 1: the refused attempt used none.
        await kit.Paper.RecordAsync(kit.Province, withoutPaper, EarlyDate, null);
        var created = await kit.Dispatches.CreateAsync(kit.Province, campaignId, [withPaper1, withoutPaper, withPaper2], EarlyDate);
        Assert.Equal("กบ ๐๐๒๓.๓/๑", created.LetterNo);
    }

    [Fact]
    public async Task Reports_not_held_by_the_province_or_of_another_province_are_refused()
    {
        var kit = new Kit(database);
        await AddForeignProvinceAsync(database);
        var campaignId = await AddCampaignAsync(database);
        var held = await kit.HeldAsync(campaignId, "810101");

        // Still at its district: visible to the province, but not the province's to send.
        var atDistrictMunicipality = await database.SignInAsync("muni-810116");
        var draft = await FilledDraftAsync(kit.Workflow, atDistrictMunicipality, campaignId);
        await ActAsync(kit.Workflow, atDistrictMunicipality, draft.Id, WorkflowAction.Submit);

        // Another province's report: the province does not even learn that it exists.
        var foreignMunicipality = await database.SignInAsync(ForeignMunicipalityUser);
        var foreign = await FilledDraftAsync(kit.Workflow, foreignMunicipality, campaignId);
        await ActAsync(kit.Workflow, foreignMunicipality, foreign.Id, WorkflowAction.Submit);

        var refused = await Assert.ThrowsAsync<PortalBatchValidationException>(
            () => kit.Dispatches.CreateAsync(kit.Province, campaignId, [held, draft.Id, foreign.Id], EarlyDate));
        Assert.Equal([draft.Id, foreign.Id], refused.Items.Select(i => i.Id));
        Assert.Equal(WorkflowMessages.NotHolder, refused.Items[0].Reason);
        Assert.Equal("เทศบาลตำบลอ่าวนาง", refused.Items[0].NameTh);
        Assert.Equal(WorkflowMessages.SubmissionNotFound, refused.Items[1].Reason);
        Assert.Equal($"รายงานเลขที่ {foreign.Id}", refused.Items[1].NameTh);
        Assert.Equal(SubmissionState.AtProvince, (await kit.Workflow.GetAsync(kit.Province, held)).State);

        // A report of another campaign cannot ride on this campaign's letter.
        var otherCampaign = await AddCampaignAsync(database);
        var other = await kit.HeldAsync(otherCampaign, "810101");
        var wrongCampaign = await Assert.ThrowsAsync<PortalBatchValidationException>(
            () => kit.Dispatches.CreateAsync(kit.Province, campaignId, [held, other], EarlyDate));
        Assert.Equal(DispatchMessages.NotInCampaign, Assert.Single(wrongCampaign.Items).Reason);

        var future = await Assert.ThrowsAsync<PortalValidationException>(() => kit.Dispatches.CreateAsync(kit.Province, campaignId, [held], EarlyDate.AddDays(1)));
        Assert.Equal(DispatchMessages.LetterDateInFuture, future.PortalMessage);
        var none = await Assert.ThrowsAsync<PortalValidationException>(() => kit.Dispatches.CreateAsync(kit.Province, campaignId, [], EarlyDate));
        Assert.Equal(DispatchMessages.NoItems, none.PortalMessage);
    }

    [Fact]
    public async Task Districts_and_municipalities_may_neither_send_nor_read_dispatches()
    {
        var kit = new Kit(database);
        var campaignId = await AddCampaignAsync(database);
        var held = await kit.HeldAsync(campaignId, "810101");
        foreach (var userName in new[] { "district-8101", "muni-810101" })
        {
            var user = await database.SignInAsync(userName);
            var denied = await Assert.ThrowsAsync<PortalAccessDeniedException>(() => kit.Dispatches.CreateAsync(user, campaignId, [held], EarlyDate));
            Assert.Equal(DispatchMessages.OnlyProvince, denied.PortalMessage);
            await Assert.ThrowsAsync<PortalAccessDeniedException>(() => kit.Dispatches.CandidatesAsync(user, campaignId));
            await Assert.ThrowsAsync<PortalAccessDeniedException>(() => kit.Dispatches.SetLetterCodePrefixAsync(user, "กบ ๐๐๑"));
            var list = await Assert.ThrowsAsync<PortalAccessDeniedException>(() => kit.Dispatches.ListAsync(user, new DispatchFilter()));
            Assert.Equal(DispatchMessages.NotYourTier, list.PortalMessage);
            await Assert.ThrowsAsync<PortalAccessDeniedException>(() => kit.Dispatches.GetAsync(user, 1));
            await Assert.ThrowsAsync<PortalAccessDeniedException>(() => kit.Dispatches.RecordReceiptAsync(user, 1, EarlyDate, null));
        }

        // DLA receives letters; it does not send them.
        await Assert.ThrowsAsync<PortalAccessDeniedException>(() => kit.Dispatches.CreateAsync(kit.Dla, campaignId, [held], EarlyDate));
        Assert.Equal(SubmissionState.AtProvince, (await kit.Workflow.GetAsync(kit.Province, held)).State);
    }

    [Fact]
    public async Task Without_a_letter_code_the_province_is_told_to_set_one_and_the_code_is_stored_with_Thai_digits()
    {
        await using var isolated = await IsolatedDemoDatabase.CreateAsync();
        var kit = new Kit(isolated.Database);
        var campaignId = await AddCampaignAsync(isolated.Database);
        var held = await kit.HeldAsync(campaignId, "810101");
        await using (var db = isolated.Database.CreateContext())
        {
            await db.OrgUnits.Where(o => o.Code == "81").ExecuteUpdateAsync(s => s.SetProperty(o => o.LetterCodePrefix, (string?)null));
        }

        var missing = await Assert.ThrowsAsync<PortalValidationException>(() => kit.Dispatches.CreateAsync(kit.Province, campaignId, [held], EarlyDate));
        Assert.Equal(DispatchMessages.PrefixMissing, missing.PortalMessage);
        Assert.Contains("กรุณากำหนดรหัสหนังสือ", missing.PortalMessage.Th, StringComparison.Ordinal);
        Assert.Null(await kit.Dispatches.GetLetterCodePrefixAsync(kit.Province));

        foreach (var bad in new[] { "", "   ", "/", new string('ก', 41) })
        {
            var invalid = await Assert.ThrowsAsync<PortalValidationException>(() => kit.Dispatches.SetLetterCodePrefixAsync(kit.Province, bad));
            Assert.Equal(DispatchMessages.PrefixInvalid, invalid.PortalMessage);
        }

        Assert.Equal("กบ ๐๐๒๓.๓", await kit.Dispatches.SetLetterCodePrefixAsync(kit.Province, "  กบ  0023.3/ "));
        Assert.Equal("กบ ๐๐๒๓.๓", await kit.Dispatches.GetLetterCodePrefixAsync(kit.Province));
        var created = await kit.Dispatches.CreateAsync(kit.Province, campaignId, [held], EarlyDate);
        Assert.Equal("กบ ๐๐๒๓.๓/๑", created.LetterNo);
    }

    [Fact]
    public async Task DLA_records_the_receipt_once_under_its_own_receive_number_and_sees_what_is_outstanding()
    {
        await using var isolated = await IsolatedDemoDatabase.CreateAsync();
        var kit = new Kit(isolated.Database);
        var campaignId = await AddCampaignAsync(isolated.Database);
        var first = await kit.Dispatches.CreateAsync(kit.Province, campaignId, [await kit.HeldAsync(campaignId, "810101")], EarlyDate);
        var second = await kit.Dispatches.CreateAsync(kit.Province, campaignId, [await kit.HeldAsync(campaignId, "810116")], EarlyDate);

        var outstanding = await kit.Dispatches.ListAsync(kit.Dla, new DispatchFilter(Status: DispatchStatus.Outstanding));
        Assert.Equal([second.Id, first.Id], outstanding.Select(d => d.Id));

        var byProvince = await Assert.ThrowsAsync<PortalAccessDeniedException>(() => kit.Dispatches.RecordReceiptAsync(kit.Province, first.Id, EarlyDate, null));
        Assert.Equal(DispatchMessages.OnlyDla, byProvince.PortalMessage);
        var future = await Assert.ThrowsAsync<PortalValidationException>(() => kit.Dispatches.RecordReceiptAsync(kit.Dla, first.Id, EarlyDate.AddDays(1), null));
        Assert.Equal(DispatchMessages.ReceivedDateInFuture, future.PortalMessage);
        var early = await Assert.ThrowsAsync<PortalValidationException>(() => kit.Dispatches.RecordReceiptAsync(kit.Dla, first.Id, EarlyDate.AddDays(-1), null));
        Assert.Equal(DispatchMessages.ReceivedBeforeLetter, early.PortalMessage);
        await Assert.ThrowsAsync<PortalNotFoundException>(() => kit.Dispatches.RecordReceiptAsync(kit.Dla, 999_999, EarlyDate, null));

        var received = await kit.Dispatches.RecordReceiptAsync(kit.Dla, first.Id, EarlyDate, "รับทางไปรษณีย์");
        Assert.Equal("1/2567", received.ReceiveNo);
        Assert.Equal("dla", received.ReceivedByUserName);
        Assert.True(received.IsReceived);
        var twice = await Assert.ThrowsAsync<PortalConflictException>(() => kit.Dispatches.RecordReceiptAsync(kit.Dla, first.Id, EarlyDate, null));
        Assert.Equal(DispatchMessages.AlreadyReceived, twice.PortalMessage);
        Assert.Equal("2/2567", (await kit.Dispatches.RecordReceiptAsync(kit.Dla, second.Id, EarlyDate, null)).ReceiveNo);

        Assert.Empty(await kit.Dispatches.ListAsync(kit.Dla, new DispatchFilter(Status: DispatchStatus.Outstanding)));
        Assert.Equal(2, (await kit.Dispatches.ListAsync(kit.Dla, new DispatchFilter(Status: DispatchStatus.Received, ProvinceCode: "81"))).Count);
        Assert.Empty(await kit.Dispatches.ListAsync(kit.Dla, new DispatchFilter(ProvinceCode: "80")));

        // The province sees the number DLA gave its letter.
        var seen = await kit.Dispatches.GetAsync(kit.Province, first.Id);
        Assert.Equal("1/2567", seen.Summary.ReceiveNo);
        Assert.Equal("รับทางไปรษณีย์", seen.ReceiveNote);

        await using var db = isolated.Database.CreateContext();
        var dlaOffice = await isolated.Database.OrgUnitIdAsync("DLA-LAD");
        var entry = await db.RegisterEntries.AsNoTracking().SingleAsync(e => e.OrgUnitId == dlaOffice && e.Number == 1 && e.Kind == RegisterKind.Receive);
        Assert.Contains("กบ ๐๐๒๓.๓/๑", entry.Subject, StringComparison.Ordinal);

        // Each report's history records the arrival at DLA with DLA's number, and the chains still verify.
        var firstReport = (await kit.Dispatches.GetAsync(kit.Dla, first.Id)).Items.Single().SubmissionId;
        var receipt = await db.WorkflowEvents.AsNoTracking().SingleAsync(e => e.SubmissionId == firstReport && e.Action == "dla-receipt");
        Assert.Equal("กรมรับหนังสือ ที่ กบ ๐๐๒๓.๓/๑ เลขรับ 1/2567", receipt.Comment);
        Assert.Equal(receipt.FromState, receipt.ToState);
        Assert.True((await new SmartCity.Portal.Audit.AuditService(isolated.Database.Factory).VerifyAsync(kit.Dla)).Ok);
    }

    [Fact]
    public async Task Another_province_cannot_see_the_dispatch()
    {
        var kit = new Kit(database);
        await AddForeignProvinceAsync(database);
        var campaignId = await AddCampaignAsync(database);
        var created = await kit.Dispatches.CreateAsync(kit.Province, campaignId, [await kit.HeldAsync(campaignId, "810101")], EarlyDate);
        var foreignProvince = await database.SignInAsync(ForeignProvinceUser);

        var hidden = await Assert.ThrowsAsync<PortalNotFoundException>(() => kit.Dispatches.GetAsync(foreignProvince, created.Id));
        Assert.Equal(DispatchMessages.NotFound, hidden.PortalMessage);
        Assert.DoesNotContain(await kit.Dispatches.ListAsync(foreignProvince, new DispatchFilter()), d => d.Id == created.Id);
        Assert.Contains(await kit.Dispatches.ListAsync(kit.Province, new DispatchFilter()), d => d.Id == created.Id);
        Assert.Equal(created.LetterNo, (await kit.Dispatches.GetAsync(kit.Dla, created.Id)).Summary.LetterNo);
    }

    [Fact]
    public async Task Concurrent_dispatches_of_one_office_get_distinct_consecutive_numbers()
    {
        await using var isolated = await IsolatedDemoDatabase.CreateAsync();
        var kit = new Kit(isolated.Database);
        var work = new List<(int Campaign, int Submission)>();
        for (var i = 0; i < 8; i++)
        {
            var campaignId = await AddCampaignAsync(isolated.Database);
            work.Add((campaignId, await kit.HeldAsync(campaignId, "810101")));
        }

        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var tasks = work.Select(w => Task.Run(async () =>
        {
            await start.Task;
            return await kit.Dispatches.CreateAsync(kit.Province, w.Campaign, [w.Submission], EarlyDate);
        })).ToList();
        start.SetResult();
        var created = await Task.WhenAll(tasks);

        Assert.Equal(
            Enumerable.Range(1, 8).Select(n => "กบ ๐๐๒๓.๓/" + ThaiDigits.ToThai(n)).Order(StringComparer.Ordinal),
            created.Select(c => c.LetterNo).Order(StringComparer.Ordinal));
        await using var db = isolated.Database.CreateContext();
        Assert.Equal(Enumerable.Range(1, 8), await db.Dispatches.OrderBy(d => d.Number).Select(d => d.Number).ToListAsync());
        Assert.True((await new AuditService(isolated.Database.Factory).VerifyAsync(await isolated.Database.SignInAsync("admin"))).Ok);
    }

    [Fact]
    public async Task A_report_changed_since_the_page_read_it_makes_the_whole_dispatch_stale()
    {
        await using var isolated = await IsolatedDemoDatabase.CreateAsync();
        var kit = new Kit(isolated.Database);
        var campaignId = await AddCampaignAsync(isolated.Database);
        var a = await kit.HeldAsync(campaignId, "810101");
        var b = await kit.HeldAsync(campaignId, "810116");
        var read = (await kit.Dispatches.CandidatesAsync(kit.Province, campaignId)).ToDictionary(c => c.SubmissionId, c => c.ConcurrencyToken);

        // Someone else acts on b meanwhile (a note on its paper copy is a change like any other).
        await using (var db = isolated.Database.CreateContext())
        {
            var s = await db.Submissions.SingleAsync(x => x.Id == b);
            s.UpdatedUtc = Early.AddMinutes(1);
            await db.SaveChangesAsync();
        }

        var stale = await Assert.ThrowsAsync<PortalStaleException>(() => kit.Dispatches.CreateAsync(kit.Province, campaignId, [a, b], EarlyDate, read));
        Assert.Equal(WorkflowMessages.Stale, stale.PortalMessage);
        await AssertNothingSentAsync(isolated.Database, kit, [a, b]);
    }

    private static async Task AssertNothingSentAsync(DemoDatabase database, Kit kit, IReadOnlyList<int> ids)
    {
        await using var db = database.CreateContext();
        Assert.Equal(0, await db.Dispatches.CountAsync());
        Assert.Equal(0, await db.DispatchItems.CountAsync());
        Assert.Equal(0, await db.RegisterEntries.CountAsync(e => e.Kind == RegisterKind.Send));
        Assert.Equal(0, await db.RegisterCounters.Where(c => c.Kind == RegisterKind.Send).SumAsync(c => c.LastNumber));
        Assert.Equal(0, await db.WorkflowEvents.CountAsync(e => ids.Contains(e.SubmissionId) && e.ToState == nameof(SubmissionState.AtDla)));
        foreach (var id in ids)
        {
            Assert.Equal(SubmissionState.AtProvince, (await kit.Workflow.GetAsync(kit.Province, id)).State);
        }
    }

    /// <summary>The services on one fake clock at <see cref="Early"/>, and the people who use them.</summary>
    private sealed class Kit
    {
        private readonly DemoDatabase database;

        public Kit(DemoDatabase database)
        {
            this.database = database;
            Clock = ClockAt(Early);
            var notifier = new SubmissionChangeNotifier();
            Workflow = new SubmissionService(database.Factory, Clock, notifier);
            Paper = new PaperCopyService(database.Factory, Clock, notifier);
            Dispatches = new DispatchService(database.Factory, Clock, Workflow, notifier);
            Province = database.SignInAsync("province-81").GetAwaiter().GetResult();
            Dla = database.SignInAsync("dla").GetAwaiter().GetResult();
        }

        public FakeTimeProvider Clock { get; }

        public SubmissionService Workflow { get; }

        public PaperCopyService Paper { get; }

        public DispatchService Dispatches { get; }

        public ClaimsPrincipal Province { get; }

        public ClaimsPrincipal Dla { get; }

        /// <summary>The municipality's report of the campaign, submitted, forwarded by its district if it has to be, at the province (with its paper copy recorded unless told not to).</summary>
        public async Task<int> HeldAsync(int campaignId, string municipalityCode, bool recordPaperCopy = true)
        {
            var municipality = await database.SignInAsync("muni-" + municipalityCode);
            var draft = await FilledDraftAsync(Workflow, municipality, campaignId);
            var submitted = await ActAsync(Workflow, municipality, draft.Id, WorkflowAction.Submit);
            if (submitted.State == SubmissionState.AtDistrict)
            {
                var district = await database.SignInAsync("district-" + municipalityCode[..4]);
                await ActAsync(Workflow, district, draft.Id, WorkflowAction.Forward, "ตรวจแล้ว");
            }

            if (recordPaperCopy)
            {
                await Paper.RecordAsync(Province, draft.Id, EarlyDate, null);
            }

            Assert.Equal(SubmissionState.AtProvince, (await Workflow.GetAsync(Province, draft.Id)).State);
            return draft.Id;
        }
    }
}

/// <summary>The cover letter, worded once and rendered as a .docx that Word (and this test) can open again.</summary>
public sealed class DispatchLetterTests
{
    [Fact]
    public void The_docx_letter_opens_again_with_its_number_date_and_municipalities()
    {
        var office = new OrgRef(10, "81", "สำนักงานส่งเสริมการปกครองท้องถิ่นจังหวัดกระบี่", "Krabi Provincial Office");
        var summary = new DispatchSummary(
            7, 1, office, "81", "กบ ๐๐๒๓.๓/๑๕", 2569, 15, new DateTime(2026, 11, 20, 0, 0, 0, DateTimeKind.Utc), new DateTime(2026, 11, 20, 3, 0, 0, DateTimeKind.Utc),
            "province-81", 2, null, null, null, null);
        var detail = new DispatchDetail(
            summary, "การคัดเลือกองค์กรปกครองส่วนท้องถิ่นที่มีการพัฒนาศักยภาพเมืองน่าอยู่อัจฉริยะที่มีความโดดเด่น ประจำปี พ.ศ. 2567", "มท ๐๘๑๐.๒/ว ๓๐๙๕",
            new DateTime(2024, 7, 14, 17, 0, 0, DateTimeKind.Utc), 2567, "กระบี่", "กองพัฒนาและส่งเสริมการบริหารงานท้องถิ่น",
            "นำส่งแบบรายงาน ฉบับจริง จำนวน 2 แห่ง", null,
            [
                new DispatchItemView(1, new OrgRef(1, "810101", "เทศบาลเมืองกระบี่", null), "อำเภอเมืองกระบี่", null, "SC2567-81-0001", "3/2569"),
                new DispatchItemView(2, new OrgRef(2, "810116", "เทศบาลตำบลอ่าวนาง", null), "อำเภอเมืองกระบี่", null, "SC2567-81-0002", "12/2569"),
            ]);

        var letter = DispatchLetter.From(detail);
        Assert.Equal("๒๐ พฤศจิกายน ๒๕๖๙", letter.Date);
        Assert.Equal("ศาลากลางจังหวัดกระบี่", letter.Address);
        Assert.Equal("หนังสือกรมส่งเสริมการปกครองท้องถิ่น ที่ มท ๐๘๑๐.๒/ว ๓๐๙๕ ลงวันที่ ๑๕ กรกฎาคม ๒๕๖๗", letter.Reference);
        Assert.Equal(["๑", "๒"], letter.Rows.Select(r => r.Order));
        Assert.Equal("๑๒/๒๕๖๙", letter.Rows[1].PaperReceiveNo);

        var bytes = DispatchLetterDocx.Build(letter);
        using var stream = new MemoryStream(bytes);
        using var document = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(stream, false);
        var text = document.MainDocumentPart!.Document.Body!.InnerText;
        Assert.Contains("ที่ กบ ๐๐๒๓.๓/๑๕", text, StringComparison.Ordinal);
        Assert.Contains("๒๐ พฤศจิกายน ๒๕๖๙", text, StringComparison.Ordinal);
        Assert.Contains("เทศบาลเมืองกระบี่", text, StringComparison.Ordinal);
        Assert.Contains("เทศบาลตำบลอ่าวนาง", text, StringComparison.Ordinal);
        Assert.Contains("อธิบดีกรมส่งเสริมการปกครองท้องถิ่น", text, StringComparison.Ordinal);
        var fonts = document.MainDocumentPart.StyleDefinitionsPart!.Styles!.Descendants<DocumentFormat.OpenXml.Wordprocessing.RunFonts>().Single();
        Assert.Equal("Sarabun", fonts.ComplexScript?.Value);

        // Valid against the Office schema, so Word opens it without a repair prompt.
        Assert.Empty(new DocumentFormat.OpenXml.Validation.OpenXmlValidator().Validate(document).Select(e => $"{e.Path?.XPath}: {e.Description}"));
    }
}
