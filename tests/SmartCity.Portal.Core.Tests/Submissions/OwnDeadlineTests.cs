using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using SmartCity.Portal.Campaigns;
using SmartCity.Portal.Common;
using SmartCity.Portal.Core.Tests.Infrastructure;
using SmartCity.Portal.Submissions;
using SmartCity.Portal.Submissions.Workflow;
using static SmartCity.Portal.Core.Tests.Submissions.WorkflowTestKit;

namespace SmartCity.Portal.Core.Tests.Submissions;

/// <summary>
/// Offices set their own, earlier deadline for their subtree, never later than the one binding them
/// from above. Every test makes its own campaign (DLA's deadline: 16 Aug 2567 16:30 ICT).
/// </summary>
public sealed class OwnDeadlineTests(DemoDatabase database) : IClassFixture<DemoDatabase>
{
    /// <summary>15 Aug 2024 (2567 BE) 16:30 ICT: Krabi's letter, a day before DLA's.</summary>
    private static readonly DateTime KrabiDeadline = Utc(2024, 8, 15, 9, 30);

    private static CampaignService Campaigns(SqliteTestDatabase database, TimeProvider clock) => new(database.Factory, clock);

    [Fact]
    public async Task A_province_deadline_binds_its_municipalities_to_the_millisecond()
    {
        var campaignId = await AddCampaignAsync(database);
        var clock = ClockAt(Early);
        var campaigns = Campaigns(database, clock);
        var submissions = Service(database, clock);
        var province = await database.SignInAsync("province-81");
        var onTime = await database.SignInAsync("muni-810116");
        var late = await database.SignInAsync("muni-810201");

        var summary = await campaigns.SetOwnDeadlineAsync(province, campaignId, ThaiTime.FromBangkok(new DateTime(2024, 8, 15, 16, 30, 0)));

        Assert.Equal(KrabiDeadline, summary.EffectiveDeadlineUtc);
        Assert.Equal(Deadline, summary.SubmissionDeadlineUtc);
        Assert.Equal(KrabiDeadline, (await campaigns.GetAsync(onTime, campaignId)).EffectiveDeadlineUtc);
        var onTimeDraft = await FilledDraftAsync(submissions, onTime, campaignId);
        var lateDraft = await FilledDraftAsync(submissions, late, campaignId);
        Assert.Equal(KrabiDeadline, onTimeDraft.EffectiveDeadlineUtc);

        clock.SetUtcNow(new DateTimeOffset(KrabiDeadline.AddMilliseconds(-1)));
        Assert.Equal(SubmissionState.AtDistrict, (await ActAsync(submissions, onTime, onTimeDraft.Id, WorkflowAction.Submit)).State);

        clock.SetUtcNow(new DateTimeOffset(KrabiDeadline));
        var refused = await Assert.ThrowsAsync<PortalValidationException>(() => ActAsync(submissions, late, lateDraft.Id, WorkflowAction.Submit));
        Assert.Equal(WorkflowMessages.DeadlinePassed, refused.PortalMessage);
    }

