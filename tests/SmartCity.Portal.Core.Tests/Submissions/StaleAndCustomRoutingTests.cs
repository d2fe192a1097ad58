using SmartCity.Portal.Common;
using SmartCity.Portal.Core.Tests.Infrastructure;
using SmartCity.Portal.Organisations;
using SmartCity.Portal.Security;
using SmartCity.Portal.Submissions;
using SmartCity.Portal.Submissions.Routing;
using SmartCity.Portal.Submissions.Workflow;
using static SmartCity.Portal.Core.Tests.Submissions.WorkflowTestKit;

namespace SmartCity.Portal.Core.Tests.Submissions;

public sealed class StaleAndCustomRoutingTests(DemoDatabase database) : IClassFixture<DemoDatabase>
{
    [Fact]
    public async Task A_second_officer_arriving_after_the_first_commit_is_told_it_is_stale_not_forbidden()
    {
        var service = Service(database, ClockAt(Early));
        var municipality = await database.SignInAsync("muni-810116");
        var district = await database.SignInAsync("district-8101");
        var campaignId = await AddCampaignAsync(database);
        var draft = await FilledDraftAsync(service, municipality, campaignId);
        await ActAsync(service, municipality, draft.Id, WorkflowAction.Submit);
        var readByBoth = (await service.GetAsync(district, draft.Id)).ConcurrencyToken;

        await service.ActAsync(district, draft.Id, new ActionRequest(WorkflowAction.Forward, readByBoth));
        var late = await Assert.ThrowsAsync<PortalStaleException>(
            () => service.ActAsync(district, draft.Id, new ActionRequest(WorkflowAction.Return, readByBoth, "ขาดเอกสาร")));

        Assert.Equal(WorkflowMessages.Stale, late.PortalMessage);
        Assert.Equal(SubmissionState.AtProvince, (await service.GetAsync(district, draft.Id)).State);
    }

    [Fact]
    public async Task With_a_current_token_the_refusal_keeps_its_own_reason()
    {
        var service = Service(database, ClockAt(Early));
        var municipality = await database.SignInAsync("muni-810103");
        var district = await database.SignInAsync("district-8101");
        var campaignId = await AddCampaignAsync(database);
        var draft = await FilledDraftAsync(service, municipality, campaignId);
        await ActAsync(service, municipality, draft.Id, WorkflowAction.Submit);
        await ActAsync(service, district, draft.Id, WorkflowAction.Forward);

        await Assert.ThrowsAsync<PortalAccessDeniedException>(() => ActAsync(service, district, draft.Id, WorkflowAction.Forward));
    }

    [Fact]
    public async Task A_town_routed_through_its_district_is_seen_and_forwarded_by_that_district()
    {
        // The town hangs under the province in the tree; a campaign may still route it via the district.
        var service = Service(database, ClockAt(Early));
        var rule = new RoutingRule(new Dictionary<MunicipalityClass, bool>
        {
            [MunicipalityClass.City] = false,
            [MunicipalityClass.Town] = true,
            [MunicipalityClass.Subdistrict] = true,
        });
        var town = await database.SignInAsync("muni-810101");
        var district = await database.SignInAsync("district-8101");
        var neighbour = await database.SignInAsync("district-8102");
        var campaignId = await AddCampaignAsync(database, routing: rule);
        var draft = await FilledDraftAsync(service, town, campaignId);

        var submitted = await ActAsync(service, town, draft.Id, WorkflowAction.Submit);
        Assert.Equal(SubmissionState.AtDistrict, submitted.State);

        var seen = await service.GetAsync(district, draft.Id);
        Assert.Contains(WorkflowAction.Forward, seen.PermittedActions);
        var inbox = await service.ListAsync(district, new SubmissionQuery(CampaignId: campaignId));
        Assert.Contains(inbox.Items, i => i.Id == draft.Id);
        await Assert.ThrowsAsync<PortalNotFoundException>(() => service.GetAsync(neighbour, draft.Id));

        var forwarded = await ActAsync(service, district, draft.Id, WorkflowAction.Forward);
        Assert.Equal(SubmissionState.AtProvince, forwarded.State);
        // Once handed on, the district no longer holds it and the town is outside its subtree again.
        await Assert.ThrowsAsync<PortalNotFoundException>(() => service.GetAsync(district, draft.Id));
    }
}

public sealed class HistoryReadableTests(DemoDatabase database) : IClassFixture<DemoDatabase>
{
    [Fact]
    public async Task History_names_the_person_and_the_office_they_acted_for()
    {
        var service = Service(database, ClockAt(Early));
        var municipality = await database.SignInAsync("muni-810201");
        var district = await database.SignInAsync("district-8102");
        var campaignId = await AddCampaignAsync(database);
        var draft = await FilledDraftAsync(service, municipality, campaignId);
        await ActAsync(service, municipality, draft.Id, WorkflowAction.Submit);
        await ActAsync(service, district, draft.Id, WorkflowAction.Forward);

        var history = (await service.GetAsync(district, draft.Id)).History;

        var forward = Assert.Single(history, e => e.Action == "forward");
        Assert.Equal("district-8102", forward.UserName);
        Assert.Equal(DemoAccounts.All.Single(a => a.UserName == "district-8102").DisplayName, forward.DisplayName);
        Assert.Equal("สำนักงานส่งเสริมการปกครองท้องถิ่นอำเภอเขาพนม", forward.ActingOfficeNameTh);
        Assert.Equal("เทศบาลตำบลเขาพนม", Assert.Single(history, e => e.Action == "submit").ActingOfficeNameTh);
    }
}
