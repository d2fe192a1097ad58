using Bunit.TestDoubles;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using SmartCity.Portal.Campaigns;
using SmartCity.Portal.Organisations;
using SmartCity.Portal.Registers;
using SmartCity.Portal.Security;
using SmartCity.Portal.Submissions;
using SmartCity.Portal.Web.Features.Submissions;
using SmartCity.Portal.Web.Tests.Infrastructure;

namespace SmartCity.Portal.Web.Tests.Pages;

/// <summary>The inbox over the real services of a portal host: each row opens the report it lists (its rows load after the first render, so not over plain HTTP).</summary>
public sealed class InboxOpenLinkTests : PortalComponentTest, IClassFixture<PortalFactory>
{
    private readonly PortalFactory factory;
    private readonly BunitAuthorizationContext auth;

    public InboxOpenLinkTests(PortalFactory factory)
    {
        this.factory = factory;
        Services.AddSingleton(factory.Services.GetRequiredService<SubmissionService>());
        Services.AddSingleton(factory.Services.GetRequiredService<BulkActionService>());
        Services.AddSingleton(factory.Services.GetRequiredService<CampaignService>());
        Services.AddSingleton(factory.Services.GetRequiredService<PaperCopyService>());
        Services.AddSingleton(factory.Services.GetRequiredService<SubmissionChangeNotifier>());
        Services.AddSingleton(factory.Services.GetRequiredService<OrganisationService>());
        Services.AddSingleton(factory.Services.GetRequiredService<TimeProvider>());
        auth = AddAuthorization();
    }

    [Fact]
    public async Task Each_row_links_the_municipality_name_to_its_report()
    {
        using var thai = new CultureScope("th-TH");
        var submissionId = await HeldByDistrict8102Async();
        var membership = await factory.QueryAsync(async db =>
        {
            var m = await db.Memberships.Where(x => x.User!.UserName == "district-8102").Select(x => new { x.UserId, x.Role, x.OrgUnitId, x.OrgUnit!.Path }).FirstAsync();
            return new ActiveMembership(m.UserId, "district-8102", "district-8102", m.Role, m.OrgUnitId, m.Path, 1);
        });
        auth.SetAuthorized("district-8102");
        auth.SetClaims([.. ActiveMembershipResolver.ToClaims(membership)]);
        Render<MudPopoverProvider>();

        var page = Render<Inbox>();

        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=inbox-open][data-code='810201']")), TimeSpan.FromSeconds(10));
        var link = page.Find("[data-testid=inbox-open][data-code='810201']");
        Assert.Equal($"/submissions/{submissionId}", link.GetAttribute("href"));
        Assert.Equal("เทศบาลตำบลเขาพนม", link.TextContent.Trim());
    }

    /// <summary>Khao Phanom's report, submitted and held by district 8102, written straight into the database.</summary>
    private Task<int> HeldByDistrict8102Async() => factory.QueryAsync(async db =>
    {
        var municipality = await db.OrgUnits.SingleAsync(o => o.Code == "810201");
        var district = await db.OrgUnits.SingleAsync(o => o.Code == "8102" && o.Kind == OrgUnitKind.DistrictOffice);
        var campaignId = await db.Campaigns.Where(c => c.State == CampaignState.Open).Select(c => c.Id).FirstAsync();
        var row = new Submission
        {
            CampaignId = campaignId,
            MunicipalityId = municipality.Id,
            State = SubmissionState.AtDistrict,
            HolderOrgUnitId = district.Id,
            ReferenceNo = "SC2567-81-0901",
            AnswersJson = "{}",
            CreatedUtc = DateTime.UtcNow,
            UpdatedUtc = DateTime.UtcNow,
            SubmittedUtc = DateTime.UtcNow,
        };
        db.Submissions.Add(row);
        await db.SaveChangesAsync();
        return row.Id;
    });
}
