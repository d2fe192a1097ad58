using Microsoft.EntityFrameworkCore;
using SmartCity.Portal.Common;
using SmartCity.Portal.Core.Tests.Infrastructure;
using SmartCity.Portal.Organisations;
using SmartCity.Portal.Registers;
using SmartCity.Portal.Submissions;
using SmartCity.Portal.Submissions.Routing;
using SmartCity.Portal.Submissions.Workflow;
using static SmartCity.Portal.Core.Tests.Submissions.WorkflowTestKit;

namespace SmartCity.Portal.Core.Tests.Submissions;

/// <summary>The service end to end on a real SQLite file: each tier in turn, and what each may not do.</summary>
public sealed class SubmissionServiceTests(DemoDatabase database) : IClassFixture<DemoDatabase>
{
    [Fact]
    public async Task A_subdistrict_report_goes_district_province_DLA_is_returned_resubmitted_to_DLA_and_accepted()
    {
        var campaignId = await AddCampaignAsync(database, paperCopyRequired: true);
        var clock = ClockAt(Early);
        var service = Service(database, clock);
        var municipality = await database.SignInAsync("muni-810116");
        var district = await database.SignInAsync("district-8101");
        var province = await database.SignInAsync("province-81");
        var dla = await database.SignInAsync("dla");

        // Create, then save answers under the draft's token.
        var draft = await service.CreateOrGetAsync(municipality, campaignId);
        Assert.Equal(SubmissionState.Draft, draft.State);
        Assert.Equal("810116", draft.Holder.Code);
        Assert.Equal([WorkflowAction.Withdraw], draft.PermittedActions);
        Assert.Equal(draft.Id, (await service.CreateOrGetAsync(municipality, campaignId)).Id);
        var token = await service.SaveAnswersAsync(municipality, draft.Id, draft.ConcurrencyToken, Answers);
        Assert.NotEqual(draft.ConcurrencyToken, token);
        await Assert.ThrowsAsync<PortalStaleException>(() => service.SaveAnswersAsync(municipality, draft.Id, draft.ConcurrencyToken, """{"q1":"ทับ"}"""));
        await Assert.ThrowsAsync<PortalValidationException>(() => service.SaveAnswersAsync(municipality, draft.Id, token, "[1,2]"));
        Assert.Equal(Answers, (await service.GetAsync(municipality, draft.Id)).AnswersJson);

        // Submit: a ตำบล goes to its district office and gets its reference number.
        clock.Advance(TimeSpan.FromHours(1));
        var submitted = await service.ActAsync(municipality, draft.Id, new ActionRequest(WorkflowAction.Submit, token));
        Assert.Equal(SubmissionState.AtDistrict, submitted.State);
        var atDistrict = await service.GetAsync(district, draft.Id);
        Assert.Equal(await database.OrgUnitIdAsync("8101"), atDistrict.Holder.Id);
        Assert.Matches(@"^SC\d{4}-81-\d{4}$", atDistrict.ReferenceNo);
        Assert.Equal($"SC2567-81-{draft.Id:0000}", atDistrict.ReferenceNo);
        Assert.Equal(clock.GetUtcNow().UtcDateTime, atDistrict.SubmittedUtc);
        Assert.Equal([WorkflowAction.Forward, WorkflowAction.Return], atDistrict.PermittedActions.Order());
        Assert.Empty((await service.GetAsync(municipality, draft.Id)).PermittedActions);

        // District forwards to the province.
        Assert.Equal(SubmissionState.AtProvince, (await ActAsync(service, district, draft.Id, WorkflowAction.Forward)).State);
        var atProvince = await service.GetAsync(province, draft.Id);
        Assert.Equal(await database.OrgUnitIdAsync("81"), atProvince.Holder.Id);
        Assert.Equal([WorkflowAction.Return], atProvince.PermittedActions);

        // The province cannot forward to DLA before the paper copy is recorded.
        var noPaper = await Assert.ThrowsAsync<PortalValidationException>(() => ActAsync(service, province, draft.Id, WorkflowAction.Forward));
        Assert.Equal(WorkflowMessages.PaperCopyRequired, noPaper.PortalMessage);
        await using (var db = database.CreateContext())
        {
            await db.Submissions.Where(s => s.Id == draft.Id).ExecuteUpdateAsync(u => u.SetProperty(s => s.PaperCopyReceivedUtc, clock.GetUtcNow().UtcDateTime));
        }

        // With the copy in, forwarding to DLA is the dispatch letter (decision 0018): the plain forward is refused, the letter moves it.
        var plain = await Assert.ThrowsAsync<PortalValidationException>(() => ActAsync(service, province, draft.Id, WorkflowAction.Forward));
        Assert.Equal(WorkflowMessages.DispatchRequired, plain.PortalMessage);
        var dispatches = new DispatchService(database.Factory, clock, service, new SubmissionChangeNotifier());
        await dispatches.CreateAsync(province, campaignId, [draft.Id], ThaiTime.Today(clock));
        var atDla = await service.GetAsync(dla, draft.Id);
        Assert.Equal(SubmissionState.AtDla, atDla.State);
        Assert.Equal(OrgTreeSeeder.DivisionCode, atDla.Holder.Code);
        Assert.Equal([WorkflowAction.Return, WorkflowAction.Accept], atDla.PermittedActions.Order());

        // DLA returns it with a comment: back to the municipality, remembered as returned by DLA.
        var noComment = await Assert.ThrowsAsync<PortalValidationException>(() => ActAsync(service, dla, draft.Id, WorkflowAction.Return, "  "));
        Assert.Equal(WorkflowMessages.CommentRequired, noComment.PortalMessage);
        Assert.Equal(SubmissionState.Returned, (await ActAsync(service, dla, draft.Id, WorkflowAction.Return, "กรุณาแนบภาพประกอบข้อ 2")).State);
        var returned = await service.GetAsync(municipality, draft.Id);
        Assert.Equal("810116", returned.Holder.Code);
        Assert.Equal(OrgTreeSeeder.DivisionCode, returned.ReturnedBy?.Code);
        Assert.Equal([WorkflowAction.Resubmit, WorkflowAction.Withdraw], returned.PermittedActions.Order());

        // Resubmit goes straight back to DLA, which accepts it; the reference number stays.
        Assert.Equal(SubmissionState.AtDla, (await ActAsync(service, municipality, draft.Id, WorkflowAction.Resubmit)).State);
        Assert.Equal(OrgTreeSeeder.DivisionCode, (await service.GetAsync(dla, draft.Id)).Holder.Code);
        Assert.Equal(SubmissionState.Accepted, (await ActAsync(service, dla, draft.Id, WorkflowAction.Accept)).State);

        var accepted = await service.GetAsync(dla, draft.Id);
        Assert.Equal(atDistrict.ReferenceNo, accepted.ReferenceNo);
        Assert.Empty(accepted.PermittedActions);
        Assert.Equal(["create", "submit", "forward", "forward", "return", "resubmit", "accept"], accepted.History.Select(e => e.Action));
        Assert.Equal(Enumerable.Range(1, 7), accepted.History.Select(e => e.Sequence));
        Assert.Equal("กรุณาแนบภาพประกอบข้อ 2", Assert.Single(accepted.History, e => e.Action == "return").Comment);
        Assert.Equal(
            ["Draft>Draft", "Draft>AtDistrict", "AtDistrict>AtProvince", "AtProvince>AtDla", "AtDla>Returned", "Returned>AtDla", "AtDla>Accepted"],
            accepted.History.Select(e => $"{e.FromState}>{e.ToState}"));
        Assert.Equal(["muni-810116", "muni-810116", "district-8101", "province-81", "dla", "muni-810116", "dla"], accepted.History.Select(e => e.UserName));
    }

