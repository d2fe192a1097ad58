using System.Text.Json;
using SmartCity.Portal.Forms;

namespace SmartCity.Portal.Core.Tests.Forms;

public sealed class FormDefinitionTests
{
    [Fact]
    public void The_default_template_survives_a_JSON_round_trip_with_its_Thai_intact()
    {
        var template = DefaultSmartCityForm.Create();

        var json = FormJson.Serialize(template);
        var back = FormJson.Deserialize(json);

        Assert.Equal(json, FormJson.Serialize(back));
        Assert.Equal("แบบรายงานผลข้อมูลการพัฒนาศักยภาพเมืองน่าอยู่อัจฉริยะ", back.TitleTh);
        // Stored as Thai, not as \u0e.. escapes: readable in the database and a third of the bytes.
        Assert.Contains("\"titleTh\":\"แบบรายงานผลข้อมูลการพัฒนาศักยภาพเมืองน่าอยู่อัจฉริยะ\"", json, StringComparison.Ordinal);
        Assert.DoesNotContain("\\u0E", json, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(["org", "vision", "projects", "data", "people", "sustainability", "awards", "certification"], back.Sections.Select(s => s.Id));

        var population = Assert.IsType<FormQuestion>(back.Sections[0].Items.Single(i => i.Id == "population"));
        Assert.Equal(FormQuestionType.Number, population.Type);
        Assert.Equal("จำนวนประชากร", population.LabelTh);
        Assert.Equal("คน", population.Unit);
        Assert.True(population.Required);

        var projects = Assert.IsType<FormGroup>(Assert.Single(back.Sections[2].Items));
        Assert.Equal((1, 20), (projects.MinItems, projects.MaxItems));
        var dimensions = projects.Questions.Single(q => q.Id == "dimensions");
        Assert.Equal(FormQuestionType.MultipleChoice, dimensions.Type);
        Assert.Equal(DefaultSmartCityForm.SmartDimensions, dimensions.Options);
        Assert.Equal(["environment", "economy", "mobility", "energy", "people", "living", "governance"], dimensions.Options!.Select(o => o.Value));
        var startDate = projects.Questions.Single(q => q.Id == "startDate");
        Assert.Equal(new DateOnly(2000, 1, 1), startDate.MinDate);
        Assert.Contains("\"minDate\":\"2000-01-01\"", json, StringComparison.Ordinal);
        Assert.Contains("\"type\":\"multipleChoice\"", json, StringComparison.Ordinal);
        Assert.Contains("\"kind\":\"group\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public void The_default_template_passes_its_own_check_and_takes_a_campaign_s_own_dimension_list()
    {
        Assert.Empty(FormDefinitionChecker.Check(DefaultSmartCityForm.Create()));

        var own = DefaultSmartCityForm.Create([new("tourism", "การท่องเที่ยวอัจฉริยะ", "Smart tourism")]);
        var projects = (FormGroup)own.Sections.Single(s => s.Id == "projects").Items[0];
        Assert.Equal("tourism", Assert.Single(projects.Questions.Single(q => q.Id == "dimensions").Options!).Value);
        Assert.Empty(FormDefinitionChecker.Check(own));
    }

    [Fact]
    public void A_definition_with_an_unknown_question_type_does_not_deserialize()
    {
        const string json = """
            {"key":"k","version":1,"titleTh":"ท","titleEn":"t","sections":[{"id":"s","titleTh":"ส","titleEn":"s","items":[
              {"kind":"question","id":"q","type":"slider","labelTh":"ค","labelEn":"q"}]}]}
            """;

        Assert.ThrowsAny<JsonException>(() => FormJson.Deserialize(json));
    }

    [Fact]
    public void The_checker_rejects_duplicate_ids_at_every_level()
    {
        var q = new FormQuestion("name", FormQuestionType.ShortText, "ชื่อ", "Name");
        var definition = Definition(
            new FormSection("org", "ส่วนที่ 1", "Part 1", [q, q with { LabelTh = "ชื่ออื่น" }]),
            new FormSection("org", "ส่วนที่ 2", "Part 2", [q]),
            new FormSection("projects", "ส่วนที่ 3", "Part 3", [new FormGroup("items", "โครงการ", "Project", 0, 5, [q, q])]));

        var problems = FormDefinitionChecker.Check(definition);

        Assert.Equal(
            [("org.name", "duplicate-id"), ("org", "duplicate-id"), ("projects.items[].name", "duplicate-id")],
            problems.Select(p => (p.Path, p.Code)));
        Assert.Equal("รหัส name ซ้ำกัน", problems[0].Message.Th);
    }

    [Fact]
    public void The_checker_rejects_limits_that_cannot_be_met_and_choices_without_options()
    {
        var definition = Definition(new FormSection("org", "ส่วนที่ 1", "Part 1", [
            new FormQuestion("population", FormQuestionType.Number, "จำนวนประชากร", "Population") { Min = 100, Max = 10 },
            new FormQuestion("budget", FormQuestionType.Money, "งบประมาณ", "Budget") { Min = 0, Max = 1_000 },
            new FormQuestion("founded", FormQuestionType.Date, "วันที่ก่อตั้ง", "Founded") { MinDate = new DateOnly(2030, 1, 1), MaxDate = new DateOnly(2020, 1, 1) },
            new FormQuestion("class", FormQuestionType.SingleChoice, "ประเภท", "Class") { Options = [] },
            new FormQuestion("dims", FormQuestionType.MultipleChoice, "มิติ", "Dimensions") { Options = [new("a", "ก", "A"), new("b", "ข", "B")], MinSelections = 2, MaxSelections = 1 },
            new FormQuestion("bad id", FormQuestionType.ShortText, "ผิด", "Bad"),
            new FormQuestion("kind", (FormQuestionType)42, "ประเภท", "Kind"),
            new FormGroup("items", "รายการ", "Items", MinItems: 3, MaxItems: 2, [new FormQuestion("title", FormQuestionType.ShortText, "ชื่อ", "Title")]),
        ]));

        var problems = FormDefinitionChecker.Check(definition);

        Assert.Equal(
            [
                ("org.population", "min-above-max"),
                ("org.founded", "min-above-max"),
                ("org.class", "options-missing"),
                ("org.dims", "min-above-max"),
                ("org.bad id", "invalid-id"),
                ("org.kind", "unknown-type"),
                ("org.items", "min-above-max"),
            ],
            problems.Select(p => (p.Path, p.Code)));
        Assert.All(problems, p => Assert.False(string.IsNullOrWhiteSpace(p.Message.Th) || string.IsNullOrWhiteSpace(p.Message.En)));
    }

    [Theory]
    [InlineData("org", "org", null, null, null)]
    [InlineData("org.population", "org", "population", null, null)]
    [InlineData("projects.items", "projects", "items", null, null)]
    [InlineData("projects.items[1]", "projects", "items", 1, null)]
    [InlineData("projects.items[12].title", "projects", "items", 12, "title")]
    public void Field_paths_print_and_parse_the_same_way(string text, string section, string? item, int? index, string? question)
    {
        var expected = new FieldPath(section, item, index, question);

        Assert.Equal(text, expected.ToString());
        Assert.True(FieldPath.TryParse(text, out var parsed));
        Assert.Equal(expected, parsed);
    }

    [Theory]
    [InlineData("")]
    [InlineData("org.")]
    [InlineData("org[1]")]
    [InlineData("projects.items[].title")]
    [InlineData("projects.items[1].title.more")]
    [InlineData("1org")]
    public void Malformed_field_paths_do_not_parse(string text) => Assert.False(FieldPath.TryParse(text, out _));

    private static FormDefinition Definition(params FormSection[] sections) => new("test", 1, "แบบทดสอบ", "Test form", sections);
}
