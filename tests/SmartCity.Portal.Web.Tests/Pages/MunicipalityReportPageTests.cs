using System.Security.Claims;
using System.Text.Json.Nodes;
using Bunit.TestDoubles;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MudBlazor;
using SmartCity.Portal.Attachments;
using SmartCity.Portal.Common;
using SmartCity.Portal.Core.Tests.Forms;
using SmartCity.Portal.Campaigns;
using SmartCity.Portal.Forms;
using SmartCity.Portal.Security;
using SmartCity.Portal.Submissions;
using SmartCity.Portal.Web.Features.Submissions;
using SmartCity.Portal.Submissions.Workflow;
using SmartCity.Portal.Web.Tests.Api;
using SmartCity.Portal.Web.Tests.Infrastructure;

namespace SmartCity.Portal.Web.Tests.Pages;

/// <summary>
/// The municipality's report page over the real services and database of a portal host: the form of the
/// report's own version, autosave after a quiet period (a fake clock, so no test sleeps), a save that
/// meets someone else's keeps the typing, and refusals show beside their fields. Each test uses its own municipality.
/// </summary>
public sealed class MunicipalityReportPageTests : PortalComponentTest, IClassFixture<PortalFactory>
{
    private static readonly TimeSpan Delay = TimeSpan.FromSeconds(3);
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    private readonly PortalFactory factory;
    private readonly FakeTimeProvider clock = new(DateTimeOffset.UtcNow);
    private readonly BunitAuthorizationContext auth;

    public MunicipalityReportPageTests(PortalFactory factory)
    {
        this.factory = factory;
        foreach (var type in new[] { typeof(CampaignService), typeof(SubmissionService), typeof(FormService), typeof(AttachmentService), typeof(CampaignDocumentService), typeof(SubmissionChangeNotifier) })
        {
            Services.AddSingleton(type, factory.Services.GetRequiredService(type));
        }

        // The page's clock (the autosave timer) is fake; the services keep the host's real one.
        Services.AddSingleton<TimeProvider>(clock);
        Services.Configure<ReportFormOptions>(o => o.AutosaveDelay = Delay);
        auth = AddAuthorization();
    }