    [Fact]
    public async Task A_return_by_the_district_comes_back_to_the_district_on_resubmit()
    {
        var campaignId = await AddCampaignAsync(database);
        var service = Service(database, ClockAt(Early));
        var municipality = await database.SignInAsync("muni-810103");
        var district = await database.SignInAsync("district-8101");
        var draft = await FilledDraftAsync(service, municipality, campaignId);
        await ActAsync(service, municipality, draft.Id, WorkflowAction.Submit);

        await ActAsync(service, district, draft.Id, WorkflowAction.Return, "ข้อมูลไม่ครบ");
        Assert.Equal("8101", (await service.GetAsync(municipality, draft.Id)).ReturnedBy?.Code);
        Assert.Equal(SubmissionState.AtDistrict, (await ActAsync(service, municipality, draft.Id, WorkflowAction.Resubmit)).State);
        Assert.Equal("8101", (await service.GetAsync(district, draft.Id)).Holder.Code);
    }

    [Fact]
    public async Task A_town_municipality_skips_the_district()
    {
        var campaignId = await AddCampaignAsync(database);
        var service = Service(database, ClockAt(Early));
        var town = await database.SignInAsync("muni-810101");
        var draft = await FilledDraftAsync(service, town, campaignId);
        Assert.Equal(MunicipalityClass.Town, draft.MunicipalityClass);

        var submitted = await ActAsync(service, town, draft.Id, WorkflowAction.Submit);

        Assert.Equal(SubmissionState.AtProvince, submitted.State);
        var province = await database.SignInAsync("province-81");
        var detail = await service.GetAsync(province, draft.Id);
        Assert.Equal(await database.OrgUnitIdAsync("81"), detail.Holder.Id);
        Assert.Matches(@"^SC\d{4}-81-\d{4}$", detail.ReferenceNo);
        // Its office is not under any district, so a district officer does not even see it.
        var district = await database.SignInAsync("district-8101");
        await Assert.ThrowsAsync<PortalNotFoundException>(() => service.GetAsync(district, draft.Id));
    }

