using SmartCity.Portal.Core.Tests.Forms;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Components;
using SmartCity.Portal.Common;
using SmartCity.Portal.Forms;
using SmartCity.Portal.Web.Features.Forms;
using SmartCity.Portal.Web.Tests.Infrastructure;

namespace SmartCity.Portal.Web.Tests.Forms;

public sealed class FormRendererTests : PortalComponentTest
{
    private readonly FormDefinition definition = TestForms.EveryType();
    private int changes;

    private IRenderedComponent<FormRenderer> RenderForm(JsonObject answers, IReadOnlyList<FormFieldError>? errors = null, RenderFragment<FormFileSlotContext>? fileSlot = null) =>
        Render<FormRenderer>(p => p
            .Add(c => c.Definition, definition)
            .Add(c => c.Answers, answers)
            .Add(c => c.Errors, errors ?? [])
            .Add(c => c.AttachmentNames, new Dictionary<long, string> { [12] = "แผนที่.pdf" })
            .Add(c => c.FileSlot, fileSlot)
            .Add(c => c.AnswersChanged, () => changes++));

    private static JsonValueKind Kind(JsonObject answers, string section, string key) =>
        answers[section]![key]!.GetValueKind();

    [Fact]
    public void Every_question_shows_its_Thai_label_and_an_input_with_the_id_and_data_field_of_its_path()
    {
        using var thai = new CultureScope("th-TH");

        var cut = RenderForm([]);

        Assert.Contains("ส่วนทดสอบ", cut.Markup);
        Assert.Contains("คำอธิบายส่วนทดสอบ", cut.Markup);
        foreach (var q in definition.Sections[0].Items.Cast<FormQuestion>())
        {
            var path = "s." + q.Id;
            var field = cut.Find($"[data-field='{path}']");
            Assert.Contains(q.LabelTh, field.TextContent, StringComparison.Ordinal);
            Assert.NotNull(cut.Find("#field-s-" + q.Id));
        }
    }

    [Fact]
    public void A_required_question_has_a_red_asterisk_and_aria_required_and_an_optional_one_has_neither()
    {
        using var thai = new CultureScope("th-TH");

        var cut = RenderForm([]);

        Assert.Single(cut.Find("[data-field='s.name']").QuerySelectorAll("[data-testid=required-mark]"));
        Assert.Equal("true", cut.Find("#field-s-name").GetAttribute("aria-required"));
        Assert.Empty(cut.Find("[data-field='s.story']").QuerySelectorAll("[data-testid=required-mark]"));
    }

    [Fact]
    public void Short_and_long_text_edits_write_strings_and_raise_AnswersChanged()
    {
        var answers = new JsonObject();
        var cut = RenderForm(answers);

        cut.Find("#field-s-name").Input("เทศบาลเมืองกระบี่");
        cut.Find("textarea#field-s-story").Input("บรรทัดแรก\nบรรทัดสอง");

        Assert.Equal("เทศบาลเมืองกระบี่", (string?)answers["s"]!["name"]);
        Assert.Equal("บรรทัดแรก\nบรรทัดสอง", (string?)answers["s"]!["story"]);
        Assert.Equal(JsonValueKind.String, Kind(answers, "s", "name"));
        Assert.Equal(2, changes);
        Assert.Equal("50", cut.Find("#field-s-name").GetAttribute("maxlength"));
    }

    [Fact]
    public void Clearing_a_text_removes_the_answer()
    {
        var answers = JsonNode.Parse("""{ "s": { "name": "เดิม" } }""")!.AsObject();
        var cut = RenderForm(answers);

        cut.Find("#field-s-name").Input("");

        Assert.False(answers["s"]!.AsObject().ContainsKey("name"));
        Assert.Equal(1, changes);
    }

