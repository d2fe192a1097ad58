using ClosedXML.Excel;
using Microsoft.EntityFrameworkCore;
using SmartCity.Portal.Common;
using SmartCity.Portal.Core.Tests.Infrastructure;
using SmartCity.Portal.Core.Tests.Submissions;
using SmartCity.Portal.Organisations;
using SmartCity.Portal.Registers;
using SmartCity.Portal.Reports;
using SmartCity.Portal.Submissions;
using SmartCity.Portal.Submissions.Workflow;
using static SmartCity.Portal.Core.Tests.Reports.ExportTestKit;
using static SmartCity.Portal.Core.Tests.Submissions.WorkflowTestKit;

namespace SmartCity.Portal.Core.Tests.Reports;

/// <summary>Real .xlsx files written by the exports and opened again with ClosedXML, as an officer opens them in Excel.</summary>
public sealed class ExportServiceTests
{
    private static readonly string[] TrackerHeaders =
    [
        "จังหวัด", "อำเภอ", "รหัส อปท.", "เทศบาล", "ประเภท", "สถานะ", "ผู้ถือเรื่อง", "เลขที่อ้างอิง", "วันที่ส่ง", "วันที่ส่งต่อ",
        "วันที่รับฉบับจริง", "เลขรับฉบับจริง", "เลขที่หนังสือนำส่ง", "วันที่กรมรับ", "กำหนดส่ง", "ล่าช้า", "เหตุที่ล่าช้า",
    ];

    [Fact]
    public async Task Tracker_rows_are_exactly_the_callers_municipalities_with_real_BE_dates_and_Thai_intact()
    {
        await using var isolated = await IsolatedDemoDatabase.CreateAsync();
        var db0 = isolated.Database;
        await AddForeignProvinceAsync(db0);
        var campaignId = await AddCampaignAsync(db0);
        var clock = ClockAt(Early);
        var workflow = Service(db0, clock);
        var ao = await db0.SignInAsync("muni-810116");
        var draft = await FilledDraftAsync(workflow, ao, campaignId);
        await ActAsync(workflow, ao, draft.Id, WorkflowAction.Submit);
        clock.Advance(TimeSpan.FromHours(2));
        await ActAsync(workflow, await db0.SignInAsync("district-8101"), draft.Id, WorkflowAction.Forward);
        var provinceUser = await db0.SignInAsync("province-81");
        var receipt = await new PaperCopyService(db0.Factory, clock, new SubmissionChangeNotifier()).RecordAsync(provinceUser, draft.Id, new DateOnly(2024, 8, 1), null);
        var exports = Exports(db0, clock);

        var krabi = DemoOrganisations.Municipalities.Select(m => m.Code).Order(StringComparer.Ordinal).ToList();
        var expected = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal)
        {
            // The town 810101 reports to the province directly: not the district's row.
            ["district-8101"] = ["810103", "810116"],
            ["province-81"] = krabi,
            ["dla"] = [.. krabi, ForeignMunicipalityCode],
        };

        foreach (var (userName, codes) in expected)
        {
            using var output = new MemoryStream();
            var file = await exports.WriteTrackerAsync(await db0.SignInAsync(userName), campaignId, output);
            using var workbook = Reopen(output);
            var sheet = workbook.Worksheet("ติดตามรายงาน");
            Assert.Equal(TrackerHeaders, Headers(sheet));
            var rows = Rows(sheet);
            Assert.Equal(codes, rows.Select(r => r["รหัส อปท."].GetString()).Order(StringComparer.Ordinal));
            Assert.Equal(codes.Count, file.Rows);
            AssertSheetLayout(sheet, codes.Count);
            Assert.True(workbook.TryGetWorksheet("ข้อมูล", out _));
            Assert.EndsWith("-25670801.xlsx", file.AsciiFileName, StringComparison.Ordinal);
            Assert.StartsWith("tracker-2567-", file.AsciiFileName, StringComparison.Ordinal);
            Assert.StartsWith("ติดตามรายงาน-2567-", file.FileName, StringComparison.Ordinal);
        }