    [Fact]
    public async Task A_campaign_routing_subdistricts_straight_to_the_province_is_followed()
    {
        var straight = new RoutingRule(new Dictionary<MunicipalityClass, bool> { [MunicipalityClass.Subdistrict] = false });
        var campaignId = await AddCampaignAsync(database, routing: straight);
        await using (var db = database.CreateContext())
        {
            Assert.Equal(straight, await db.Campaigns.Where(c => c.Id == campaignId).Select(c => c.Routing).SingleAsync());
        }

        var service = Service(database, ClockAt(Early));
        var municipality = await database.SignInAsync("muni-810601");
        var draft = await FilledDraftAsync(service, municipality, campaignId);

        Assert.Equal(SubmissionState.AtProvince, (await ActAsync(service, municipality, draft.Id, WorkflowAction.Submit)).State);
    }

    [Fact]
    public async Task Jurisdiction_role_and_state_are_enforced_with_the_right_errors()
    {
        var campaignId = await AddCampaignAsync(database);
        await AddForeignProvinceAsync(database);
        var service = Service(database, ClockAt(Early));
        var municipality = await database.SignInAsync("muni-810116");
        var neighbourMunicipality = await database.SignInAsync("muni-810103");
        var district = await database.SignInAsync("district-8101");
        var otherDistrict = await database.SignInAsync("district-8102");
        var foreignProvince = await database.SignInAsync(ForeignProvinceUser);
        var admin = await database.SignInAsync("admin");
        var draft = await FilledDraftAsync(service, municipality, campaignId);
        await ActAsync(service, municipality, draft.Id, WorkflowAction.Submit);
        var atDistrict = await service.GetAsync(district, draft.Id);

        // Outside the caller's jurisdiction it does not exist, for reading and for acting.
        await Assert.ThrowsAsync<PortalNotFoundException>(() => service.GetAsync(otherDistrict, draft.Id));
        await Assert.ThrowsAsync<PortalNotFoundException>(() => service.GetAsync(neighbourMunicipality, draft.Id));
        await Assert.ThrowsAsync<PortalNotFoundException>(() => service.GetAsync(foreignProvince, draft.Id));
        await Assert.ThrowsAsync<PortalNotFoundException>(
            () => service.ActAsync(otherDistrict, draft.Id, new ActionRequest(WorkflowAction.Forward, atDistrict.ConcurrencyToken)));
        Assert.DoesNotContain(
            (await service.ListAsync(otherDistrict, new SubmissionQuery(CampaignId: campaignId))).Items, i => i.Id == draft.Id);
        Assert.Equal(0, (await service.ListAsync(foreignProvince, new SubmissionQuery(CampaignId: campaignId))).Total);
        Assert.Contains((await service.ListAsync(district, new SubmissionQuery(CampaignId: campaignId))).Items, i => i.Id == draft.Id);
        Assert.Contains((await service.ListAsync(admin, new SubmissionQuery(CampaignId: campaignId))).Items, i => i.Id == draft.Id);

        // Not the district's action: 403.
        var accept = await Assert.ThrowsAsync<PortalAccessDeniedException>(
            () => service.ActAsync(district, draft.Id, new ActionRequest(WorkflowAction.Accept, atDistrict.ConcurrencyToken)));
        Assert.Equal(WorkflowMessages.NotYourRole, accept.PortalMessage);
        await Assert.ThrowsAsync<PortalAccessDeniedException>(
            () => service.ActAsync(admin, draft.Id, new ActionRequest(WorkflowAction.Return, atDistrict.ConcurrencyToken, "ผู้ดูแลระบบ")));
        await Assert.ThrowsAsync<PortalAccessDeniedException>(
            () => service.ActAsync(municipality, draft.Id, new ActionRequest(WorkflowAction.Lapse, atDistrict.ConcurrencyToken)));

        // The province sees it but does not hold it yet: 403 not-holder.
        var province = await database.SignInAsync("province-81");
        var early = await Assert.ThrowsAsync<PortalAccessDeniedException>(
            () => service.ActAsync(province, draft.Id, new ActionRequest(WorkflowAction.Forward, atDistrict.ConcurrencyToken)));
        Assert.Equal(WorkflowMessages.NotHolder, early.PortalMessage);

        // Return without a comment: 422.
        var noComment = await Assert.ThrowsAsync<PortalValidationException>(
            () => service.ActAsync(district, draft.Id, new ActionRequest(WorkflowAction.Return, atDistrict.ConcurrencyToken)));
        Assert.Equal(WorkflowMessages.CommentRequired, noComment.PortalMessage);

        // Withdraw is not an action of AtDistrict: 409, checked before whether the municipality holds it.
        var withdraw = await Assert.ThrowsAsync<PortalConflictException>(
            () => service.ActAsync(municipality, draft.Id, new ActionRequest(WorkflowAction.Withdraw, atDistrict.ConcurrencyToken)));
        Assert.Equal(WorkflowMessages.NotInState, withdraw.PortalMessage);

        // Answers cannot be changed once submitted.
        await Assert.ThrowsAsync<PortalConflictException>(() => service.SaveAnswersAsync(municipality, draft.Id, atDistrict.ConcurrencyToken, Answers));

        // Nothing of the above changed the submission or wrote an event.
        var after = await service.GetAsync(district, draft.Id);
        Assert.Equal(SubmissionState.AtDistrict, after.State);
        Assert.Equal(atDistrict.ConcurrencyToken, after.ConcurrencyToken);
        Assert.Equal(2, after.History.Count);
    }

