using SmartCity.Portal.Forms;

namespace SmartCity.Portal.Web.Tests.Forms;

/// <summary>A small form with one question of every type and a repeatable group of 1 to 2 items.</summary>
internal static class TestForms
{
    public static FormDefinition EveryType() => new("test", 1, "แบบทดสอบ", "Test form", [
        new FormSection("s", "ส่วนทดสอบ", "Test part", [
            new FormQuestion("name", FormQuestionType.ShortText, "ชื่อเทศบาล", "Municipality name") { Required = true, MaxLength = 50 },
            new FormQuestion("story", FormQuestionType.LongText, "เรื่องเล่า", "Story"),
            new FormQuestion("people", FormQuestionType.Number, "จำนวนประชากร", "Population") { Unit = "คน" },
            new FormQuestion("budget", FormQuestionType.Money, "งบประมาณ", "Budget"),
            new FormQuestion("start", FormQuestionType.Date, "วันที่เริ่ม", "Start date"),
            new FormQuestion("class", FormQuestionType.SingleChoice, "ประเภทเทศบาล", "Class")
            {
                Options = [new("city", "เทศบาลนคร", "City"), new("town", "เทศบาลเมือง", "Town")],
            },
            new FormQuestion("dims", FormQuestionType.MultipleChoice, "ด้านเมืองอัจฉริยะ", "Dimensions")
            {
                Options = [new("energy", "พลังงาน", "Energy"), new("mobility", "การเดินทาง", "Mobility"), new("people", "พลเมือง", "People")],
            },
            new FormQuestion("plan", FormQuestionType.YesNo, "มีแผนแม่บท", "Has a master plan"),
            new FormQuestion("evidence", FormQuestionType.File, "เอกสารหลักฐาน", "Evidence"),
        ]) { HelpTh = "คำอธิบายส่วนทดสอบ", HelpEn = "Help of the test part" },
        new FormSection("p", "โครงการ", "Projects", [
            new FormGroup("items", "โครงการ", "Project", MinItems: 1, MaxItems: 2, [
                new FormQuestion("title", FormQuestionType.ShortText, "ชื่อโครงการ", "Project title") { Required = true },
                new FormQuestion("budget", FormQuestionType.Money, "งบประมาณโครงการ", "Project budget"),
            ]),
        ]),
    ]);
}
