using Microsoft.EntityFrameworkCore;
using SmartCity.Portal.Common;
using SmartCity.Portal.Core.Tests.Infrastructure;
using SmartCity.Portal.Organisations;
using SmartCity.Portal.Registers;
using SmartCity.Portal.Submissions;
using SmartCity.Portal.Submissions.Workflow;
using static SmartCity.Portal.Core.Tests.Submissions.WorkflowTestKit;

namespace SmartCity.Portal.Core.Tests.Submissions;

/// <summary>
/// Issue 10 item 2 (decision 0018): on a round that wants the paper copy, the province's forward to DLA is the
/// dispatch letter. The plain forward, single or bulk, is refused with the way to do it, and the report stays
/// where the letter can still take it; without a paper copy to send, the plain forward stays.
/// </summary>
public sealed class ForwardToDlaByDispatchTests
{
    /// <summary>The Bangkok date of <see cref="Early"/>.</summary>
    private static readonly DateOnly EarlyDate = new(2024, 8, 1);

    [Fact]
    public async Task On_a_paper_copy_round_the_plain_forward_is_refused_and_the_report_stays_for_the_letter()
    {
        await using var isolated = await IsolatedDemoDatabase.CreateAsync();
        var db0 = isolated.Database;
        var clock = ClockAt(Early);
        var notifier = new SubmissionChangeNotifier();
        var workflow = new SubmissionService(db0.Factory, clock, notifier);
        var paper = new PaperCopyService(db0.Factory, clock, notifier);
        var dispatches = new DispatchService(db0.Factory, clock, workflow, notifier);
        var bulk = new BulkActionService(db0.Factory, workflow);
        var province = await db0.SignInAsync("province-81");
        var campaignId = await AddCampaignAsync(db0, paperCopyRequired: true);
        var town = await AtProvinceAsync(db0, workflow, campaignId, "muni-810101");
        var other = await AtProvinceAsync(db0, workflow, campaignId, "muni-810116");
        await paper.RecordAsync(province, town, EarlyDate, null);
        await paper.RecordAsync(province, other, EarlyDate, null);

        // The province's page offers the forward as "issue a dispatch letter", naming DLA as where it goes.
        var detail = await workflow.GetAsync(province, town);
        Assert.Contains(WorkflowAction.Forward, detail.PermittedActions);
        Assert.True(detail.ForwardNeedsDispatch);
        Assert.True(detail.PaperCopyRequired);
        Assert.Equal(OrgTreeSeeder.DivisionCode, detail.ForwardTo?.Code);

        // The plain forward (the API's actions/forward) is refused with the way to do it; nothing moved, nothing written.
        var refused = await Assert.ThrowsAsync<PortalValidationException>(
            () => workflow.ActAsync(province, town, new ActionRequest(WorkflowAction.Forward, detail.ConcurrencyToken, "ส่งกรม")));
        Assert.Equal(WorkflowMessages.DispatchRequired, refused.PortalMessage);
        Assert.Contains("ออกหนังสือนำส่ง", refused.PortalMessage.Th, StringComparison.Ordinal);
        var after = await workflow.GetAsync(province, town);
        Assert.Equal(SubmissionState.AtProvince, after.State);
        Assert.Equal(detail.ConcurrencyToken, after.ConcurrencyToken);
        Assert.DoesNotContain(after.History, e => e.Action == "forward" && e.FromState == nameof(SubmissionState.AtProvince));

        // The bulk forward refuses each such report on its own, with the same reason.
        var result = await bulk.ForwardAsync(province, [new BulkItem(town, after.ConcurrencyToken), new BulkItem(other, (await workflow.GetAsync(province, other)).ConcurrencyToken)]);
        Assert.Equal(0, result.Succeeded);
        Assert.All(result.Items, i => Assert.Equal(WorkflowMessages.DispatchRequired.Code, i.Error?.Code));

        // Both are still there for the letter, which is the one path to DLA and lists them.
        var candidates = await dispatches.CandidatesAsync(province, campaignId);
        Assert.All(candidates.Where(c => c.SubmissionId == town || c.SubmissionId == other), c => Assert.True(c.CanDispatch));
        Assert.Equal(2, candidates.Count(c => c.SubmissionId == town || c.SubmissionId == other));
        var letter = await dispatches.CreateAsync(province, campaignId, [town, other], EarlyDate);
        var sent = await dispatches.GetAsync(province, letter.Id);
        Assert.Equal([town, other], sent.Items.Select(i => i.SubmissionId).Order());
        Assert.Equal(SubmissionState.AtDla, (await workflow.GetAsync(province, town)).State);
        Assert.Equal(SubmissionState.AtDla, (await workflow.GetAsync(province, other)).State);
    }