    [Fact]
    public async Task Only_a_municipality_starts_a_report_and_only_in_an_open_campaign()
    {
        var closed = await AddCampaignAsync(database, state: Campaigns.CampaignState.Closed);
        var open = await AddCampaignAsync(database);
        var service = Service(database, ClockAt(Early));

        var district = await database.SignInAsync("district-8101");
        var municipality = await database.SignInAsync("muni-810116");
        await Assert.ThrowsAsync<PortalAccessDeniedException>(() => service.CreateOrGetAsync(district, open));
        await Assert.ThrowsAsync<PortalValidationException>(() => service.CreateOrGetAsync(municipality, closed));
        await Assert.ThrowsAsync<PortalNotFoundException>(() => service.CreateOrGetAsync(municipality, int.MaxValue));
    }

    [Fact]
    public async Task A_municipality_may_withdraw_its_draft_and_then_nothing_more_happens()
    {
        var campaignId = await AddCampaignAsync(database);
        var service = Service(database, ClockAt(Early));
        var municipality = await database.SignInAsync("muni-810401");
        var draft = await FilledDraftAsync(service, municipality, campaignId);

        Assert.Equal(SubmissionState.Withdrawn, (await ActAsync(service, municipality, draft.Id, WorkflowAction.Withdraw)).State);

        var withdrawn = await service.GetAsync(municipality, draft.Id);
        Assert.Empty(withdrawn.PermittedActions);
        Assert.Equal("810401", withdrawn.Holder.Code);
        Assert.Null(withdrawn.ReferenceNo);
        await Assert.ThrowsAsync<PortalConflictException>(() => ActAsync(service, municipality, draft.Id, WorkflowAction.Submit));
    }
}
