using SmartCity.Portal.Common;
using SmartCity.Portal.Core.Tests.Infrastructure;
using SmartCity.Portal.Core.Tests.Submissions;
using SmartCity.Portal.Dashboards;
using SmartCity.Portal.Registers;
using SmartCity.Portal.Submissions;
using SmartCity.Portal.Submissions.Workflow;
using static SmartCity.Portal.Core.Tests.Submissions.WorkflowTestKit;

namespace SmartCity.Portal.Core.Tests.Dashboards;

/// <summary>The tracker rows that dashboards count and exports write: one per municipality of the caller's subtree.</summary>
public sealed class TrackerServiceTests
{
    [Fact]
    public async Task Each_tier_gets_exactly_its_municipalities_including_those_not_started()
    {
        await using var isolated = await IsolatedDemoDatabase.CreateAsync();
        var db0 = isolated.Database;
        await AddForeignProvinceAsync(db0);
        var campaignId = await AddCampaignAsync(db0);
        var tracker = new TrackerService(db0.Factory, ClockAt(Early));

        var district = await tracker.RowsAsync(await db0.SignInAsync("district-8101"), campaignId);
        var province = await tracker.RowsAsync(await db0.SignInAsync("province-81"), campaignId);
        var dla = await tracker.RowsAsync(await db0.SignInAsync("dla"), campaignId);

        // The town (810101) hangs under the province: its report skips the district, so it is not the district's row.
        Assert.Equal(["810103", "810116"], district.Select(r => r.MunicipalityCode).Order(StringComparer.Ordinal));
        Assert.Equal(8, province.Count);
        Assert.DoesNotContain(province, r => r.ProvinceCode != "81");
        Assert.Contains(dla, r => r.MunicipalityCode == ForeignMunicipalityCode);
        Assert.Equal(9, dla.Count);
        Assert.All(province, r => Assert.Null(r.State));
        Assert.False(province.Single(r => r.MunicipalityCode == "810101").UnderDistrict);
        Assert.True(province.Single(r => r.MunicipalityCode == "810116").UnderDistrict);
        Assert.Equal("สำนักงานส่งเสริมการปกครองท้องถิ่นจังหวัดกระบี่", province[0].ProvinceNameTh);
    }

    [Fact]
    public async Task A_municipality_may_not_read_the_tracker()
    {
        await using var isolated = await IsolatedDemoDatabase.CreateAsync();
        var db0 = isolated.Database;
        var campaignId = await AddCampaignAsync(db0);
        var tracker = new TrackerService(db0.Factory, ClockAt(Early));

        var error = await Assert.ThrowsAsync<PortalAccessDeniedException>(() => tracker.RowsAsync(db0.SignInAsync("muni-810116").Result, campaignId));
        Assert.Equal("tracker-offices-only", error.PortalMessage.Code);
    }

    [Fact]
    public async Task Rows_carry_state_holder_dates_paper_number_and_lateness()
    {
        await using var isolated = await IsolatedDemoDatabase.CreateAsync();
        var db0 = isolated.Database;
        // Krabi's own deadline is a day before the campaign's: 810103 is bound by it.
        var campaignId = await AddCampaignAsync(db0, tierDeadlines: [("81", Deadline.AddDays(-1))]);
        var clock = ClockAt(Early);
        var service = Service(db0, clock);
        var ao = await db0.SignInAsync("muni-810116");
        var draft = await FilledDraftAsync(service, ao, campaignId);
        await ActAsync(service, ao, draft.Id, WorkflowAction.Submit);
        clock.Advance(TimeSpan.FromHours(2));
        var districtUser = await db0.SignInAsync("district-8101");
        await ActAsync(service, districtUser, draft.Id, WorkflowAction.Forward);
        var provinceUser = await db0.SignInAsync("province-81");
        var paper = new PaperCopyService(db0.Factory, clock, new SubmissionChangeNotifier());
        var receipt = await paper.RecordAsync(provinceUser, draft.Id, new DateOnly(2024, 8, 1), null);

        var rows = await new TrackerService(db0.Factory, clock).RowsAsync(provinceUser, campaignId);
        var row = rows.Single(r => r.MunicipalityCode == "810116");
        Assert.Equal(SubmissionState.AtProvince, row.State);
        Assert.Equal("สำนักงานส่งเสริมการปกครองท้องถิ่นจังหวัดกระบี่", row.HolderNameTh);
        Assert.Equal(Early, row.SubmittedUtc);
        Assert.Equal(Early.AddHours(2), row.ForwardedUtc);
        Assert.Equal(receipt.ReceiveNo, row.PaperReceiveNo);
        Assert.StartsWith($"SC2567-81-", row.ReferenceNo, StringComparison.Ordinal);
        Assert.Equal(Deadline.AddDays(-1), rows.Single(r => r.MunicipalityCode == "810103").DeadlineUtc);
        Assert.All(rows, r => Assert.Equal(LateReason.None, r.LateReason));

        // After Krabi's deadline: everyone who has not submitted is late, the submitted one is not
        // (until the DLA deadline passes with it still at the province).
        clock.SetUtcNow(Deadline.AddDays(-1));
        rows = await new TrackerService(db0.Factory, clock).RowsAsync(provinceUser, campaignId);
        Assert.Equal(7, rows.Count(r => r.LateReason == LateReason.NotSubmitted));
        Assert.Equal(LateReason.None, rows.Single(r => r.MunicipalityCode == "810116").LateReason);
        clock.SetUtcNow(DlaDeadline);
        rows = await new TrackerService(db0.Factory, clock).RowsAsync(provinceUser, campaignId);
        Assert.Equal(LateReason.NotAtDla, rows.Single(r => r.MunicipalityCode == "810116").LateReason);
    }
}
