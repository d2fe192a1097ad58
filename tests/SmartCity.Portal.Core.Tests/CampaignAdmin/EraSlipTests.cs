using SmartCity.Portal.Campaigns;
using SmartCity.Portal.Common;
using SmartCity.Portal.Core.Tests.Infrastructure;
using SmartCity.Portal.Submissions;
using SmartCity.Portal.Submissions.Routing;
using SmartCity.Portal.Submissions.Workflow;
using static SmartCity.Portal.Core.Tests.Submissions.WorkflowTestKit;

namespace SmartCity.Portal.Core.Tests.CampaignAdmin;

/// <summary>
/// Issue 10 item 1, the other dates the services accept (decision 0019): a deadline or letter date whose year is in
/// the other era (2567 sent as a Gregorian year) is refused by name, wherever it is typed: DLA's round, an office's
/// own deadline, an extension. Dates already stored are not checked again, so an old round stays editable.
/// </summary>
public sealed class EraSlipTests(DemoDatabase database) : IClassFixture<DemoDatabase>
{
    [Fact]
    public async Task A_round_with_a_Buddhist_year_sent_as_Gregorian_is_refused_naming_the_field()
    {
        var admin = new CampaignAdminService(database.Factory, database.Clock);
        var dla = await database.SignInAsync("dla");
        var today = ThaiTime.Today(database.Clock).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var good = new CampaignDetails("รอบทดสอบปี", 2570, "มท ๑", today, today.AddDays(50), today.AddDays(60), true, RoutingRule.Default);

        var slipped = await Assert.ThrowsAsync<PortalValidationException>(
            () => admin.CreateAsync(dla, good with { SubmissionDeadlineUtc = today.AddDays(50).AddYears(543), DlaDeadlineUtc = today.AddDays(60).AddYears(543) }));

        Assert.Equal("date-buddhist-year", slipped.PortalMessage.Code);
        Assert.StartsWith("กำหนดส่งรายงานของเทศบาล: ปี ", slipped.PortalMessage.Th, StringComparison.Ordinal);
        Assert.StartsWith("The municipalities' deadline: ", slipped.PortalMessage.En, StringComparison.Ordinal);

        // A round whose stored dates are fine is changed freely; only a date being set is looked at.
        var created = await admin.CreateAsync(dla, good);
        var updated = await admin.UpdateAsync(dla, created.Id, created.ConcurrencyToken, good with { Title = "รอบทดสอบปี (แก้ชื่อ)" });
        Assert.Equal("รอบทดสอบปี (แก้ชื่อ)", updated.Details.Title);
        var letter = await Assert.ThrowsAsync<PortalValidationException>(
            () => admin.UpdateAsync(dla, created.Id, updated.ConcurrencyToken, good with { LetterDateUtc = today.AddYears(-543) }));
        Assert.Equal("date-gregorian-year", letter.PortalMessage.Code);
        Assert.StartsWith("วันที่ของหนังสือสั่งการ: ", letter.PortalMessage.Th, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_office_deadline_and_an_extension_in_the_other_era_are_named_as_such()
    {
        var campaignId = await AddCampaignAsync(database);
        var clock = ClockAt(Early);
        var province = await database.SignInAsync("province-81");
        var campaigns = new CampaignService(database.Factory, clock);

        var own = await Assert.ThrowsAsync<PortalValidationException>(
            () => campaigns.SetOwnDeadlineAsync(province, campaignId, Deadline.AddDays(-1).AddYears(543)));
        Assert.Equal("date-buddhist-year", own.PortalMessage.Code);

        var workflow = Service(database, clock);
        var municipality = await database.SignInAsync("muni-810116");
        var draft = await FilledDraftAsync(workflow, municipality, campaignId);
        var extend = await Assert.ThrowsAsync<PortalValidationException>(
            () => ActAsync(workflow, province, draft.Id, WorkflowAction.Extend, "น้ำท่วม", Deadline.AddDays(2).AddYears(-543)));
        Assert.Equal("date-gregorian-year", extend.PortalMessage.Code);
        Assert.Contains("พ.ศ.", extend.PortalMessage.Th, StringComparison.Ordinal);
        Assert.Null((await workflow.GetAsync(province, draft.Id)).ExtendedDeadlineUtc);
    }
}
