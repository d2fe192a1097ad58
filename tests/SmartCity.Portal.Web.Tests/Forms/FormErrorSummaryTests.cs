using System.Text.Json.Nodes;
using SmartCity.Portal.Forms;
using SmartCity.Portal.Web.Features.Forms;
using SmartCity.Portal.Web.Tests.Infrastructure;

namespace SmartCity.Portal.Web.Tests.Forms;

public sealed class FormErrorSummaryTests : PortalComponentTest
{
    // Required name, a group under its minimum, a wrong type inside an item and a date out of shape: what a real submit returns.
    private const string Answers = """
        { "s": { "people": "12,345", "start": "15/03/2568" }, "p": { "items": [ { "budget": 10 } ] } }
        """;

    [Fact]
    public void The_title_counts_the_errors_and_each_links_to_an_element_of_the_rendered_form()
    {
        using var thai = new CultureScope("th-TH");
        var definition = TestForms.EveryType();
        var errors = FormValidator.ValidateForSubmit(definition, Answers);
        Assert.True(errors.Count >= 4, string.Join("; ", errors.Select(e => e.Path)));

        var summary = Render<FormErrorSummary>(p => p.Add(c => c.Errors, errors));
        var form = Render<FormRenderer>(p => p.Add(c => c.Definition, definition).Add(c => c.Answers, JsonNode.Parse(Answers)!.AsObject()).Add(c => c.Errors, errors));

        Assert.Equal($"กรุณาแก้ไข {errors.Count} รายการก่อนส่งรายงาน", summary.Find("[data-testid=form-error-title]").TextContent.Trim());
        var links = summary.FindAll("a[href]");
        Assert.Equal(errors.Count, links.Count);
        for (var i = 0; i < errors.Count; i++)
        {
            Assert.Equal(errors[i].Message.Th, links[i].TextContent.Trim());
            var target = links[i].GetAttribute("href")!.TrimStart('#');
            Assert.True(form.FindAll("#" + target).Count == 1, $"{errors[i].Path} links to #{target}, which the form does not render");
        }
    }

    [Fact]
    public void An_error_about_a_whole_group_links_to_the_group()
    {
        var definition = TestForms.EveryType();
        var errors = FormValidator.ValidateForSubmit(definition, """{ "s": { "name": "กระบี่" } }""");
        var groupError = Assert.Single(errors);
        Assert.Equal("p.items", groupError.Path);

        var summary = Render<FormErrorSummary>(p => p.Add(c => c.Errors, errors));
        var form = Render<FormRenderer>(p => p.Add(c => c.Definition, definition).Add(c => c.Answers, []).Add(c => c.Errors, errors));

        Assert.Equal("#field-p-items", summary.Find("a").GetAttribute("href"));
        Assert.Equal(groupError.Message.Th, form.Find("#field-p-items [data-testid=field-error]").TextContent.Trim());
    }

    [Fact]
    public void Errors_on_keys_the_form_does_not_have_link_to_the_nearest_part_it_renders()
    {
        var definition = TestForms.EveryType();
        const string answers = """{ "x": 1, "s": { "name": "กระบี่", "extra": 1 }, "p": { "items": [ { "title": "ก", "color": "แดง" } ] } }""";
        var errors = FormValidator.ValidateForSave(definition, answers);
        Assert.Equal(["x", "s.extra", "p.items[0].color"], errors.Select(e => e.Path));

        var summary = Render<FormErrorSummary>(p => p.Add(c => c.Errors, errors).Add(c => c.Definition, definition));
        var form = Render<FormRenderer>(p => p.Add(c => c.Definition, definition).Add(c => c.Answers, JsonNode.Parse(answers)!.AsObject()));

        var targets = summary.FindAll("a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(["#field-root", "#field-s", "#field-p-items-0"], targets);
        Assert.All(targets, t => Assert.Single(form.FindAll(t!)));
    }

    [Fact]
    public void Under_English_the_messages_are_English()
    {
        using var english = new CultureScope("en-US");
        var errors = FormValidator.ValidateForSubmit(TestForms.EveryType(), Answers);

        var summary = Render<FormErrorSummary>(p => p.Add(c => c.Errors, errors));

        Assert.Equal($"Please fix {errors.Count} item(s) before submitting the report", summary.Find("[data-testid=form-error-title]").TextContent.Trim());
        Assert.Equal(errors.Select(e => e.Message.En), summary.FindAll("a[href]").Select(a => a.TextContent.Trim()));
    }

    [Fact]
    public void Without_errors_nothing_is_shown()
    {
        var summary = Render<FormErrorSummary>(p => p.Add(c => c.Errors, Array.Empty<FormFieldError>()));

        Assert.Empty(summary.FindAll("[data-testid=form-error-summary]"));
    }
}
