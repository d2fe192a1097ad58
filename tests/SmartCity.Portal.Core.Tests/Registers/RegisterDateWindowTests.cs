using Microsoft.EntityFrameworkCore;
using SmartCity.Portal.Common;
using SmartCity.Portal.Core.Tests.Infrastructure;
using SmartCity.Portal.Core.Tests.Submissions;
using SmartCity.Portal.Registers;
using SmartCity.Portal.Submissions;
using SmartCity.Portal.Submissions.Workflow;
using static SmartCity.Portal.Core.Tests.Submissions.WorkflowTestKit;

namespace SmartCity.Portal.Core.Tests.Registers;

/// <summary>
/// Issue 10 items 1 and 4 (decision 0019): the services refuse a register or dispatch date that cannot be right (a
/// year in the other era, the future, more than 60 days back) before any number is issued, and "today" is the
/// Bangkok date even while it is still yesterday in UTC.
/// </summary>
public sealed class RegisterDateWindowTests
{
    /// <summary>02:00 on 4 December 2026 in Bangkok: still 3 December in UTC (the hour of the report).</summary>
    private static readonly DateTime AfterMidnightBangkok = Utc(2026, 12, 3, 19, 0);

    private static readonly DateOnly BangkokToday = new(2026, 12, 4);

    [Fact]
    public async Task A_Gregorian_year_typed_as_Buddhist_is_refused_with_what_to_type_and_opens_no_register_year()
    {
        await using var isolated = await IsolatedDemoDatabase.CreateAsync();
        var db0 = isolated.Database;
        var clock = ClockAt(AfterMidnightBangkok);
        var paper = new PaperCopyService(db0.Factory, clock, new SubmissionChangeNotifier());
        var province = await db0.SignInAsync("province-81");
        var id = (await HeldSubmissionsAsync(db0, "81", SubmissionState.AtProvince, 1, "810101")).Single();

        // 04/12/2026 typed into the พ.ศ. field is read as 2026 BE, that is 1483.
        var refused = await Assert.ThrowsAsync<PortalValidationException>(() => paper.RecordAsync(province, id, new DateOnly(1483, 12, 4), null));

        Assert.Equal("date-gregorian-year", refused.PortalMessage.Code);
        Assert.Contains("ค.ศ.", refused.PortalMessage.Th, StringComparison.Ordinal);
        Assert.Contains("พ.ศ.", refused.PortalMessage.Th, StringComparison.Ordinal);
        Assert.Contains("04/12/2569", refused.PortalMessage.Th, StringComparison.Ordinal);
        await using var db = db0.CreateContext();
        Assert.Equal(0, await db.RegisterEntries.CountAsync());
        Assert.False(await db.RegisterCounters.AnyAsync(c => c.Year == 2026), "no register year 2026 was opened");
        Assert.Null((await db.Submissions.SingleAsync(s => s.Id == id)).PaperCopyReceivedUtc);
    }

    [Fact]
    public async Task The_paper_copy_date_is_taken_from_today_in_Bangkok_back_sixty_days_and_no_further()
    {
        await using var isolated = await IsolatedDemoDatabase.CreateAsync();
        var db0 = isolated.Database;
        var clock = ClockAt(AfterMidnightBangkok);
        var paper = new PaperCopyService(db0.Factory, clock, new SubmissionChangeNotifier());
        var province = await db0.SignInAsync("province-81");
        var ids = await HeldSubmissionsAsync(db0, "81", SubmissionState.AtProvince, 3, "810101");

        // Today is 4 December in Bangkok although the server's UTC clock says 3 December.
        var today = await paper.RecordAsync(province, ids[0], BangkokToday, null);
        Assert.Equal("1/2569", today.ReceiveNo);
        var tomorrow = await Assert.ThrowsAsync<PortalValidationException>(() => paper.RecordAsync(province, ids[1], BangkokToday.AddDays(1), null));
        Assert.Equal(RegisterMessages.DateInFuture, tomorrow.PortalMessage);

        var tooOld = await Assert.ThrowsAsync<PortalValidationException>(() => paper.RecordAsync(province, ids[1], BangkokToday.AddDays(-61), null));
        Assert.Equal("paper-copy-date-too-old", tooOld.PortalMessage.Code);
        Assert.Contains("5 ตุลาคม 2569", tooOld.PortalMessage.Th, StringComparison.Ordinal);
        Assert.Contains("60", tooOld.PortalMessage.Th, StringComparison.Ordinal);
        Assert.Equal("2/2569", (await paper.RecordAsync(province, ids[1], BangkokToday.AddDays(-60), null)).ReceiveNo);

        // A year ago is no era slip, just too old; ten years ago (2559 for 2569) too.
        Assert.Equal("paper-copy-date-too-old", (await Assert.ThrowsAsync<PortalValidationException>(
            () => paper.RecordAsync(province, ids[2], new DateOnly(2016, 12, 4), null))).PortalMessage.Code);
    }

