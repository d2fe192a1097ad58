using Microsoft.EntityFrameworkCore;
using SmartCity.Portal.Common;
using SmartCity.Portal.Core.Tests.Infrastructure;
using SmartCity.Portal.Submissions;
using SmartCity.Portal.Submissions.Workflow;
using static SmartCity.Portal.Core.Tests.Submissions.WorkflowTestKit;

namespace SmartCity.Portal.Core.Tests.Submissions;

/// <summary>
/// Deadlines are instants stored in UTC and compared with the injected clock: the host's time zone
/// never enters (it cannot be set in-process, so the tests instead check that what is stored and
/// compared is the UTC instant). Every test makes its own campaign.
/// </summary>
public sealed class SubmissionDeadlineTests(DemoDatabase database) : IClassFixture<DemoDatabase>
{
    [Fact]
    public void The_deadline_of_the_tests_is_1630_in_Bangkok()
    {
        Assert.Equal(new DateTime(2024, 8, 16, 16, 30, 0), ThaiTime.ToBangkok(Deadline));
        Assert.Equal(Deadline, ThaiTime.FromBangkok(new DateTime(2024, 8, 16, 16, 30, 0)));
        Assert.Equal(DateTimeKind.Utc, ThaiTime.FromBangkok(new DateTime(2024, 8, 16, 16, 30, 0)).Kind);
        Assert.Equal(2567, ThaiTime.BuddhistYear(Deadline));
    }

    [Fact]
    public async Task Submitting_a_millisecond_before_1630_is_on_time_and_at_1630_it_is_refused_in_Thai()
    {
        var campaignId = await AddCampaignAsync(database);
        var clock = ClockAt(Early);
        var service = Service(database, clock);
        var onTime = await database.SignInAsync("muni-810116");
        var late = await database.SignInAsync("muni-810103");
        var onTimeDraft = await FilledDraftAsync(service, onTime, campaignId);
        var lateDraft = await FilledDraftAsync(service, late, campaignId);
        Assert.Equal(Deadline, onTimeDraft.EffectiveDeadlineUtc);

        clock.SetUtcNow(new DateTimeOffset(2024, 8, 16, 9, 29, 59, 999, TimeSpan.Zero));
        var submitted = await service.ActAsync(onTime, onTimeDraft.Id, new ActionRequest(WorkflowAction.Submit, onTimeDraft.ConcurrencyToken));
        Assert.Equal(SubmissionState.AtDistrict, submitted.State);

        clock.SetUtcNow(new DateTimeOffset(2024, 8, 16, 9, 30, 0, 0, TimeSpan.Zero));
        var refused = await Assert.ThrowsAsync<PortalValidationException>(
            () => service.ActAsync(late, lateDraft.Id, new ActionRequest(WorkflowAction.Submit, lateDraft.ConcurrencyToken)));
        Assert.Equal(WorkflowMessages.DeadlinePassed, refused.PortalMessage);
        Assert.Equal("พ้นกำหนดเวลาส่งแล้ว ตามหนังสือสั่งการถือว่าไม่ประสงค์เข้าร่วมการคัดเลือก", refused.PortalMessage.Th);

        var stillDraft = await service.GetAsync(late, lateDraft.Id);
        Assert.Equal(SubmissionState.Draft, stillDraft.State);
        Assert.Null(stillDraft.SubmittedUtc);
        Assert.Equal(lateDraft.ConcurrencyToken, stillDraft.ConcurrencyToken);
        Assert.DoesNotContain(stillDraft.History, e => e.Action == "submit");

        // Stored as the UTC instant (16:29:59.999 ICT would be 09:29:59.999 in the file), not local time.
        Assert.Equal("2024-08-16 09:29:59.999", await RawTextAsync(database, $"SELECT SubmittedUtc FROM Submissions WHERE Id = {onTimeDraft.Id}"));
        Assert.Equal("2024-08-16 09:30:00", await RawTextAsync(database, $"SELECT SubmissionDeadlineUtc FROM Campaigns WHERE Id = {campaignId}"));
        var detail = await service.GetAsync(onTime, onTimeDraft.Id);
        Assert.Equal(new DateTime(2024, 8, 16, 9, 29, 59, 999), detail.SubmittedUtc);
        Assert.Equal(new DateTime(2024, 8, 16, 16, 29, 59, 999), ThaiTime.ToBangkok(detail.SubmittedUtc!.Value));
    }