    [Fact]
    public async Task The_page_renders_the_form_of_the_reports_own_version_with_its_saved_answers()
    {
        using var thai = new CultureScope("th-TH");
        var (_, _) = await StartedAsync("muni-810101", """{"org":{"name":"เทศบาลเมืองกระบี่"}}""");
        var page = RenderPage();

        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("#field-org-name")), Wait);
        Assert.Equal("เทศบาลเมืองกระบี่", page.Find("#field-org-name").GetAttribute("value"));
        // Every section of the default template, from the version the report was started on.
        Assert.Equal(DefaultSmartCityForm.Create().Sections.Count, page.FindAll("[data-testid=form-section]").Count);
        Assert.Equal("saved", page.Find("[data-testid=save-status]").GetAttribute("data-state"));
        Assert.Contains("บันทึกล่าสุดเมื่อ", page.Find("[data-testid=save-status]").TextContent, StringComparison.Ordinal);
        Assert.Empty(page.FindAll("[data-testid=submission-receipt]"));
    }

    [Fact]
    public async Task A_sent_report_shows_its_receipt_with_the_reference_and_the_print_link_on_a_later_visit()
    {
        using var thai = new CultureScope("th-TH");
        var userName = await factory.AddForeignMunicipalityAsync("809911");
        var (user, id) = await StartedAsync(userName, DefaultTemplateAnswers.CompleteWithoutFiles);
        var draft = await SubmissionAsync(user, id);
        await Services.GetRequiredService<SubmissionService>().ActAsync(user, id, new ActionRequest(WorkflowAction.Submit, draft.ConcurrencyToken));
        var sent = await SubmissionAsync(user, id);

        var page = RenderPage();

        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=submission-receipt]")), Wait);
        Assert.Matches(@"^SC2567-80-\d{4}$", sent.ReferenceNo);
        Assert.Equal(sent.ReferenceNo, page.Find("[data-testid=receipt-reference]").TextContent.Trim());
        Assert.Equal(ThaiTime.FormatDateTime(sent.SubmittedUtc!.Value, english: false), page.Find("[data-testid=receipt-time]").TextContent.Trim());
        Assert.Equal($"/submissions/{id}/print", page.Find("[data-testid=receipt-print]").GetAttribute("href"));
    }

    [Fact]
    public async Task A_change_marks_the_page_dirty_and_the_quiet_period_saves_it_once()
    {
        using var thai = new CultureScope("th-TH");
        var (user, id) = await StartedAsync("muni-810103", "{}");
        var page = RenderPage();
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("#field-org-name")), Wait);

        page.Find("#field-org-name").Input("เทศบาลตำบลกระบี่น้อย");
        clock.Advance(TimeSpan.FromSeconds(2));
        page.Find("#field-org-district").Input("เมืองกระบี่");

        Assert.Equal("dirty", page.Find("[data-testid=save-status]").GetAttribute("data-state"));
        Assert.Equal("มีการแก้ไขที่ยังไม่บันทึก", page.Find("[data-testid=save-status]").TextContent.Trim());
        // Two seconds after the second edit is still within its quiet period: nothing saved yet.
        clock.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal("{}", (await SubmissionAsync(user, id)).AnswersJson);

        clock.Advance(TimeSpan.FromSeconds(1));
        page.WaitForAssertion(() => Assert.Equal("saved", page.Find("[data-testid=save-status]").GetAttribute("data-state")), Wait);
        var saved = JsonNode.Parse((await SubmissionAsync(user, id)).AnswersJson)!;
        Assert.Equal("เทศบาลตำบลกระบี่น้อย", (string?)saved["org"]!["name"]);
        Assert.Equal("เมืองกระบี่", (string?)saved["org"]!["district"]);
    }

    [Fact]
    public async Task A_save_over_someone_elses_shows_the_conflict_and_keeps_the_typing_until_reload()
    {
        using var thai = new CultureScope("th-TH");
        var (user, id) = await StartedAsync("muni-810201", "{}");
        var page = RenderPage();
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("#field-org-name")), Wait);

        // While this officer types, another of the same municipality saves from their own desk: the live
        // update only says so (it must not replace the typing), and the autosave then meets their version.
        page.Find("#field-org-name").Input("ฉบับของฉัน");
        var submissions = Services.GetRequiredService<SubmissionService>();
        var current = await submissions.GetAsync(user, id);
        await submissions.SaveAnswersAsync(user, id, current.ConcurrencyToken, """{"org":{"name":"ฉบับของเพื่อนร่วมงาน"}}""");
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=changed-elsewhere]")), Wait);
        Assert.Equal("ฉบับของฉัน", page.Find("#field-org-name").GetAttribute("value"));
        clock.Advance(Delay);

        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=save-conflict]")), Wait);
        Assert.Equal("conflict", page.Find("[data-testid=save-status]").GetAttribute("data-state"));
        Assert.Equal("ฉบับของฉัน", page.Find("#field-org-name").GetAttribute("value"));
        // Nothing was overwritten, and no later save tries again behind the officer's back.
        clock.Advance(Delay * 3);
        Assert.Contains("ฉบับของเพื่อนร่วมงาน", (await SubmissionAsync(user, id)).AnswersJson, StringComparison.Ordinal);

        page.Find("[data-testid=save-conflict-reload]").Click();
        page.WaitForAssertion(() => Assert.Equal("ฉบับของเพื่อนร่วมงาน", page.Find("#field-org-name").GetAttribute("value")), Wait);
        Assert.Empty(page.FindAll("[data-testid=save-conflict]"));
        Assert.Equal("saved", page.Find("[data-testid=save-status]").GetAttribute("data-state"));
    }

    [Fact]
    public async Task Refused_answers_show_their_errors_beside_the_fields_and_keep_what_was_typed()
    {
        using var thai = new CultureScope("th-TH");
        var (user, id) = await StartedAsync("muni-810301", "{}");
        var page = RenderPage();
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("#field-org-population")), Wait);

        // Above the question's limit (10,000,000 people): a save the server refuses with a field error.
        page.Find("#field-org-population").Change("20000000");
        page.Find("[data-testid=save-answers]").Click();

        page.WaitForAssertion(() => Assert.Equal("error", page.Find("[data-testid=save-status]").GetAttribute("data-state")), Wait);
        var field = page.Find("div.form-field[data-field='org.population']");
        Assert.NotEmpty(field.QuerySelectorAll("[data-testid=field-error]"));
        Assert.Contains("20,000,000", page.Find("#field-org-population").GetAttribute("value") ?? "", StringComparison.Ordinal);
        Assert.Equal("{}", (await SubmissionAsync(user, id)).AnswersJson);
    }

    [Fact]
    public async Task Submitting_with_missing_answers_lists_them_at_the_top_with_links_to_the_fields()
    {
        using var thai = new CultureScope("th-TH");
        var (user, id) = await StartedAsync("muni-810116", """{"org":{"name":"เทศบาลตำบลอ่าวนาง"}}""");
        var page = RenderPage();
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=action-submit]")), Wait);

        page.Find("[data-testid=action-submit]").Click();

        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=form-error-summary]")), Wait);
        var links = page.FindAll("[data-testid=form-error-summary] a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains("#field-org-district", links);
        Assert.DoesNotContain("#field-org-name", links);
        Assert.NotEmpty(page.Find("div.form-field[data-field='org.district']").QuerySelectorAll("[data-testid=field-error]"));
        Assert.Equal(SubmissionState.Draft, (await SubmissionAsync(user, id)).State);
    }

    [Fact]
    public async Task A_report_begun_before_its_campaign_had_a_form_says_so_in_Thai()
    {
        using var thai = new CultureScope("th-TH");
        var (_, id) = await StartedAsync("muni-810401", "{}");
        await factory.QueryAsync(db => db.Submissions.Where(s => s.Id == id).ExecuteUpdateAsync(u => u.SetProperty(s => s.FormVersionId, (int?)null)));
        var page = RenderPage();

        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=no-form]")), Wait);
        Assert.Contains("ยังไม่มีแบบให้กรอก", page.Find("[data-testid=no-form]").TextContent, StringComparison.Ordinal);
        Assert.Empty(page.FindAll("[data-testid=form-section]"));
        Assert.Empty(page.FindAll("[data-testid=submission-error]"));
    }

    [Fact]
    public async Task Every_change_is_copied_to_the_browser_and_an_unsaved_copy_is_offered_back_on_the_next_visit()
    {
        using var thai = new CultureScope("th-TH");
        var (user, id) = await StartedAsync("muni-810501", "{}");
        var module = JSInterop.SetupModule("/js/report-form.js");
        module.Mode = JSRuntimeMode.Loose;
        // What the browser kept when the circuit was lost: typed, never saved.
        var copy = new JsonObject
        {
            ["answers"] = """{"org":{"name":"พิมพ์ไว้ก่อนเน็ตหลุด"}}""",
            ["savedUtc"] = DateTime.UtcNow.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
        }.ToJsonString();
        module.Setup<string?>("readLocal", _ => true).SetResult(copy);
        var page = RenderPage();

        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=restore-draft]")), Wait);
        Assert.Contains("พบข้อมูลที่ยังไม่ได้บันทึก", page.Find("[data-testid=restore-draft]").TextContent, StringComparison.Ordinal);
        Assert.Equal("", page.Find("#field-org-name").GetAttribute("value") ?? "");

        page.Find("[data-testid=restore-draft-restore]").Click();

        Assert.Equal("พิมพ์ไว้ก่อนเน็ตหลุด", page.Find("#field-org-name").GetAttribute("value"));
        Assert.Equal("dirty", page.Find("[data-testid=save-status]").GetAttribute("data-state"));
        var stored = module.Invocations["saveLocal"][^1];
        Assert.Equal($"smartcity.report.{id}.muni-810501", stored.Arguments[0]);
        Assert.Contains("พิมพ์ไว้ก่อนเน็ตหลุด", (string?)stored.Arguments[1], StringComparison.Ordinal);

        clock.Advance(Delay);
        page.WaitForAssertion(() => Assert.Equal("saved", page.Find("[data-testid=save-status]").GetAttribute("data-state")), Wait);
        Assert.Contains("พิมพ์ไว้ก่อนเน็ตหลุด", (await SubmissionAsync(user, id)).AnswersJson, StringComparison.Ordinal);
        // Saved: the browser's copy has done its job.
        page.WaitForAssertion(() => Assert.NotEmpty(module.Invocations["clearLocal"]), Wait);
    }

    [Fact]
    public async Task A_page_with_nothing_unsaved_follows_another_officers_save_live()
    {
        using var thai = new CultureScope("th-TH");
        var (user, id) = await StartedAsync("muni-810601", "{}");
        var page = RenderPage();
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("#field-org-name")), Wait);

        var submissions = Services.GetRequiredService<SubmissionService>();
        var current = await submissions.GetAsync(user, id);
        await submissions.SaveAnswersAsync(user, id, current.ConcurrencyToken, """{"org":{"name":"จากอีกเครื่อง"}}""");

        page.WaitForAssertion(() => Assert.Equal("จากอีกเครื่อง", page.Find("#field-org-name").GetAttribute("value")), Wait);
        Assert.Empty(page.FindAll("[data-testid=changed-elsewhere]"));

        // And its next save goes through on the new version, without a conflict.
        page.Find("#field-org-district").Input("เมืองกระบี่");
        clock.Advance(Delay);
        page.WaitForAssertion(() => Assert.Equal("saved", page.Find("[data-testid=save-status]").GetAttribute("data-state")), Wait);
        Assert.Contains("จากอีกเครื่อง", (await SubmissionAsync(user, id)).AnswersJson, StringComparison.Ordinal);
    }

    private IRenderedComponent<MunicipalitySubmission> RenderPage()
    {
        Render<MudPopoverProvider>();
        Render<MudDialogProvider>();
        return Render<MunicipalitySubmission>();
    }

    private Task<SubmissionDetail> SubmissionAsync(ClaimsPrincipal user, int id) =>
        Services.GetRequiredService<SubmissionService>().GetAsync(user, id);

    /// <summary>Signs the page in as the municipality and starts its report with these answers saved.</summary>
    private async Task<(ClaimsPrincipal User, int Id)> StartedAsync(string userName, string answersJson)
    {
        var membership = await factory.QueryAsync(async db =>
        {
            var m = await db.Memberships.Where(x => x.User!.UserName == userName)
                .Select(x => new { x.UserId, x.Role, x.OrgUnitId, x.OrgUnit!.Path }).FirstAsync();
            return new ActiveMembership(m.UserId, userName, userName, m.Role, m.OrgUnitId, m.Path, 1);
        });
        auth.SetAuthorized(userName);
        auth.SetClaims([.. ActiveMembershipResolver.ToClaims(membership)]);
        var user = new ClaimsPrincipal(new ClaimsIdentity(ActiveMembershipResolver.ToClaims(membership), "test", ClaimTypes.Name, ClaimTypes.Role));

        var submissions = factory.Services.GetRequiredService<SubmissionService>();
        var campaignId = await factory.QueryAsync(db => db.Campaigns.Where(c => c.State == CampaignState.Open).Select(c => c.Id).FirstAsync());
        var draft = await submissions.CreateOrGetAsync(user, campaignId);
        await submissions.SaveAnswersAsync(user, draft.Id, draft.ConcurrencyToken, answersJson);
        return (user, draft.Id);
    }
}
