using SmartCity.Portal.Forms;
using SmartCity.Portal.Web.Features.Campaigns;
using SmartCity.Portal.Web.Tests.Infrastructure;

namespace SmartCity.Portal.Web.Tests.Forms;

/// <summary>The DLA form editor: each edit hands up a new definition; the original records are never changed.</summary>
public sealed class FormEditorTests : PortalComponentTest
{
    private static readonly FormDefinition Original = new("test", 1, "แบบทดสอบ", "Test form",
    [
        new FormSection("org", "ข้อมูลองค์กร", "Organisation",
        [
            new FormQuestion("name", FormQuestionType.ShortText, "ชื่อเทศบาล", "Municipality name") { Required = true },
            new FormQuestion("dimensions", FormQuestionType.MultipleChoice, "มิติเมืองอัจฉริยะ", "Smart dimensions")
            {
                Options = [new FormOption("environment", "สิ่งแวดล้อมอัจฉริยะ", "Smart environment"), new FormOption("economy", "เศรษฐกิจอัจฉริยะ", "Smart economy")],
            },
            new FormQuestion("phone", FormQuestionType.ShortText, "โทรศัพท์", "Phone"),
        ]),
    ]);

    private FormDefinition? latest;

    private IRenderedComponent<FormEditor> RenderEditor() =>
        Render<FormEditor>(p => p
            .Add(c => c.Definition, Original)
            .Add(c => c.DefinitionChanged, d => latest = d));

    [Fact]
    public void Changing_a_Thai_label_hands_up_a_new_definition_and_leaves_the_original_alone()
    {
        using var thai = new CultureScope("th-TH");
        var cut = RenderEditor();

        cut.Find("#fe-label-th-org-name").Change("ชื่อองค์กรปกครองส่วนท้องถิ่น");

        Assert.NotNull(latest);
        Assert.Equal("ชื่อองค์กรปกครองส่วนท้องถิ่น", ((FormQuestion)latest.Sections[0].Items[0]).LabelTh);
        Assert.True(((FormQuestion)latest.Sections[0].Items[0]).Required);
        Assert.Equal("ชื่อเทศบาล", ((FormQuestion)Original.Sections[0].Items[0]).LabelTh);
    }

    [Fact]
    public void Adding_an_option_to_a_choice_question_and_naming_it_makes_a_third_choice()
    {
        using var thai = new CultureScope("th-TH");
        var cut = RenderEditor();

        cut.Find("[data-testid='fe-option-add-org-dimensions']").Click();
        cut.Find("#fe-option-th-org-dimensions-2").Change("การเดินทางอัจฉริยะ");
        cut.Find("#fe-option-en-org-dimensions-2").Change("Smart mobility");

        var options = ((FormQuestion)latest!.Sections[0].Items[1]).Options!;
        Assert.Equal(3, options.Count);
        Assert.Equal(new FormOption("o1", "การเดินทางอัจฉริยะ", "Smart mobility"), options[2]);
        Assert.Empty(FormDefinitionChecker.Check(latest));
    }

    [Fact]
    public void Removing_a_question_drops_it_and_keeps_the_others_in_order()
    {
        using var thai = new CultureScope("th-TH");
        var cut = RenderEditor();

        cut.Find("[data-testid='fe-remove-org-name']").Click();

        Assert.Equal("dimensions,phone", string.Join(",", latest!.Sections[0].Items.Select(i => i.Id)));
        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll("[data-key='org-name']")));
    }

    [Fact]
    public void A_checker_problem_is_shown_in_Thai_before_publishing()
    {
        using var thai = new CultureScope("th-TH");
        var cut = RenderEditor();
        Assert.NotEmpty(cut.FindAll("[data-testid='form-editor-ok']"));

        cut.Find("#fe-label-th-org-phone").Change("");

        var problem = cut.Find("[data-testid='form-editor-problem']");
        Assert.Equal("org.phone", problem.GetAttribute("data-path"));
        Assert.Contains("กรุณาระบุชื่อทั้งภาษาไทยและภาษาอังกฤษ", problem.TextContent, StringComparison.Ordinal);
        Assert.Empty(cut.FindAll("[data-testid='form-editor-ok']"));
    }

    [Fact]
    public void Adding_a_question_and_a_section_gives_them_ids_no_sibling_uses()
    {
        using var thai = new CultureScope("th-TH");
        var cut = RenderEditor();

        cut.Find("[data-testid='fe-add-question-org']").Click();
        cut.Find("[data-testid='fe-add-section']").Click();

        Assert.Equal("q1", latest!.Sections[0].Items[3].Id);
        Assert.Equal("section1", latest.Sections[1].Id);
        // An empty section is a problem the officer sees before publishing, not at publish time.
        Assert.NotEmpty(cut.FindAll("[data-testid='form-editor-problem']"));
    }
}
