using Microsoft.EntityFrameworkCore;
using SmartCity.Portal.Campaigns;
using SmartCity.Portal.Common;
using SmartCity.Portal.Core.Tests.Infrastructure;
using SmartCity.Portal.Forms;
using SmartCity.Portal.Submissions.Workflow;
using static SmartCity.Portal.Core.Tests.Submissions.WorkflowTestKit;

namespace SmartCity.Portal.Core.Tests.Forms;

/// <summary>Form versions on a real SQLite file; every test makes its own campaign.</summary>
public sealed class FormServiceTests(DemoDatabase database) : IClassFixture<DemoDatabase>
{
    private FormService Forms => new(database.Factory, database.Clock);

    [Fact]
    public async Task The_demo_campaign_publishes_the_default_template_as_version_1_once()
    {
        await using (var db = database.CreateContext())
        {
            await DemoCampaign.SeedAsync(db, database.Clock);
        }

        await using (var db = database.CreateContext())
        {
            var campaign = await DemoCampaign.SeedAsync(db, database.Clock);
            Assert.Equal(1, await db.FormDefinitionVersions.CountAsync(f => f.CampaignId == campaign.Id));

            var form = await Forms.GetPublishedAsync(await database.SignInAsync("muni-810116"), campaign.Id);
            Assert.Equal(1, form.Version);
            Assert.Equal(DefaultSmartCityForm.TitleTh, form.Definition.TitleTh);
            Assert.Equal(FormJson.Serialize(DefaultSmartCityForm.Create()), FormJson.Serialize(form.Definition));
        }
    }

    [Fact]
    public async Task A_new_version_leaves_a_report_started_on_version_1_on_version_1_unchanged()
    {
        var campaignId = await AddCampaignAsync(database);
        var dla = await database.SignInAsync("dla");
        var first = await Forms.PublishAsync(dla, campaignId, DefaultSmartCityForm.Create());
        var firstJson = await RowJsonAsync(first.Id);
        var started = await Service(database, database.Clock).CreateOrGetAsync(await database.SignInAsync("muni-810116"), campaignId);

        // DLA drops part 7 and renames the form; the municipality that already started must not notice.
        var template = DefaultSmartCityForm.Create();
        var edited = template with { TitleEn = "Smart City Development Report (revised)", Sections = template.Sections.Where(s => s.Id != "awards").ToList() };
        var second = await Forms.PublishAsync(dla, campaignId, edited);
        var later = await Service(database, database.Clock).CreateOrGetAsync(await database.SignInAsync("muni-810103"), campaignId);

        Assert.Equal((1, 2), (first.Version, second.Version));
        Assert.Equal(first.Id, await FormVersionIdAsync(started.Id));
        Assert.Equal(second.Id, await FormVersionIdAsync(later.Id));
        Assert.Equal(2, (await Forms.GetPublishedAsync(await database.SignInAsync("district-8101"), campaignId)).Version);

        var asStarted = await Forms.GetVersionAsync(await database.SignInAsync("muni-810116"), first.Id);
        Assert.Equal(firstJson, await RowJsonAsync(first.Id));
        Assert.Contains(asStarted.Definition.Sections, s => s.Id == "awards");
        Assert.Equal("Smart City Development Report", asStarted.Definition.TitleEn);
        Assert.Equal(1, asStarted.Definition.Version);
        Assert.Equal(2, FormJson.Deserialize(await RowJsonAsync(second.Id)).Version);
    }