    [Fact]
    public async Task Dispatch_letter_and_DLA_receipt_dates_keep_the_same_window()
    {
        await using var isolated = await IsolatedDemoDatabase.CreateAsync();
        var db0 = isolated.Database;
        var clock = ClockAt(AfterMidnightBangkok);
        var notifier = new SubmissionChangeNotifier();
        var workflow = new SubmissionService(db0.Factory, clock, notifier);
        var dispatches = new DispatchService(db0.Factory, clock, workflow, notifier);
        var province = await db0.SignInAsync("province-81");
        var dla = await db0.SignInAsync("dla");
        var campaignId = await AddCampaignAsync(db0, paperCopyRequired: false, deadlineUtc: Utc(2026, 12, 20, 9, 30), dlaDeadlineUtc: Utc(2026, 12, 30, 9, 30));
        var held = await HeldInCampaignAsync(db0, campaignId);

        var gregorian = await Assert.ThrowsAsync<PortalValidationException>(() => dispatches.CreateAsync(province, campaignId, [held], new DateOnly(1483, 12, 4)));
        Assert.Equal("date-gregorian-year", gregorian.PortalMessage.Code);
        var old = await Assert.ThrowsAsync<PortalValidationException>(() => dispatches.CreateAsync(province, campaignId, [held], BangkokToday.AddDays(-61)));
        Assert.Equal("dispatch-date-too-old", old.PortalMessage.Code);
        await using (var db = db0.CreateContext())
        {
            Assert.Equal(0, await db.RegisterEntries.CountAsync(e => e.Kind == RegisterKind.Send));
        }

        // Today in Bangkok is a valid letter date although it is still yesterday in UTC.
        var letter = await dispatches.CreateAsync(province, campaignId, [held], BangkokToday);
        Assert.EndsWith("/2569", letter.SendNo, StringComparison.Ordinal);

        // DLA: 2569 typed into a Gregorian field (the English page, the API) is named as a Buddhist year.
        var buddhist = await Assert.ThrowsAsync<PortalValidationException>(() => dispatches.RecordReceiptAsync(dla, letter.Id, new DateOnly(2569, 12, 4), null));
        Assert.Equal("date-buddhist-year", buddhist.PortalMessage.Code);
        Assert.Contains("2026-12-04", buddhist.PortalMessage.En, StringComparison.Ordinal);
        var future = await Assert.ThrowsAsync<PortalValidationException>(() => dispatches.RecordReceiptAsync(dla, letter.Id, BangkokToday.AddDays(1), null));
        Assert.Equal(DispatchMessages.ReceivedDateInFuture, future.PortalMessage);
        var received = await dispatches.RecordReceiptAsync(dla, letter.Id, BangkokToday, null);
        Assert.EndsWith("/2569", received.ReceiveNo, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(2026, 12, 4, null)]
    [InlineData(2026, 10, 5, null)]
    [InlineData(2026, 10, 4, "paper-copy-date-too-old")]
    [InlineData(2026, 12, 5, "paper-copy-date-in-future")]
    [InlineData(1483, 12, 4, "date-gregorian-year")]
    [InlineData(1482, 12, 31, "date-gregorian-year")]
    [InlineData(2569, 12, 4, "date-buddhist-year")]
    [InlineData(2016, 12, 4, "paper-copy-date-too-old")]
    [InlineData(3000, 1, 1, "paper-copy-date-in-future")]
    public void The_window_and_the_era_slips(int year, int month, int day, string? code)
    {
        Assert.Equal(code, RegisterDates.Check(RegisterDateKind.PaperCopyReceived, new DateOnly(year, month, day), BangkokToday)?.Code);
    }

    /// <summary>A town's report of the campaign, submitted straight to the province by the service.</summary>
    private static async Task<int> HeldInCampaignAsync(DemoDatabase database, int campaignId)
    {
        var workflow = Service(database, ClockAt(AfterMidnightBangkok));
        var municipality = await database.SignInAsync("muni-810101");
        var draft = await FilledDraftAsync(workflow, municipality, campaignId);
        Assert.Equal(SubmissionState.AtProvince, (await ActAsync(workflow, municipality, draft.Id, WorkflowAction.Submit)).State);
        return draft.Id;
    }
}
