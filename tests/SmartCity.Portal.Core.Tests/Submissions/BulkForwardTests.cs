using Microsoft.EntityFrameworkCore;
using SmartCity.Portal.Audit;
using SmartCity.Portal.Common;
using SmartCity.Portal.Core.Tests.Infrastructure;
using SmartCity.Portal.Organisations;
using SmartCity.Portal.Submissions;
using SmartCity.Portal.Submissions.Workflow;
using static SmartCity.Portal.Core.Tests.Submissions.WorkflowTestKit;

namespace SmartCity.Portal.Core.Tests.Submissions;

/// <summary>Issue 5, bulk actions: many reports forwarded in one step, each on its own.</summary>
public sealed class BulkForwardTests
{
    [Fact]
    public async Task One_stale_report_among_twenty_is_reported_and_the_other_nineteen_are_forwarded()
    {
        await using var isolated = await IsolatedDemoDatabase.CreateAsync();
        var db0 = isolated.Database;
        var clock = ClockAt(Early);
        var service = Service(db0, clock);
        var ids = await TwentyAtDistrictAsync(db0);
        var district = await db0.SignInAsync("district-8101");
        var seen = new List<BulkItem>();
        foreach (var id in ids)
        {
            seen.Add(new BulkItem(id, (await service.GetAsync(district, id)).ConcurrencyToken));
        }

        // A colleague in another tab forwards the seventh report after the list was loaded.
        await ActAsync(service, district, ids[6], WorkflowAction.Forward);

        var result = await new BulkActionService(db0.Factory, service).ForwardAsync(district, seen);

        Assert.Equal(19, result.Succeeded);
        var failed = Assert.Single(result.Failed);
        Assert.Equal(ids[6], failed.SubmissionId);
        Assert.Equal(WorkflowMessages.Stale.Code, failed.Error!.Code);
        Assert.False(string.IsNullOrEmpty(failed.MunicipalityNameTh));
        await using var db = db0.CreateContext();
        Assert.Equal(20, await db.Submissions.CountAsync(s => ids.Contains(s.Id) && s.State == SubmissionState.AtProvince));
        // One audited event each: nineteen from the bulk step, one from the colleague, none doubled.
        Assert.All(
            await db.WorkflowEvents.Where(e => ids.Contains(e.SubmissionId) && e.Action == "forward").GroupBy(e => e.SubmissionId).Select(g => g.Count()).ToListAsync(),
            count => Assert.Equal(1, count));
        var verify = await new AuditService(db0.Factory).VerifyAsync(await db0.SignInAsync("dla"));
        Assert.True(verify.Ok);
    }

    [Fact]
    public async Task Refusals_are_reported_per_report_with_their_reason()
    {
        await using var isolated = await IsolatedDemoDatabase.CreateAsync();
        var db0 = isolated.Database;
        await AddForeignProvinceAsync(db0);
        var service = Service(db0, ClockAt(Early));
        var ids = await TwentyAtDistrictAsync(db0);
        var district = await db0.SignInAsync("district-8102");
        var province = await db0.SignInAsync("province-81");
        var token = (await service.GetAsync(province, ids[0])).ConcurrencyToken;

        // District 8102 does not hold 8101's reports (it cannot even see them); the province sees
        // them but they are not at the province yet.
        var other = await new BulkActionService(db0.Factory, service).ForwardAsync(district, [new BulkItem(ids[0], token)]);
        var notYours = await new BulkActionService(db0.Factory, service).ForwardAsync(province, [new BulkItem(ids[0], token)]);

        Assert.Equal(WorkflowMessages.SubmissionNotFound.Code, Assert.Single(other.Failed).Error!.Code);
        Assert.Null(other.Failed[0].MunicipalityNameTh);
        Assert.Equal(0, notYours.Succeeded);
        Assert.NotNull(Assert.Single(notYours.Failed).Error);
        await using var db = db0.CreateContext();
        Assert.Equal(SubmissionState.AtDistrict, (await db.Submissions.SingleAsync(s => s.Id == ids[0])).State);
    }

    [Theory]
    [InlineData("muni-810116")]
    [InlineData("dla")]
    public async Task Only_district_and_provincial_offices_forward_in_bulk(string userName)
    {
        await using var isolated = await IsolatedDemoDatabase.CreateAsync();
        var db0 = isolated.Database;
        var service = Service(db0, ClockAt(Early));
        var user = await db0.SignInAsync(userName);

        await Assert.ThrowsAsync<PortalAccessDeniedException>(() => new BulkActionService(db0.Factory, service).ForwardAsync(user, [new BulkItem(1, Guid.Empty)]));
    }

    [Fact]
    public async Task An_empty_or_oversized_selection_is_refused_in_thai()
    {
        await using var isolated = await IsolatedDemoDatabase.CreateAsync();
        var db0 = isolated.Database;
        var service = Service(db0, ClockAt(Early));
        var district = await db0.SignInAsync("district-8101");
        var bulk = new BulkActionService(db0.Factory, service);

        var empty = await Assert.ThrowsAsync<PortalValidationException>(() => bulk.ForwardAsync(district, []));
        var many = await Assert.ThrowsAsync<PortalValidationException>(() => bulk.ForwardAsync(district, Enumerable.Range(1, 201).Select(i => new BulkItem(i, Guid.Empty)).ToList()));

        Assert.Contains("กรุณาเลือก", empty.PortalMessage.Th, StringComparison.Ordinal);
        Assert.Equal(BulkMessages.TooMany.Code, many.PortalMessage.Code);
    }

    /// <summary>Twenty reports held by district 8101: its two ตำบล municipalities in ten campaigns.</summary>
    private static Task<List<int>> TwentyAtDistrictAsync(DemoDatabase database) =>
        HeldSubmissionsAsync(database, "8101", SubmissionState.AtDistrict, 10, "810116", "810103");
}
