using SmartCity.Portal.Forms;

namespace SmartCity.Portal.Core.Tests.Forms;

/// <summary>One question of each type, with limits, in a plain section and in a repeatable group.</summary>
public sealed class FormValidatorTests
{
    private static readonly FormDefinition Form = new("test", 1, "แบบทดสอบ", "Test form", [
        new FormSection("org", "ส่วนที่ 1", "Part 1", [
            new FormQuestion("name", FormQuestionType.ShortText, "ชื่อองค์กร", "Name") { Required = true, MaxLength = 10 },
            new FormQuestion("notes", FormQuestionType.LongText, "หมายเหตุ", "Notes"),
            new FormQuestion("population", FormQuestionType.Number, "จำนวนประชากร", "Population") { Required = true, Min = 0, Max = 1000, Unit = "คน" },
            new FormQuestion("area", FormQuestionType.Number, "พื้นที่", "Area") { Min = 0, Decimals = 2, Unit = "ตร.กม." },
            new FormQuestion("budget", FormQuestionType.Money, "งบประมาณ", "Budget") { Min = 0, Max = 1_000_000 },
            new FormQuestion("founded", FormQuestionType.Date, "วันที่ก่อตั้ง", "Founded") { MinDate = new DateOnly(2000, 1, 1), MaxDate = new DateOnly(2030, 12, 31) },
            new FormQuestion("class", FormQuestionType.SingleChoice, "ประเภทเทศบาล", "Class") { Options = [new("town", "เทศบาลเมือง", "Town"), new("subdistrict", "เทศบาลตำบล", "Subdistrict")] },
            new FormQuestion("dims", FormQuestionType.MultipleChoice, "มิติ", "Dimensions")
            {
                Options = [new("a", "ก", "A"), new("b", "ข", "B"), new("c", "ค", "C"), new("d", "ง", "D")],
                MinSelections = 2,
                MaxSelections = 3,
            },
            new FormQuestion("hasPlan", FormQuestionType.YesNo, "มีแผนพัฒนา", "Has a plan") { Required = true },
            new FormQuestion("files", FormQuestionType.File, "เอกสารแนบ", "Attachments") { MaxFiles = 2 },
        ]),
        new FormSection("projects", "ส่วนที่ 2", "Part 2", [
            new FormGroup("items", "โครงการ", "Project", MinItems: 1, MaxItems: 2, [
                new FormQuestion("title", FormQuestionType.ShortText, "ชื่อโครงการ", "Project title") { Required = true },
                new FormQuestion("cost", FormQuestionType.Money, "งบประมาณโครงการ", "Project budget"),
            ]),
        ]),
    ]);

    private const string Complete = """
        { "org": { "name": "เทศบาลนคร", "notes": "", "population": 1000, "area": 19.25, "budget": 999999.99,
                   "founded": "2000-01-01", "class": "town", "dims": ["a", "d"], "hasPlan": false, "files": [7, 8] },
          "projects": { "items": [ { "title": "ระบบแจ้งเหตุ", "cost": 0 }, { "title": "ไฟถนนอัจฉริยะ" } ] } }
        """;

    [Fact]
    public void Complete_answers_pass_both_save_and_submit()
    {
        Assert.Empty(FormValidator.ValidateForSave(Form, Complete));
        Assert.Empty(FormValidator.ValidateForSubmit(Form, Complete));
    }

    [Theory]
    [InlineData("""{"org":{"name":"เทศบาลเมือ"}}""")] // 10 Thai characters: the limit exactly
    [InlineData("""{"org":{"name":"e\u0301e\u0301e\u0301e\u0301e\u0301e\u0301"}}""")] // 12 code units, 6 after NFC
    [InlineData("""{"org":{"population":0}}""")]
    [InlineData("""{"org":{"population":1e3}}""")]
    [InlineData("""{"org":{"area":0.5}}""")]
    [InlineData("""{"org":{"budget":10.5}}""")]
    [InlineData("""{"org":{"founded":"2030-12-31"}}""")]
    [InlineData("""{"org":{"class":"subdistrict"}}""")]
    [InlineData("""{"org":{"dims":["b","c","d"]}}""")]
    [InlineData("""{"org":{"hasPlan":true}}""")]
    [InlineData("""{"org":{"files":[1]}}""")]
    [InlineData("""{"org":{"name":null,"files":[],"class":""}}""")]
    [InlineData("""{"org":null,"projects":{"items":[{},{}]}}""")]
    [InlineData("")]
    public void Valid_answers_of_every_type_save_without_errors(string answers) =>
        Assert.Empty(FormValidator.ValidateForSave(Form, answers));