        using var provinceOutput = new MemoryStream();
        var provinceFile = await exports.WriteTrackerAsync(provinceUser, campaignId, provinceOutput);
        Assert.Equal("tracker-2567-81-25670801.xlsx", provinceFile.AsciiFileName);
        Assert.Equal("ติดตามรายงาน-2567-จังหวัดกระบี่-25670801.xlsx", provinceFile.FileName);
        using var book = Reopen(provinceOutput);
        var all = Rows(book.Worksheet(1));
        var aoNang = all.Single(r => r["รหัส อปท."].GetString() == "810116");
        Assert.Equal("เทศบาลตำบลอ่าวนาง", aoNang["เทศบาล"].GetString());
        Assert.Equal("กระบี่", aoNang["จังหวัด"].GetString());
        Assert.Equal("เมืองกระบี่", aoNang["อำเภอ"].GetString());
        Assert.Equal("ตำบล", aoNang["ประเภท"].GetString());
        Assert.Equal("ส่งถึงจังหวัดแล้ว", aoNang["สถานะ"].GetString());
        Assert.Equal("สำนักงานส่งเสริมการปกครองท้องถิ่นจังหวัดกระบี่", aoNang["ผู้ถือเรื่อง"].GetString());

        // Submitted at 02:00 UTC = 09:00 in Bangkok: a real date, shown in the Buddhist calendar.
        AssertBuddhistDate(aoNang["วันที่ส่ง"], new DateTime(2024, 8, 1, 9, 0, 0), ExcelSheet.ThaiDateTimeFormat);
        AssertBuddhistDate(aoNang["วันที่ส่งต่อ"], new DateTime(2024, 8, 1, 11, 0, 0), ExcelSheet.ThaiDateTimeFormat);

        // "15/2567"-like numbers stay text: Excel must not read them as a date or a fraction.
        Assert.Equal(XLDataType.Text, aoNang["เลขรับฉบับจริง"].DataType);
        Assert.Equal(receipt.ReceiveNo, aoNang["เลขรับฉบับจริง"].GetString());
        Assert.Equal(XLDataType.Text, aoNang["รหัส อปท."].DataType);
        Assert.StartsWith("SC2567-81-", aoNang["เลขที่อ้างอิง"].GetString(), StringComparison.Ordinal);