    [Fact]
    public async Task A_provincial_deadline_a_day_earlier_binds_the_municipalities_of_that_province_only()
    {
        var krabiDeadline = Deadline.AddDays(-1);
        var campaignId = await AddCampaignAsync(database, tierDeadlines: [("81", krabiDeadline)]);
        await AddForeignProvinceAsync(database);
        var clock = ClockAt(Early);
        var service = Service(database, clock);
        var krabiOnTime = await database.SignInAsync("muni-810116");
        var krabiLate = await database.SignInAsync("muni-810201");
        var elsewhere = await database.SignInAsync(ForeignMunicipalityUser);
        var onTimeDraft = await FilledDraftAsync(service, krabiOnTime, campaignId);
        var lateDraft = await FilledDraftAsync(service, krabiLate, campaignId);
        var elsewhereDraft = await FilledDraftAsync(service, elsewhere, campaignId);
        Assert.Equal(krabiDeadline, onTimeDraft.EffectiveDeadlineUtc);
        Assert.Equal(Deadline, elsewhereDraft.EffectiveDeadlineUtc);

        clock.SetUtcNow(new DateTimeOffset(krabiDeadline.AddMilliseconds(-1)));
        Assert.Equal(SubmissionState.AtDistrict, (await ActAsync(service, krabiOnTime, onTimeDraft.Id, WorkflowAction.Submit)).State);

        clock.SetUtcNow(new DateTimeOffset(krabiDeadline));
        var refused = await Assert.ThrowsAsync<PortalValidationException>(() => ActAsync(service, krabiLate, lateDraft.Id, WorkflowAction.Submit));
        Assert.Equal(WorkflowMessages.DeadlinePassed, refused.PortalMessage);

        // The Krabi letter does not bind Nakhon Si Thammarat: the campaign's own deadline still applies there.
        clock.SetUtcNow(new DateTimeOffset(Deadline.AddHours(-1)));
        Assert.Equal(SubmissionState.AtDistrict, (await ActAsync(service, elsewhere, elsewhereDraft.Id, WorkflowAction.Submit)).State);
    }

    [Fact]
    public async Task The_demo_campaign_gives_Krabi_its_letter_a_day_earlier_at_1630()
    {
        await using var db = database.CreateContext();
        var campaign = await Campaigns.DemoCampaign.SeedAsync(db, database.Clock);
        var service = Service(database, database.Clock);

        var draft = await service.CreateOrGetAsync(await database.SignInAsync("muni-810116"), campaign.Id);

        Assert.True(campaign.PaperCopyRequired);
        Assert.Equal(campaign.SubmissionDeadlineUtc.AddDays(-1), draft.EffectiveDeadlineUtc);
        Assert.Equal(new TimeSpan(16, 30, 0), ThaiTime.ToBangkok(draft.EffectiveDeadlineUtc).TimeOfDay);
    }