    [Theory]
    [InlineData("""{"org":{"name":12}}""", "org.name", "wrong-type")]
    [InlineData("""{"org":{"name":"เทศบาลเมืองก"}}""", "org.name", "too-long")]
    [InlineData("""{"org":{"notes":["x"]}}""", "org.notes", "wrong-type")]
    [InlineData("""{"org":{"population":"12345"}}""", "org.population", "wrong-type")]
    [InlineData("""{"org":{"population":-1}}""", "org.population", "below-min")]
    [InlineData("""{"org":{"population":1001}}""", "org.population", "above-max")]
    [InlineData("""{"org":{"population":12.5}}""", "org.population", "too-many-decimals")]
    [InlineData("""{"org":{"area":1.234}}""", "org.area", "too-many-decimals")]
    [InlineData("""{"org":{"area":1e40}}""", "org.area", "above-max")]
    [InlineData("""{"org":{"budget":"1000"}}""", "org.budget", "wrong-type")]
    [InlineData("""{"org":{"budget":10.005}}""", "org.budget", "too-many-decimals")]
    [InlineData("""{"org":{"budget":1000000.01}}""", "org.budget", "above-max")]
    [InlineData("""{"org":{"budget":-0.01}}""", "org.budget", "below-min")]
    [InlineData("""{"org":{"founded":"15/03/2024"}}""", "org.founded", "malformed-date")]
    [InlineData("""{"org":{"founded":"2024-02-30"}}""", "org.founded", "malformed-date")]
    [InlineData("""{"org":{"founded":20240315}}""", "org.founded", "wrong-type")]
    [InlineData("""{"org":{"founded":"1999-12-31"}}""", "org.founded", "before-min-date")]
    [InlineData("""{"org":{"founded":"2567-03-15"}}""", "org.founded", "after-max-date")] // a Buddhist-era year typed as Gregorian
    [InlineData("""{"org":{"class":"city"}}""", "org.class", "unknown-option")]
    [InlineData("""{"org":{"class":1}}""", "org.class", "wrong-type")]
    [InlineData("""{"org":{"dims":["a","z"]}}""", "org.dims", "unknown-option")]
    [InlineData("""{"org":{"dims":["a","a"]}}""", "org.dims", "duplicate-option")]
    [InlineData("""{"org":{"dims":["a","b","c","d"]}}""", "org.dims", "too-many-selections")]
    [InlineData("""{"org":{"dims":"a"}}""", "org.dims", "wrong-type")]
    [InlineData("""{"org":{"hasPlan":"yes"}}""", "org.hasPlan", "wrong-type")]
    [InlineData("""{"org":{"files":[1,2,3]}}""", "org.files", "too-many-files")]
    [InlineData("""{"org":{"files":["report.pdf"]}}""", "org.files", "wrong-type")]
    [InlineData("""{"org":{"files":[0]}}""", "org.files", "wrong-type")]
    [InlineData("""{"org":{"mayor":"x"}}""", "org.mayor", "unknown-field")]
    [InlineData("""{"extra":{}}""", "extra", "unknown-field")]
    [InlineData("""{"org":[]}""", "org", "wrong-type")]
    [InlineData("""{"projects":{"items":[{"title":"ก","owner":"ข"}]}}""", "projects.items[0].owner", "unknown-field")]
    [InlineData("""{"projects":{"items":[{"title":"ก"},{"cost":"5"}]}}""", "projects.items[1].cost", "wrong-type")]
    [InlineData("""{"projects":{"items":[{},{},{}]}}""", "projects.items", "too-many-items")]
    [InlineData("""{"projects":{"items":[{},1]}}""", "projects.items[1]", "wrong-type")]
    [InlineData("""{"projects":{"items":{"title":"ก"}}}""", "projects.items", "wrong-type")]
    [InlineData("""{"org":""", "", "malformed-json")]
    [InlineData("""[1,2]""", "", "malformed-json")]
    public void Each_broken_answer_is_reported_at_its_path_with_its_code(string answers, string path, string code)
    {
        var error = Assert.Single(FormValidator.ValidateForSave(Form, answers));

        Assert.Equal((path, code), (error.Path, error.Code));
        Assert.False(string.IsNullOrWhiteSpace(error.Message.Th));
        Assert.False(string.IsNullOrWhiteSpace(error.Message.En));
        // Submitting checks everything saving does: the same error inside otherwise complete answers.
        Assert.Contains(error, FormValidator.ValidateForSubmit(Form, Merge(answers)));
    }