    [Fact]
    public async Task A_district_may_tighten_the_province_deadline_but_not_loosen_it()
    {
        var campaignId = await AddCampaignAsync(database);
        var clock = ClockAt(Early);
        var campaigns = Campaigns(database, clock);
        var province = await database.SignInAsync("province-81");
        var district = await database.SignInAsync("district-8101");
        var municipality = await database.SignInAsync("muni-810116");
        await campaigns.SetOwnDeadlineAsync(province, campaignId, KrabiDeadline);

        var tooLate = await Assert.ThrowsAsync<PortalValidationException>(
            () => campaigns.SetOwnDeadlineAsync(district, campaignId, KrabiDeadline.AddMinutes(1)));
        Assert.Equal("own-deadline-after-parent", tooLate.PortalMessage.Code);
        Assert.Equal("กำหนดเวลาของหน่วยงานต้องไม่เกิน 15 สิงหาคม 2567 เวลา 16:30 น. ซึ่งเป็นกำหนดของหน่วยงานต้นสังกัด", tooLate.PortalMessage.Th);
        Assert.Contains("15 August 2567 BE, 16:30", tooLate.PortalMessage.En, StringComparison.Ordinal);

        // Equal to the parent's is allowed; earlier binds the district's subtree only.
        await campaigns.SetOwnDeadlineAsync(district, campaignId, KrabiDeadline);
        var districtDeadline = KrabiDeadline.AddDays(-1);
        var summary = await campaigns.SetOwnDeadlineAsync(district, campaignId, districtDeadline);
        Assert.Equal(districtDeadline, summary.EffectiveDeadlineUtc);
        Assert.Equal(districtDeadline, (await campaigns.GetAsync(municipality, campaignId)).EffectiveDeadlineUtc);
        Assert.Equal(KrabiDeadline, (await campaigns.GetAsync(await database.SignInAsync("muni-810201"), campaignId)).EffectiveDeadlineUtc);

        // Upserted: one row per office and campaign.
        await using var db = database.CreateContext();
        var districtId = await database.OrgUnitIdAsync("8101");
        var row = await db.TierDeadlines.SingleAsync(t => t.CampaignId == campaignId && t.OrgUnitId == districtId);
        Assert.Equal(districtDeadline, row.DeadlineUtc);
    }

    [Fact]
    public async Task A_province_may_not_go_past_DLAs_deadline_and_the_message_names_it()
    {
        var campaignId = await AddCampaignAsync(database);
        var campaigns = Campaigns(database, ClockAt(Early));
        var province = await database.SignInAsync("province-81");

        var refused = await Assert.ThrowsAsync<PortalValidationException>(
            () => campaigns.SetOwnDeadlineAsync(province, campaignId, Deadline.AddTicks(1)));

        Assert.Equal("กำหนดเวลาของหน่วยงานต้องไม่เกิน 16 สิงหาคม 2567 เวลา 16:30 น. ซึ่งเป็นกำหนดของหน่วยงานต้นสังกัด", refused.PortalMessage.Th);
        await using var db = database.CreateContext();
        Assert.False(await db.TierDeadlines.AnyAsync(t => t.CampaignId == campaignId));
    }

    [Fact]
    public async Task Tightening_the_province_below_a_district_deadline_binds_the_district_too()
    {
        var campaignId = await AddCampaignAsync(database);
        var campaigns = Campaigns(database, ClockAt(Early));
        var province = await database.SignInAsync("province-81");
        var district = await database.SignInAsync("district-8101");
        var municipality = await database.SignInAsync("muni-810116");
        await campaigns.SetOwnDeadlineAsync(province, campaignId, KrabiDeadline);
        await campaigns.SetOwnDeadlineAsync(district, campaignId, KrabiDeadline.AddDays(-1));

        var tighter = KrabiDeadline.AddDays(-3);
        await campaigns.SetOwnDeadlineAsync(province, campaignId, tighter);

        // The district's own row still says the 14th, but the minimum over the path wins.
        Assert.Equal(tighter, (await campaigns.GetAsync(district, campaignId)).EffectiveDeadlineUtc);
        Assert.Equal(tighter, (await campaigns.GetAsync(municipality, campaignId)).EffectiveDeadlineUtc);
        Assert.Equal(tighter, (await FilledDraftAsync(Service(database, ClockAt(Early)), municipality, campaignId)).EffectiveDeadlineUtc);
    }

    [Fact]
    public async Task Clearing_the_own_deadline_lets_the_parents_bind_again()
    {
        var campaignId = await AddCampaignAsync(database);
        var campaigns = Campaigns(database, ClockAt(Early));
        var province = await database.SignInAsync("province-81");
        var district = await database.SignInAsync("district-8101");
        await campaigns.SetOwnDeadlineAsync(province, campaignId, KrabiDeadline);
        await campaigns.SetOwnDeadlineAsync(district, campaignId, KrabiDeadline.AddDays(-1));

        var cleared = await campaigns.ClearOwnDeadlineAsync(district, campaignId);

        Assert.Equal(KrabiDeadline, cleared.EffectiveDeadlineUtc);
        Assert.Equal(Deadline, (await campaigns.ClearOwnDeadlineAsync(province, campaignId)).EffectiveDeadlineUtc);
    }

