using System.Text.Json.Nodes;
using SmartCity.Portal.Forms;
using SmartCity.Portal.Web.Features.Forms;
using SmartCity.Portal.Web.Tests.Infrastructure;

namespace SmartCity.Portal.Web.Tests.Forms;

public sealed class FormGroupTests : PortalComponentTest
{
    private int changes;

    private IRenderedComponent<FormRenderer> RenderForm(JsonObject answers) =>
        Render<FormRenderer>(p => p
            .Add(c => c.Definition, TestForms.EveryType())
            .Add(c => c.Answers, answers)
            .Add(c => c.AnswersChanged, () => changes++));

    private static bool IsDisabled(AngleSharp.Dom.IElement button) => button.HasAttribute("disabled");

    [Fact]
    public void Adding_items_creates_numbered_cards_with_path_ids_up_to_the_maximum()
    {
        using var thai = new CultureScope("th-TH");
        var answers = new JsonObject();
        var cut = RenderForm(answers);
        Assert.NotNull(cut.Find("[data-testid=group-empty]"));
        Assert.Equal("เพิ่มโครงการ", cut.Find("[data-testid=group-add]").TextContent.Trim());

        cut.Find("[data-testid=group-add]").Click();
        cut.Find("[data-testid=group-add]").Click();

        Assert.Equal(2, answers["p"]!["items"]!.AsArray().Count);
        Assert.Equal(2, changes);
        var cards = cut.FindAll("[data-testid=group-item]");
        Assert.Equal(["p.items[0]", "p.items[1]"], cards.Select(c => c.GetAttribute("data-field")));
        Assert.Contains("โครงการที่ 2", cards[1].TextContent, StringComparison.Ordinal);
        var title = cut.Find("#field-p-items-1-title");
        Assert.Equal(FieldPath.InGroup("p", "items", 1, "title").ToString(), title.Closest("[data-field^='p.items[1].']")!.GetAttribute("data-field"));
        Assert.True(IsDisabled(cut.Find("[data-testid=group-add]")), "the maximum is 2");
    }

    [Fact]
    public void Editing_inside_an_item_writes_to_that_item()
    {
        var answers = JsonNode.Parse("""{ "p": { "items": [ { "title": "แรก" }, { "title": "สอง" } ] } }""")!.AsObject();
        var cut = RenderForm(answers);

        cut.Find("#field-p-items-1-title").Input("ไฟถนนอัจฉริยะ");
        cut.Find("#field-p-items-1-budget").Change("500000");

        Assert.Equal("แรก", (string?)answers["p"]!["items"]![0]!["title"]);
        Assert.Equal("ไฟถนนอัจฉริยะ", (string?)answers["p"]!["items"]![1]!["title"]);
        Assert.Equal(500000m, answers["p"]!["items"]![1]!["budget"]!.GetValue<decimal>());
        Assert.Equal(2, changes);
    }

    [Fact]
    public void Removing_an_item_renumbers_the_rest_and_stops_at_the_minimum()
    {
        var answers = JsonNode.Parse("""{ "p": { "items": [ { "title": "แรก" }, { "title": "สอง" } ] } }""")!.AsObject();
        var cut = RenderForm(answers);

        cut.FindAll("[data-testid=group-remove]")[0].Click();

        var items = answers["p"]!["items"]!.AsArray();
        Assert.Equal("สอง", (string?)Assert.Single(items)!["title"]);
        Assert.Equal(1, changes);
        Assert.Equal("สอง", cut.Find("#field-p-items-0-title").GetAttribute("value"));
        Assert.Empty(cut.FindAll("#field-p-items-1-title"));
        Assert.True(IsDisabled(cut.Find("[data-testid=group-remove]")), "the minimum is 1");
        Assert.False(IsDisabled(cut.Find("[data-testid=group-add]")));
    }

    [Fact]
    public void Read_only_hides_add_and_remove()
    {
        var answers = JsonNode.Parse("""{ "p": { "items": [ { "title": "แรก" } ] } }""")!.AsObject();

        var cut = Render<FormRenderer>(p => p.Add(c => c.Definition, TestForms.EveryType()).Add(c => c.Answers, answers).Add(c => c.ReadOnly, true));

        Assert.Empty(cut.FindAll("[data-testid=group-add]"));
        Assert.Empty(cut.FindAll("[data-testid=group-remove]"));
        Assert.True(cut.Find("#field-p-items-0-title").HasAttribute("readonly"));
    }
}