    [Fact]
    public async Task A_published_version_cannot_be_updated_or_deleted()
    {
        var campaignId = await AddCampaignAsync(database);
        var published = await Forms.PublishAsync(await database.SignInAsync("dla"), campaignId, DefaultSmartCityForm.Create());

        await using (var db = database.CreateContext())
        {
            var row = await db.FormDefinitionVersions.SingleAsync(f => f.Id == published.Id);
            row.Json = row.Json.Replace("จำนวนประชากร", "จำนวนผู้อยู่อาศัย", StringComparison.Ordinal);
            await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
        }

        await using (var db = database.CreateContext())
        {
            var row = await db.FormDefinitionVersions.SingleAsync(f => f.Id == published.Id);
            row.PublishedUtc = null;
            Assert.Throws<InvalidOperationException>(() => db.SaveChanges());
        }

        await using (var db = database.CreateContext())
        {
            db.FormDefinitionVersions.Remove(await db.FormDefinitionVersions.SingleAsync(f => f.Id == published.Id));
            await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
        }

        Assert.Contains("จำนวนประชากร", await RowJsonAsync(published.Id), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_version_not_yet_published_may_still_be_edited()
    {
        var campaignId = await AddCampaignAsync(database);
        await using var db = database.CreateContext();
        var draft = new FormDefinitionVersion { CampaignId = campaignId, Version = 1, Json = "{}", CreatedUtc = Early, CreatedByUserName = "dla" };
        db.FormDefinitionVersions.Add(draft);
        await db.SaveChangesAsync();

        draft.Json = FormJson.Serialize(DefaultSmartCityForm.Create());
        draft.PublishedUtc = Early;
        await db.SaveChangesAsync();

        Assert.Equal(draft.Json, await RowJsonAsync(draft.Id));
    }

    [Theory]
    [InlineData("muni-810116")]
    [InlineData("district-8101")]
    [InlineData("province-81")]
    public async Task Only_DLA_publishes_a_form(string userName)
    {
        var campaignId = await AddCampaignAsync(database);
        var user = await database.SignInAsync(userName);

        var refused = await Assert.ThrowsAsync<PortalAccessDeniedException>(() => Forms.PublishAsync(user, campaignId, DefaultSmartCityForm.Create()));

        Assert.Equal(FormMessages.PublishForbidden, refused.PortalMessage);
        Assert.Equal(0, await VersionCountAsync(campaignId));
        Assert.Equal(1, (await Forms.PublishAsync(await database.SignInAsync("admin"), campaignId, DefaultSmartCityForm.Create())).Version);
    }

    [Fact]
    public async Task A_definition_that_fails_the_check_is_not_published()
    {
        var campaignId = await AddCampaignAsync(database);
        var template = DefaultSmartCityForm.Create();
        var broken = template with { Sections = [.. template.Sections, template.Sections[0]] };
        var dla = await database.SignInAsync("dla");

        var refused = await Assert.ThrowsAsync<PortalValidationException>(() => Forms.PublishAsync(dla, campaignId, broken));

        Assert.Equal("form-definition-invalid", refused.PortalMessage.Code);
        Assert.Contains("รหัส org ซ้ำกัน", refused.PortalMessage.Th, StringComparison.Ordinal);
        Assert.Equal(0, await VersionCountAsync(campaignId));
    }

    [Fact]
    public async Task Without_a_published_form_or_outside_a_visible_campaign_there_is_nothing_to_read()
    {
        var noForm = await AddCampaignAsync(database);
        var draftCampaign = await AddCampaignAsync(database, state: CampaignState.Draft);
        var dla = await database.SignInAsync("dla");
        var municipality = await database.SignInAsync("muni-810116");
        await Forms.PublishAsync(dla, draftCampaign, DefaultSmartCityForm.Create());

        var none = await Assert.ThrowsAsync<PortalNotFoundException>(() => Forms.GetPublishedAsync(municipality, noForm));
        Assert.Equal(FormMessages.FormNotPublished, none.PortalMessage);
        var hidden = await Assert.ThrowsAsync<PortalNotFoundException>(() => Forms.GetPublishedAsync(municipality, draftCampaign));
        Assert.Equal(WorkflowMessages.CampaignNotFound, hidden.PortalMessage);
        Assert.Equal(1, (await Forms.GetPublishedAsync(dla, draftCampaign)).Version);
        await Assert.ThrowsAsync<PortalAccessDeniedException>(() => Forms.GetPublishedAsync(new System.Security.Claims.ClaimsPrincipal(), noForm));
    }

    private async Task<string> RowJsonAsync(int id)
    {
        await using var db = database.CreateContext();
        return await db.FormDefinitionVersions.Where(f => f.Id == id).Select(f => f.Json).SingleAsync();
    }

    private async Task<int?> FormVersionIdAsync(int submissionId)
    {
        await using var db = database.CreateContext();
        return await db.Submissions.Where(s => s.Id == submissionId).Select(s => s.FormVersionId).SingleAsync();
    }

    private async Task<int> VersionCountAsync(int campaignId)
    {
        await using var db = database.CreateContext();
        return await db.FormDefinitionVersions.CountAsync(f => f.CampaignId == campaignId);
    }
}