    [Fact]
    public async Task An_extension_from_the_district_lets_a_late_municipality_submit()
    {
        var campaignId = await AddCampaignAsync(database);
        var clock = ClockAt(Early);
        var service = Service(database, clock);
        var municipality = await database.SignInAsync("muni-810201");
        var district = await database.SignInAsync("district-8102");
        var draft = await FilledDraftAsync(service, municipality, campaignId);

        clock.SetUtcNow(new DateTimeOffset(Deadline.AddHours(2)));
        await Assert.ThrowsAsync<PortalValidationException>(() => ActAsync(service, municipality, draft.Id, WorkflowAction.Submit));

        // A reason and a valid date are required, and only offices above that can see it may extend.
        var noReason = await Assert.ThrowsAsync<PortalValidationException>(
            () => ActAsync(service, district, draft.Id, WorkflowAction.Extend, extendedDeadlineUtc: Deadline.AddDays(2)));
        Assert.Equal(WorkflowMessages.CommentRequired, noReason.PortalMessage);
        var tooLate = await Assert.ThrowsAsync<PortalValidationException>(
            () => ActAsync(service, district, draft.Id, WorkflowAction.Extend, "น้ำท่วมสำนักงาน", DlaDeadline.AddSeconds(1)));
        Assert.Equal(WorkflowMessages.ExtensionInvalid, tooLate.PortalMessage);
        var otherDistrict = await database.SignInAsync("district-8101");
        await Assert.ThrowsAsync<PortalNotFoundException>(
            () => service.ActAsync(otherDistrict, draft.Id, new ActionRequest(WorkflowAction.Extend, draft.ConcurrencyToken, "ไม่ใช่เขตของฉัน", Deadline.AddDays(2))));
        await Assert.ThrowsAsync<PortalAccessDeniedException>(
            () => ActAsync(service, municipality, draft.Id, WorkflowAction.Extend, "ขอขยายเอง", Deadline.AddDays(2)));

        var extendedTo = Deadline.AddDays(2);
        var extended = await ActAsync(service, district, draft.Id, WorkflowAction.Extend, "  น้ำท่วมสำนักงาน  ", extendedTo);
        Assert.Equal(SubmissionState.Draft, extended.State);

        var afterExtension = await service.GetAsync(municipality, draft.Id);
        Assert.Equal(extendedTo, afterExtension.ExtendedDeadlineUtc);
        Assert.Equal(extendedTo, afterExtension.EffectiveDeadlineUtc);
        Assert.Contains(WorkflowAction.Submit, afterExtension.PermittedActions);
        var extendEvent = Assert.Single(afterExtension.History, e => e.Action == "extend");
        Assert.Equal("น้ำท่วมสำนักงาน", extendEvent.Comment);
        Assert.Equal("Draft", extendEvent.FromState);
        Assert.Equal("Draft", extendEvent.ToState);
        Assert.Equal(await database.OrgUnitIdAsync("8102"), extendEvent.ActingOrgUnitId);

        var submitted = await ActAsync(service, municipality, draft.Id, WorkflowAction.Submit);
        Assert.Equal(SubmissionState.AtDistrict, submitted.State);

        // The extension is the municipality's own: a neighbour's deadline is unchanged.
        var neighbour = await FilledDraftAsync(service, await database.SignInAsync("muni-810301"), campaignId);
        Assert.Equal(Deadline, neighbour.EffectiveDeadlineUtc);
        Assert.Null(neighbour.ExtendedDeadlineUtc);
    }

    [Fact]
    public async Task An_extension_overrides_an_earlier_provincial_deadline()
    {
        var krabiDeadline = Deadline.AddDays(-1);
        var campaignId = await AddCampaignAsync(database, tierDeadlines: [("81", krabiDeadline)]);
        var clock = ClockAt(Early);
        var service = Service(database, clock);
        var municipality = await database.SignInAsync("muni-810501");
        var draft = await FilledDraftAsync(service, municipality, campaignId);

        clock.SetUtcNow(new DateTimeOffset(krabiDeadline.AddHours(1)));
        await Assert.ThrowsAsync<PortalValidationException>(() => ActAsync(service, municipality, draft.Id, WorkflowAction.Submit));
        await ActAsync(service, await database.SignInAsync("province-81"), draft.Id, WorkflowAction.Extend, "ขยายให้ตามหนังสือจังหวัด", krabiDeadline.AddHours(6));

        Assert.Equal(SubmissionState.AtDistrict, (await ActAsync(service, municipality, draft.Id, WorkflowAction.Submit)).State);
        await using var db = database.CreateContext();
        Assert.Equal(krabiDeadline.AddHours(6), await db.Submissions.Where(s => s.Id == draft.Id).Select(s => s.ExtendedDeadlineUtc).SingleAsync());
    }
}