    [Fact]
    public async Task Without_a_paper_copy_to_send_the_plain_electronic_forward_stays()
    {
        await using var isolated = await IsolatedDemoDatabase.CreateAsync();
        var db0 = isolated.Database;
        var workflow = Service(db0, ClockAt(Early));
        var province = await db0.SignInAsync("province-81");
        var campaignId = await AddCampaignAsync(db0, paperCopyRequired: false);
        var town = await AtProvinceAsync(db0, workflow, campaignId, "muni-810101");

        var detail = await workflow.GetAsync(province, town);
        Assert.False(detail.ForwardNeedsDispatch);
        Assert.False(detail.PaperCopyRequired);
        Assert.Equal(OrgTreeSeeder.DivisionCode, detail.ForwardTo?.Code);
        var forwarded = await workflow.ActAsync(province, town, new ActionRequest(WorkflowAction.Forward, detail.ConcurrencyToken));
        Assert.Equal(SubmissionState.AtDla, forwarded.State);
    }

    [Fact]
    public async Task The_district_sees_which_provincial_office_a_forward_hands_the_report_to()
    {
        await using var isolated = await IsolatedDemoDatabase.CreateAsync();
        var db0 = isolated.Database;
        var workflow = Service(db0, ClockAt(Early));
        var campaignId = await AddCampaignAsync(db0);
        var municipality = await db0.SignInAsync("muni-810116");
        var draft = await FilledDraftAsync(workflow, municipality, campaignId);
        await ActAsync(workflow, municipality, draft.Id, WorkflowAction.Submit);

        var atDistrict = await workflow.GetAsync(await db0.SignInAsync("district-8101"), draft.Id);

        Assert.False(atDistrict.ForwardNeedsDispatch);
        Assert.Equal("81", atDistrict.ForwardTo?.Code);
        Assert.Equal("สำนักงานส่งเสริมการปกครองท้องถิ่นจังหวัดกระบี่", atDistrict.ForwardTo?.NameTh);
        // The municipality, which cannot forward, is told of no destination.
        Assert.Null((await workflow.GetAsync(municipality, draft.Id)).ForwardTo);
        await using var db = db0.CreateContext();
        Assert.Equal(SubmissionState.AtDistrict, (await db.Submissions.SingleAsync(s => s.Id == draft.Id)).State);
    }

    /// <summary>The municipality's report, submitted and (via its district when it has to be) at the province.</summary>
    private static async Task<int> AtProvinceAsync(DemoDatabase database, SubmissionService workflow, int campaignId, string userName)
    {
        var municipality = await database.SignInAsync(userName);
        var draft = await FilledDraftAsync(workflow, municipality, campaignId);
        var submitted = await ActAsync(workflow, municipality, draft.Id, WorkflowAction.Submit);
        if (submitted.State == SubmissionState.AtDistrict)
        {
            await ActAsync(workflow, await database.SignInAsync("district-" + userName["muni-".Length..][..4]), draft.Id, WorkflowAction.Forward);
        }

        return draft.Id;
    }
}