    [Theory]
    [InlineData("muni-810116")]
    [InlineData("dla")]
    public async Task A_municipality_or_DLA_may_not_set_an_office_deadline(string userName)
    {
        var campaignId = await AddCampaignAsync(database);
        var campaigns = Campaigns(database, ClockAt(Early));

        var refused = await Assert.ThrowsAsync<PortalAccessDeniedException>(
            async () => await campaigns.SetOwnDeadlineAsync(await database.SignInAsync(userName), campaignId, KrabiDeadline));

        Assert.Equal(WorkflowMessages.OwnDeadlineForbidden, refused.PortalMessage);
        Assert.False(string.IsNullOrWhiteSpace(refused.PortalMessage.Th));
        Assert.False(string.IsNullOrWhiteSpace(refused.PortalMessage.En));
    }

    [Fact]
    public async Task An_unknown_campaign_is_not_found()
    {
        var campaigns = Campaigns(database, ClockAt(Early));

        var refused = await Assert.ThrowsAsync<PortalNotFoundException>(
            async () => await campaigns.SetOwnDeadlineAsync(await database.SignInAsync("province-81"), 999_999, KrabiDeadline));

        Assert.Equal(WorkflowMessages.CampaignNotFound, refused.PortalMessage);
    }

    [Fact]
    public async Task A_closed_campaign_keeps_its_deadlines()
    {
        var campaignId = await AddCampaignAsync(database, state: CampaignState.Closed);
        var campaigns = Campaigns(database, ClockAt(Early));

        var refused = await Assert.ThrowsAsync<PortalValidationException>(
            async () => await campaigns.SetOwnDeadlineAsync(await database.SignInAsync("province-81"), campaignId, KrabiDeadline));

        Assert.Equal(WorkflowMessages.OwnDeadlineCampaignClosed, refused.PortalMessage);
    }

    [Fact]
    public async Task A_campaign_still_in_preparation_does_not_exist_for_a_province()
    {
        var campaignId = await AddCampaignAsync(database, state: CampaignState.Draft);
        var campaigns = Campaigns(database, ClockAt(Early));

        var refused = await Assert.ThrowsAsync<PortalNotFoundException>(
            async () => await campaigns.SetOwnDeadlineAsync(await database.SignInAsync("province-81"), campaignId, KrabiDeadline));

        Assert.Equal(WorkflowMessages.CampaignNotFound, refused.PortalMessage);
    }

    [Fact]
    public async Task A_deadline_in_the_past_is_refused()
    {
        var campaignId = await AddCampaignAsync(database);
        FakeTimeProvider clock = ClockAt(Utc(2024, 8, 10, 3, 0));
        var campaigns = Campaigns(database, clock);
        var province = await database.SignInAsync("province-81");

        var past = await Assert.ThrowsAsync<PortalValidationException>(
            () => campaigns.SetOwnDeadlineAsync(province, campaignId, Utc(2024, 8, 10, 2, 59)));
        var now = await Assert.ThrowsAsync<PortalValidationException>(
            () => campaigns.SetOwnDeadlineAsync(province, campaignId, Utc(2024, 8, 10, 3, 0)));

        Assert.Equal(WorkflowMessages.OwnDeadlineInPast, past.PortalMessage);
        Assert.Equal(WorkflowMessages.OwnDeadlineInPast, now.PortalMessage);
        Assert.Equal(Utc(2024, 8, 10, 3, 1), (await campaigns.SetOwnDeadlineAsync(province, campaignId, Utc(2024, 8, 10, 3, 1))).EffectiveDeadlineUtc);
    }
}