    [Fact]
    public void Long_text_defaults_to_5000_characters_and_short_text_to_200()
    {
        var form = new FormDefinition("t", 1, "ท", "t", [new FormSection("s", "ส", "s", [
            new FormQuestion("shortQ", FormQuestionType.ShortText, "สั้น", "Short"),
            new FormQuestion("longQ", FormQuestionType.LongText, "ยาว", "Long"),
        ])]);

        Assert.Empty(FormValidator.ValidateForSave(form, Json(new string('ก', 200), new string('ข', 5000))));
        Assert.Equal(
            [("s.shortQ", "too-long"), ("s.longQ", "too-long")],
            FormValidator.ValidateForSave(form, Json(new string('ก', 201), new string('ข', 5001))).Select(e => (e.Path, e.Code)));

        static string Json(string s, string l) => $$$"""{"s":{"shortQ":"{{{s}}}","longQ":"{{{l}}}"}}""";
    }

    [Fact]
    public void A_missing_required_answer_saves_but_does_not_submit_and_the_message_names_the_field_in_Thai()
    {
        const string halfDone = """{"org":{"name":"เทศบาลนคร","dims":["a"]},"projects":{"items":[{"title":"ระบบแจ้งเหตุ"},{"cost":100}]}}""";

        Assert.Empty(FormValidator.ValidateForSave(Form, halfDone));
        var errors = FormValidator.ValidateForSubmit(Form, halfDone);

        Assert.Equal(
            [("org.population", "required"), ("org.dims", "too-few-selections"), ("org.hasPlan", "required"), ("projects.items[1].title", "required")],
            errors.Select(e => (e.Path, e.Code)));
        Assert.Equal("กรุณากรอก จำนวนประชากร", errors[0].Message.Th);
        Assert.Equal("Please fill in Population.", errors[0].Message.En);
        Assert.Equal("กรุณาเลือก มีแผนพัฒนา", errors[2].Message.Th);
        Assert.Equal("กรุณากรอก ชื่อโครงการ", errors[3].Message.Th);
    }

    [Fact]
    public void An_empty_report_lists_every_required_field_and_the_missing_project_on_submit_only()
    {
        Assert.Empty(FormValidator.ValidateForSave(Form, "{}"));

        var errors = FormValidator.ValidateForSubmit(Form, "{}");

        Assert.Equal(
            [("org.name", "required"), ("org.population", "required"), ("org.hasPlan", "required"), ("projects.items", "too-few-items")],
            errors.Select(e => (e.Path, e.Code)));
        Assert.Equal("โครงการ ต้องมีอย่างน้อย 1 รายการ", errors[3].Message.Th);
    }

    [Fact]
    public void White_space_alone_is_not_an_answer()
    {
        var errors = FormValidator.ValidateForSubmit(Form, Complete.Replace("\"เทศบาลนคร\"", "\"   \"", StringComparison.Ordinal));

        Assert.Equal(("org.name", "required"), (Assert.Single(errors).Path, errors[0].Code));
    }

    [Fact]
    public void Complete_answers_to_the_default_template_submit()
    {
        var errors = FormValidator.ValidateForSubmit(DefaultSmartCityForm.Create(), DefaultTemplateAnswers.Complete);

        Assert.Empty(errors);
    }

    [Fact]
    public void The_default_template_asks_for_at_least_one_project_and_its_first_indicator()
    {
        var form = DefaultSmartCityForm.Create();
        var noProjects = DefaultTemplateAnswers.Complete.Replace(DefaultTemplateAnswers.ProjectsSection, "\"projects\": { \"items\": [] }", StringComparison.Ordinal);

        Assert.Contains(FormValidator.ValidateForSubmit(form, DefaultTemplateAnswers.WithoutFirstIndicatorTarget), e => e.Path == "projects.items[0].indicator1Target" && e.Code == "required");
        Assert.Contains(FormValidator.ValidateForSubmit(form, noProjects), e => e.Path == "projects.items" && e.Code == "too-few-items");
    }

    /// <summary>The broken answer inside otherwise complete answers: on submit it is then the only error.</summary>
    private static string Merge(string broken)
    {
        var complete = System.Text.Json.Nodes.JsonNode.Parse(Complete)!.AsObject();
        System.Text.Json.Nodes.JsonNode? patch;
        try
        {
            patch = System.Text.Json.Nodes.JsonNode.Parse(broken);
        }
        catch (System.Text.Json.JsonException)
        {
            return broken;
        }

        if (patch is not System.Text.Json.Nodes.JsonObject patchObject)
        {
            return broken;
        }

        foreach (var (sectionId, section) in patchObject)
        {
            if (section is System.Text.Json.Nodes.JsonObject fields && complete[sectionId] is System.Text.Json.Nodes.JsonObject target)
            {
                foreach (var (key, value) in fields)
                {
                    target[key] = value?.DeepClone();
                }
            }
            else
            {
                complete[sectionId] = section?.DeepClone();
            }
        }

        return complete.ToJsonString();
    }
}