        var notStarted = all.Single(r => r["รหัส อปท."].GetString() == "810101");
        Assert.Equal("ยังไม่เริ่มจัดทำ", notStarted["สถานะ"].GetString());
        Assert.Equal("เมือง", notStarted["ประเภท"].GetString());
        Assert.True(notStarted["วันที่ส่ง"].IsEmpty());
        Assert.All(all, r => Assert.Equal("", r["ล่าช้า"].GetString()));
    }

    [Fact]
    public async Task Late_municipalities_are_flagged_in_Thai()
    {
        await using var isolated = await IsolatedDemoDatabase.CreateAsync();
        var db0 = isolated.Database;
        var campaignId = await AddCampaignAsync(db0);
        using var output = new MemoryStream();
        await Exports(db0, ClockAt(Deadline)).WriteTrackerAsync(await db0.SignInAsync("province-81"), campaignId, output);

        using var workbook = Reopen(output);
        var rows = Rows(workbook.Worksheet(1));
        Assert.All(rows, r => Assert.Equal("ล่าช้า", r["ล่าช้า"].GetString()));
        Assert.All(rows, r => Assert.Equal("ยังไม่ส่งภายในกำหนด", r["เหตุที่ล่าช้า"].GetString()));
    }

    [Fact]
    public async Task A_municipality_may_not_export_the_tracker_and_an_unknown_campaign_is_not_found()
    {
        await using var isolated = await IsolatedDemoDatabase.CreateAsync();
        var db0 = isolated.Database;
        var campaignId = await AddCampaignAsync(db0);
        var exports = Exports(db0, ClockAt(Early));
        using var output = new MemoryStream();

        var denied = await Assert.ThrowsAsync<PortalAccessDeniedException>(() => exports.WriteTrackerAsync(db0.SignInAsync("muni-810116").Result, campaignId, output));
        Assert.Equal("tracker-offices-only", denied.PortalMessage.Code);
        await Assert.ThrowsAsync<PortalNotFoundException>(() => exports.WriteTrackerAsync(db0.SignInAsync("province-81").Result, 999_999, output));
        Assert.Equal(0, output.Length);
    }

    [Fact]
    public async Task Receive_register_lists_the_offices_own_lines_with_cancelled_ones_marked()
    {
        await using var isolated = await IsolatedDemoDatabase.CreateAsync();
        var db0 = isolated.Database;
        await AddForeignProvinceAsync(db0);
        var campaignId = await AddCampaignAsync(db0);
        var clock = ClockAt(Early);
        var workflow = Service(db0, clock);
        var paper = new PaperCopyService(db0.Factory, clock, new SubmissionChangeNotifier());
        var province = await db0.SignInAsync("province-81");

        var town = await db0.SignInAsync("muni-810101");
        var townDraft = await FilledDraftAsync(workflow, town, campaignId);
        await ActAsync(workflow, town, townDraft.Id, WorkflowAction.Submit);
        var ao = await db0.SignInAsync("muni-810116");
        var aoDraft = await FilledDraftAsync(workflow, ao, campaignId);
        await ActAsync(workflow, ao, aoDraft.Id, WorkflowAction.Submit);
        await ActAsync(workflow, await db0.SignInAsync("district-8101"), aoDraft.Id, WorkflowAction.Forward);

        var first = await paper.RecordAsync(province, townDraft.Id, new DateOnly(2024, 7, 31), "ไปรษณีย์ลงทะเบียน");
        var second = await paper.RecordAsync(province, aoDraft.Id, new DateOnly(2024, 8, 1), null);
        await paper.CancelAsync(province, first.EntryId, "บันทึกผิดฉบับ");

        // A line of another province's register, which Krabi must not see.
        await using (var db = db0.CreateContext())
        {
            var foreignOffice = await db.OrgUnits.Where(o => o.Code == "80" && o.Kind == OrgUnitKind.ProvinceOffice).Select(o => o.Id).SingleAsync();
            db.RegisterEntries.Add(new RegisterEntry
            {
                OrgUnitId = foreignOffice, Kind = RegisterKind.Receive, Year = 2567, Number = 1, Subject = "เอกสารของนครศรีธรรมราช",
                DocumentDate = Utc(2024, 8, 1, 0, 0), RecordedUtc = Early, RecordedByUserName = ForeignProvinceUser,
            });
            await db.SaveChangesAsync();
        }

        var exports = Exports(db0, clock);
        using var output = new MemoryStream();
        var file = await exports.WriteReceiveRegisterAsync(province, 2567, output);
        Assert.Equal("receive-register-2567-81-25670801.xlsx", file.AsciiFileName);

        using var workbook = Reopen(output);
        var sheet = workbook.Worksheet(1);
        Assert.Equal(
            ["เลขรับ", "วันที่รับ", "เรื่อง", "หมายเหตุ", "ผู้บันทึก", "บันทึกเมื่อ", "สถานะ", "เหตุผลที่ยกเลิก", "ผู้ยกเลิก", "ยกเลิกเมื่อ"],
            Headers(sheet));
        var rows = Rows(sheet);
        Assert.Equal([first.ReceiveNo, second.ReceiveNo], rows.Select(r => r["เลขรับ"].GetString()));
        AssertSheetLayout(sheet, 2);
        Assert.DoesNotContain(rows, r => r["เรื่อง"].GetString().Contains("นครศรีธรรมราช", StringComparison.Ordinal));

        var cancelled = rows[0];
        Assert.Equal("ยกเลิก", cancelled["สถานะ"].GetString());
        Assert.Equal("บันทึกผิดฉบับ", cancelled["เหตุผลที่ยกเลิก"].GetString());
        Assert.Equal("province-81", cancelled["ผู้ยกเลิก"].GetString());
        Assert.Equal("ไปรษณีย์ลงทะเบียน", cancelled["หมายเหตุ"].GetString());
        // A register date is the Bangkok calendar date itself: no shift by seven hours.
        AssertBuddhistDate(cancelled["วันที่รับ"], new DateTime(2024, 7, 31), ExcelSheet.ThaiDateFormat);
        Assert.Equal("ใช้งาน", rows[1]["สถานะ"].GetString());
        Assert.Contains("เทศบาลตำบลอ่าวนาง", rows[1]["เรื่อง"].GetString(), StringComparison.Ordinal);

        using var foreignOutput = new MemoryStream();
        await exports.WriteReceiveRegisterAsync(await db0.SignInAsync(ForeignProvinceUser), 2567, foreignOutput);
        using var foreignBook = Reopen(foreignOutput);
        Assert.Equal(["เอกสารของนครศรีธรรมราช"], Rows(foreignBook.Worksheet(1)).Select(r => r["เรื่อง"].GetString()));

        var denied = await Assert.ThrowsAsync<PortalAccessDeniedException>(() => exports.WriteReceiveRegisterAsync(db0.SignInAsync("district-8101").Result, 2567, new MemoryStream()));
        Assert.Equal("paper-copy-province-only", denied.PortalMessage.Code);
    }

    [Fact]
    public async Task Dispatch_list_shows_a_province_its_own_letters_and_DLA_all()
    {
        await using var isolated = await IsolatedDemoDatabase.CreateAsync();
        var db0 = isolated.Database;
        await AddForeignProvinceAsync(db0);
        var campaignId = await AddCampaignAsync(db0);
        var clock = ClockAt(Early);
        var workflow = Service(db0, clock);
        var townId = await SubmittedAsync(db0, workflow, "muni-810101", campaignId);
        var foreignId = await SubmittedAsync(db0, workflow, ForeignMunicipalityUser, campaignId);
        await AddDispatchAsync(db0, campaignId, "81", "กบ ๐๐๒๓.๓/๑๕", 15, [townId], received: true);
        await AddDispatchAsync(db0, campaignId, "80", "นศ ๐๐๒๓.๓/๗", 7, [foreignId], received: false);
        var exports = Exports(db0, clock);

        using var krabiOutput = new MemoryStream();
        var krabiFile = await exports.WriteDispatchListAsync(await db0.SignInAsync("province-81"), campaignId, krabiOutput);
        Assert.Equal("dispatches-2567-81-25670801.xlsx", krabiFile.AsciiFileName);
        using (var workbook = Reopen(krabiOutput))
        {
            var sheet = workbook.Worksheet(1);
            Assert.Equal(
                ["จังหวัด", "เลขที่หนังสือ", "ลงวันที่", "ส่งเมื่อ", "ผู้ส่ง", "รหัส อปท.", "เทศบาล", "ประเภท", "เลขที่อ้างอิง", "สถานะปัจจุบัน", "เลขรับของกรม", "วันที่กรมรับ"],
                Headers(sheet));
            var row = Assert.Single(Rows(sheet));
            AssertSheetLayout(sheet, 1);
            Assert.Equal("กบ ๐๐๒๓.๓/๑๕", row["เลขที่หนังสือ"].GetString());
            Assert.Equal("เทศบาลเมืองกระบี่", row["เทศบาล"].GetString());
            Assert.Equal("กระบี่", row["จังหวัด"].GetString());
            AssertBuddhistDate(row["ลงวันที่"], new DateTime(2024, 8, 2), ExcelSheet.ThaiDateFormat);
            AssertBuddhistDate(row["ส่งเมื่อ"], new DateTime(2024, 8, 2, 10, 0, 0), ExcelSheet.ThaiDateTimeFormat);
            Assert.Equal("3/2568", row["เลขรับของกรม"].GetString());
            AssertBuddhistDate(row["วันที่กรมรับ"], new DateTime(2024, 8, 5), ExcelSheet.ThaiDateFormat);
        }

        using var dlaOutput = new MemoryStream();
        await exports.WriteDispatchListAsync(await db0.SignInAsync("dla"), null, dlaOutput);
        using (var workbook = Reopen(dlaOutput))
        {
            var rows = Rows(workbook.Worksheet(1));
            Assert.Equal(["810101", ForeignMunicipalityCode], rows.Select(r => r["รหัส อปท."].GetString()).Order(StringComparer.Ordinal));
            Assert.True(rows.Single(r => r["รหัส อปท."].GetString() == ForeignMunicipalityCode)["วันที่กรมรับ"].IsEmpty());
        }

        using var foreignOutput = new MemoryStream();
        await exports.WriteDispatchListAsync(await db0.SignInAsync(ForeignProvinceUser), null, foreignOutput);
        using (var workbook = Reopen(foreignOutput))
        {
            Assert.Equal([ForeignMunicipalityCode], Rows(workbook.Worksheet(1)).Select(r => r["รหัส อปท."].GetString()));
        }

        var denied = await Assert.ThrowsAsync<PortalAccessDeniedException>(() => exports.WriteDispatchListAsync(db0.SignInAsync("district-8101").Result, campaignId, new MemoryStream()));
        Assert.Equal("dispatches-province-dla-only", denied.PortalMessage.Code);
        await Assert.ThrowsAsync<PortalAccessDeniedException>(() => exports.WriteDispatchListAsync(db0.SignInAsync("muni-810101").Result, null, new MemoryStream()));
        await Assert.ThrowsAsync<PortalNotFoundException>(() => exports.WriteDispatchListAsync(db0.SignInAsync("dla").Result, 999_999, new MemoryStream()));
    }

    [Fact]
    public async Task A_stream_that_cannot_seek_gets_the_same_workbook_through_a_temp_file_that_is_gone_afterwards()
    {
        await using var isolated = await IsolatedDemoDatabase.CreateAsync();
        var db0 = isolated.Database;
        var campaignId = await AddCampaignAsync(db0);
        using var target = new MemoryStream();
        await using (var forwardOnly = new ForwardOnlyStream(target))
        {
            await Exports(db0, ClockAt(Early)).WriteTrackerAsync(await db0.SignInAsync("province-81"), campaignId, forwardOnly);
        }

        using var workbook = Reopen(target);
        Assert.Equal(DemoOrganisations.Municipalities.Count, Rows(workbook.Worksheet(1)).Count);
        var spool = Path.Combine(db0.DataDirectory, "tmp", "exports");
        Assert.Empty(Directory.Exists(spool) ? Directory.GetFiles(spool) : []);
    }

    private static async Task<int> SubmittedAsync(DemoDatabase db0, SubmissionService workflow, string userName, int campaignId)
    {
        var user = await db0.SignInAsync(userName);
        var draft = await FilledDraftAsync(workflow, user, campaignId);
        await ActAsync(workflow, user, draft.Id, WorkflowAction.Submit);
        return draft.Id;
    }

    /// <summary>A letter as the dispatch service will write it: its send-register line, the letter, its items.</summary>
    private static async Task AddDispatchAsync(DemoDatabase db0, int campaignId, string provinceCode, string letterNo, int number, int[] submissionIds, bool received)
    {
        await using var db = db0.CreateContext();
        var from = await db.OrgUnits.Where(o => o.Code == provinceCode && o.Kind == OrgUnitKind.ProvinceOffice).Select(o => o.Id).SingleAsync();
        var to = await db.OrgUnits.Where(o => o.Code == OrgTreeSeeder.DivisionCode).Select(o => o.Id).SingleAsync();
        var send = new RegisterEntry
        {
            OrgUnitId = from, Kind = RegisterKind.Send, Year = 2567, Number = number, Subject = "นำส่งแบบรายงานฉบับจริง",
            DocumentDate = Utc(2024, 8, 2, 0, 0), RecordedUtc = Early, RecordedByUserName = "province",
        };
        db.RegisterEntries.Add(send);
        await db.SaveChangesAsync();
        var dispatch = new Dispatch
        {
            CampaignId = campaignId, FromOrgUnitId = from, ToOrgUnitId = to, SendEntryId = send.Id, Year = 2567, Number = number,
            LetterNo = letterNo, LetterDate = Utc(2024, 8, 2, 0, 0), SentUtc = Utc(2024, 8, 2, 3, 0), SentByUserName = "province-" + provinceCode,
            ReceiveNo = received ? "3/2568" : null, ReceivedDate = received ? Utc(2024, 8, 5, 0, 0) : null, ReceivedUtc = received ? Utc(2024, 8, 5, 2, 0) : null,
        };
        dispatch.Items.AddRange(submissionIds.Select(id => new DispatchItem { SubmissionId = id }));
        db.Dispatches.Add(dispatch);
        await db.SaveChangesAsync();
    }

    /// <summary>Like a response body: write only, no seeking.</summary>
    private sealed class ForwardOnlyStream(Stream inner) : Stream
    {
        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override void Flush() => inner.Flush();

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => inner.Write(buffer, offset, count);
    }
}