    [Fact]
    public void Number_and_money_edits_write_JSON_numbers()
    {
        var answers = new JsonObject();
        var cut = RenderForm(answers);

        cut.Find("#field-s-people").Change("31653");
        cut.Find("#field-s-budget").Change("1250000.5");

        Assert.Equal(JsonValueKind.Number, Kind(answers, "s", "people"));
        Assert.Equal(31653m, answers["s"]!["people"]!.GetValue<decimal>());
        Assert.Equal(JsonValueKind.Number, Kind(answers, "s", "budget"));
        Assert.Equal(1250000.5m, answers["s"]!["budget"]!.GetValue<decimal>());
        Assert.Equal(2, changes);
        Assert.Contains("บาท", cut.Find("[data-field='s.budget']").TextContent, StringComparison.Ordinal);
        Assert.Contains("คน", cut.Find("[data-field='s.people']").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Money_typed_with_thousands_separators_is_stored_as_a_number()
    {
        using var thai = new CultureScope("th-TH");
        var answers = new JsonObject();
        var cut = RenderForm(answers);

        cut.Find("#field-s-budget").Change("1,250,000.50");

        Assert.Equal(JsonValueKind.Number, Kind(answers, "s", "budget"));
        Assert.Equal(1250000.50m, answers["s"]!["budget"]!.GetValue<decimal>());
    }

    [Fact]
    public void Money_is_shown_with_thousands_separators_and_two_decimals()
    {
        var answers = JsonNode.Parse("""{ "s": { "budget": 2450000.5, "people": 31653 } }""")!.AsObject();

        var cut = RenderForm(answers);

        Assert.Equal("2,450,000.50", cut.Find("#field-s-budget").GetAttribute("value"));
        Assert.Equal("31,653", cut.Find("#field-s-people").GetAttribute("value"));
    }

    [Fact]
    public void A_Buddhist_era_date_is_stored_as_an_ISO_Gregorian_string_with_a_Thai_preview()
    {
        using var thai = new CultureScope("th-TH");
        var answers = new JsonObject();
        var cut = RenderForm(answers);

        cut.Find("#field-s-start").Change("15/03/2568");

        Assert.Equal(JsonValueKind.String, Kind(answers, "s", "start"));
        Assert.Equal("2025-03-15", (string?)answers["s"]!["start"]);
        Assert.Equal(1, changes);
        Assert.Equal("15 มีนาคม 2568", cut.Find("[data-testid=date-preview]").TextContent.Trim());
    }

    [Fact]
    public void A_stored_date_is_shown_in_Buddhist_era_and_an_unreadable_one_keeps_the_stored_answer()
    {
        using var thai = new CultureScope("th-TH");
        var answers = JsonNode.Parse("""{ "s": { "start": "2024-01-15" } }""")!.AsObject();
        var cut = RenderForm(answers);

        Assert.Equal("15/01/2567", cut.Find("#field-s-start").GetAttribute("value"));

        cut.Find("#field-s-start").Change("31/02/2567");

        Assert.Equal("2024-01-15", (string?)answers["s"]!["start"]);
        Assert.Equal(0, changes);
        Assert.NotNull(cut.Find("[data-testid=date-invalid]"));
    }

    [Fact]
    public void Single_choice_writes_the_option_value()
    {
        using var thai = new CultureScope("th-TH");
        var answers = new JsonObject();
        var cut = RenderForm(answers);

        Assert.Contains("เทศบาลเมือง", cut.Find("#field-s-class").TextContent, StringComparison.Ordinal);
        cut.Find("#field-s-class").QuerySelectorAll("input[type=radio]")[1].Click();

        Assert.Equal("town", (string?)answers["s"]!["class"]);
        Assert.Equal(1, changes);
    }

    [Fact]
    public void Multiple_choice_writes_an_array_in_option_order()
    {
        var answers = new JsonObject();
        var cut = RenderForm(answers);

        cut.Find("#field-s-dims").QuerySelectorAll("input[type=checkbox]")[2].Change(true);
        cut.Find("#field-s-dims").QuerySelectorAll("input[type=checkbox]")[0].Change(true);

        var picked = Assert.IsType<JsonArray>(answers["s"]!["dims"]);
        Assert.Equal(["energy", "people"], picked.Select(v => (string?)v));
        Assert.Equal(2, changes);
    }

    [Fact]
    public void Yes_no_writes_a_boolean()
    {
        using var thai = new CultureScope("th-TH");
        var answers = new JsonObject();
        var cut = RenderForm(answers);

        var field = cut.Find("#field-s-plan");
        Assert.Contains("ใช่", field.TextContent, StringComparison.Ordinal);
        Assert.Contains("ไม่ใช่", field.TextContent, StringComparison.Ordinal);
        field.QuerySelectorAll("input[type=radio]")[1].Click();

        Assert.Equal(JsonValueKind.False, Kind(answers, "s", "plan"));
        Assert.Equal(1, changes);
    }

    [Fact]
    public void Existing_answers_are_shown_in_their_inputs()
    {
        var answers = JsonNode.Parse("""
            { "s": { "name": "เทศบาลเมืองกระบี่", "class": "city", "dims": ["mobility"], "plan": true, "evidence": [12, 13] } }
            """)!.AsObject();

        var cut = RenderForm(answers);

        Assert.Equal("เทศบาลเมืองกระบี่", cut.Find("#field-s-name").GetAttribute("value"));
        Assert.True(cut.Find("#field-s-class").QuerySelectorAll("input[type=radio]")[0].HasAttribute("checked"));
        var boxes = cut.Find("#field-s-dims").QuerySelectorAll("input[type=checkbox]");
        Assert.Equal([false, true, false], boxes.Select(b => b.HasAttribute("checked")));
        Assert.True(cut.Find("#field-s-plan").QuerySelectorAll("input[type=radio]")[0].HasAttribute("checked"));
        var files = cut.Find("#field-s-evidence").QuerySelectorAll("[data-attachment]");
        Assert.Equal(["12", "13"], files.Select(f => f.GetAttribute("data-attachment")));
        Assert.Contains("แผนที่.pdf", files[0].TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void The_file_slot_gets_the_question_path_and_ids_and_can_set_them()
    {
        var answers = JsonNode.Parse("""{ "s": { "evidence": [12] } }""")!.AsObject();
        RenderFragment<FormFileSlotContext> slot = ctx => b =>
        {
            b.OpenElement(0, "button");
            b.AddAttribute(1, "data-testid", "upload");
            b.AddAttribute(2, "data-path", ctx.Path);
            b.AddAttribute(3, "onclick", EventCallback.Factory.Create(this, () => ctx.SetIds([.. ctx.Ids, 99])));
            b.CloseElement();
        };
        var cut = RenderForm(answers, fileSlot: slot);

        var button = cut.Find("[data-testid=upload]");
        Assert.Equal("s.evidence", button.GetAttribute("data-path"));
        button.Click();

        Assert.Equal([12L, 99L], answers["s"]!["evidence"]!.AsArray().Select(v => v!.GetValue<long>()));
        Assert.Equal(1, changes);
    }

    [Fact]
    public void A_field_error_is_shown_beside_its_field()
    {
        using var thai = new CultureScope("th-TH");
        var errors = new[] { new FormFieldError("s.people", new PortalMessage("x", "จำนวนประชากรต้องไม่เกิน 100", "Population must be at most 100")) };

        var cut = RenderForm([], errors);

        var error = cut.Find("[data-field='s.people'] [data-testid=field-error]");
        Assert.Equal("จำนวนประชากรต้องไม่เกิน 100", error.TextContent.Trim());
        Assert.Single(cut.FindAll("[data-testid=field-error]"));
    }

    [Fact]
    public void Under_English_sections_labels_options_and_errors_are_English()
    {
        using var english = new CultureScope("en-US");
        var errors = new[] { new FormFieldError("s.name", new PortalMessage("x", "กรุณากรอก ชื่อเทศบาล", "Please fill in Municipality name.")) };

        var cut = RenderForm([], errors);

        Assert.Contains("Test part", cut.Markup);
        Assert.Contains("Municipality name", cut.Find("[data-field='s.name']").TextContent, StringComparison.Ordinal);
        Assert.Contains("Town", cut.Find("#field-s-class").TextContent, StringComparison.Ordinal);
        Assert.Contains("Yes", cut.Find("#field-s-plan").TextContent, StringComparison.Ordinal);
        Assert.Equal("Please fill in Municipality name.", cut.Find("[data-testid=field-error]").TextContent.Trim());
        Assert.DoesNotContain("ส่วนทดสอบ", cut.Markup);
    }

    [Fact]
    public void The_default_template_renders_every_section()
    {
        using var thai = new CultureScope("th-TH");
        var template = DefaultSmartCityForm.Create();

        var cut = Render<FormRenderer>(p => p.Add(c => c.Definition, template).Add(c => c.Answers, JsonNode.Parse(DefaultTemplateAnswers.Complete)!.AsObject()));

        var sections = cut.FindAll("[data-testid=form-section]");
        Assert.Equal(template.Sections.Select(s => s.Id), sections.Select(s => s.GetAttribute("data-field")));
        foreach (var section in template.Sections)
        {
            Assert.Contains(section.TitleTh, cut.Markup, StringComparison.Ordinal);
        }

        Assert.Equal(2, cut.FindAll("[data-field='projects.items'] [data-testid=group-item]").Count);
        Assert.Equal("เทศบาลเมืองกระบี่", cut.Find("#field-org-name").GetAttribute("value"));
    }
}
