using System.Globalization;
using SmartCity.Portal.Common;

namespace SmartCity.Portal.Forms;

/// <summary>An answer that breaks a rule of the definition, at the field it belongs to.</summary>
public sealed record FormFieldError(string Path, PortalMessage Message)
{
    public string Code => Message.Code;
}

/// <summary>
/// Messages about answers name the field by its label in both languages so that the error summary
/// reads on its own ("กรุณากรอก จำนวนประชากร"), away from the input it links to.
/// </summary>
public static class FormMessages
{
    public static readonly PortalMessage FormNotPublished = new("form-not-published",
        "รอบการคัดเลือกนี้ยังไม่มีแบบรายงานที่เผยแพร่", "This selection round has no published report form yet.");

    public static readonly PortalMessage PublishForbidden = new("form-publish-forbidden",
        "เฉพาะเจ้าหน้าที่กรมส่งเสริมการปกครองท้องถิ่นหรือผู้ดูแลระบบเท่านั้นที่เผยแพร่แบบรายงานได้",
        "Only DLA officers and portal administrators may publish a report form.");

    public static readonly PortalMessage MalformedJson = new("malformed-json",
        "ข้อมูลคำตอบไม่อยู่ในรูปแบบ JSON ที่ถูกต้อง", "The answers are not valid JSON.");

    public static PortalMessage DefinitionInvalid(IReadOnlyList<FormFieldError> problems) => new("form-definition-invalid",
        $"แบบรายงานยังไม่ถูกต้อง {N(problems.Count)} จุด เช่น {problems[0].Path}: {problems[0].Message.Th}",
        $"The form definition has {N(problems.Count)} problem(s), e.g. {problems[0].Path}: {problems[0].Message.En}");

    /// <summary>The summary line above the field errors of a save or submit that was refused.</summary>
    public static PortalMessage AnswersInvalid(int count) => new("answers-invalid",
        $"กรุณาแก้ไข {N(count)} รายการในแบบรายงาน", $"Please correct {N(count)} item(s) in the report.");

    // ---- answers ----
    internal static PortalMessage Required(Label l, FormQuestionType type) => type switch
    {
        FormQuestionType.SingleChoice or FormQuestionType.MultipleChoice or FormQuestionType.YesNo or FormQuestionType.Date =>
            new("required", $"กรุณาเลือก {l.Th}", $"Please choose {l.En}."),
        FormQuestionType.File => new("required", $"กรุณาแนบไฟล์ {l.Th}", $"Please attach {l.En}."),
        _ => new("required", $"กรุณากรอก {l.Th}", $"Please fill in {l.En}."),
    };

    internal static PortalMessage WrongType(Label l, string expectedTh, string expectedEn) => new("wrong-type",
        $"{l.Th} ต้องเป็น{expectedTh}", $"{l.En} must be {expectedEn}.");

    internal static PortalMessage TooLong(Label l, int max, int actual) => new("too-long",
        $"{l.Th} ยาวเกิน {N(max)} ตัวอักษร (ขณะนี้ {N(actual)} ตัวอักษร)", $"{l.En} is longer than {N(max)} characters ({N(actual)} now).");

    internal static PortalMessage BelowMin(Label l, decimal min) => new("below-min",
        $"{l.Th} ต้องไม่น้อยกว่า {N(min)}", $"{l.En} must be at least {N(min)}.");

    internal static PortalMessage AboveMax(Label l, decimal max) => new("above-max",
        $"{l.Th} ต้องไม่เกิน {N(max)}", $"{l.En} must be at most {N(max)}.");

    internal static PortalMessage TooManyDecimals(Label l, int decimals) => decimals == 0
        ? new("too-many-decimals", $"{l.Th} ต้องเป็นจำนวนเต็ม", $"{l.En} must be a whole number.")
        : new("too-many-decimals", $"{l.Th} มีทศนิยมได้ไม่เกิน {N(decimals)} ตำแหน่ง", $"{l.En} may have at most {N(decimals)} decimal places.");

    internal static PortalMessage MalformedDate(Label l) => new("malformed-date",
        $"{l.Th} ไม่ใช่วันที่ที่ถูกต้อง", $"{l.En} is not a valid date (yyyy-MM-dd).");

    internal static PortalMessage BeforeMinDate(Label l, DateOnly min) => new("before-min-date",
        $"{l.Th} ต้องไม่ก่อนวันที่ {ThaiDate(min)}", $"{l.En} must not be before {min:yyyy-MM-dd}.");

    internal static PortalMessage AfterMaxDate(Label l, DateOnly max) => new("after-max-date",
        $"{l.Th} ต้องไม่หลังวันที่ {ThaiDate(max)}", $"{l.En} must not be after {max:yyyy-MM-dd}.");

    internal static PortalMessage UnknownOption(Label l) => new("unknown-option",
        $"ตัวเลือกที่ระบุใน {l.Th} ไม่มีอยู่ในแบบรายงาน", $"{l.En} has a choice that is not in the form.");

    internal static PortalMessage DuplicateOption(Label l) => new("duplicate-option",
        $"{l.Th} มีตัวเลือกซ้ำกัน", $"{l.En} has the same choice twice.");

    internal static PortalMessage TooFewSelections(Label l, int min) => new("too-few-selections",
        $"{l.Th} ต้องเลือกอย่างน้อย {N(min)} ข้อ", $"{l.En} needs at least {N(min)} choice(s).");

    internal static PortalMessage TooManySelections(Label l, int max) => new("too-many-selections",
        $"{l.Th} เลือกได้ไม่เกิน {N(max)} ข้อ", $"{l.En} allows at most {N(max)} choice(s).");

    internal static PortalMessage TooManyFiles(Label l, int max) => new("too-many-files",
        $"{l.Th} แนบไฟล์ได้ไม่เกิน {N(max)} ไฟล์", $"{l.En} allows at most {N(max)} file(s).");

    internal static PortalMessage UnknownFile(Label l) => new("unknown-file",
        $"{l.Th} อ้างถึงไฟล์แนบที่ไม่มีในรายงานนี้ (อาจถูกลบไปแล้ว) กรุณาแนบไฟล์ใหม่", $"{l.En} names an attachment that is not part of this report (it may have been removed). Please attach the file again.");

    internal static PortalMessage DuplicateFile(Label l) => new("duplicate-file",
        $"{l.Th} มีไฟล์แนบเดียวกันซ้ำ", $"{l.En} lists the same attachment twice.");

    internal static PortalMessage TooFewItems(Label l, int min) => new("too-few-items",
        $"{l.Th} ต้องมีอย่างน้อย {N(min)} รายการ", $"{l.En} needs at least {N(min)} item(s).");

    internal static PortalMessage TooManyItems(Label l, int max) => new("too-many-items",
        $"{l.Th} มีได้ไม่เกิน {N(max)} รายการ", $"{l.En} allows at most {N(max)} item(s).");

    internal static PortalMessage UnknownField(string path) => new("unknown-field",
        $"ไม่มีช่อง {path} ในแบบรายงานนี้", $"The form has no field {path}.");

    // ---- definitions ----
    internal static PortalMessage DuplicateId(string id) => new("duplicate-id",
        $"รหัส {id} ซ้ำกัน", $"The id {id} is used twice.");

    internal static PortalMessage InvalidId(string? id) => new("invalid-id",
        $"รหัส \"{id}\" ต้องขึ้นต้นด้วยอักษรภาษาอังกฤษ และมีได้เฉพาะอักษรภาษาอังกฤษ ตัวเลข และ _",
        $"The id \"{id}\" must start with a letter and hold only letters, digits and _.");

    internal static readonly PortalMessage UnknownType = new("unknown-type",
        "ประเภทคำถามไม่ถูกต้อง", "The question type is not known.");

    internal static readonly PortalMessage LabelMissing = new("label-missing",
        "กรุณาระบุชื่อทั้งภาษาไทยและภาษาอังกฤษ", "Both the Thai and the English label are needed.");

    internal static readonly PortalMessage NoSections = new("no-sections",
        "แบบรายงานต้องมีอย่างน้อยหนึ่งส่วน", "A form needs at least one section.");

    internal static readonly PortalMessage EmptyContainer = new("empty",
        "ส่วนหรือกลุ่มนี้ยังไม่มีคำถาม", "This section or group has no questions.");

    internal static readonly PortalMessage OptionsMissing = new("options-missing",
        "คำถามแบบตัวเลือกต้องมีตัวเลือกอย่างน้อยหนึ่งข้อ", "A choice question needs at least one option.");

    internal static readonly PortalMessage MinAboveMax = new("min-above-max",
        "ค่าต่ำสุดต้องไม่มากกว่าค่าสูงสุด", "The minimum must not be greater than the maximum.");

    internal static readonly PortalMessage LimitOutOfRange = new("limit-out-of-range",
        "ค่าที่กำหนดไม่อยู่ในช่วงที่ใช้ได้", "A limit is outside the usable range.");

    private static string N(decimal value) => value.ToString("#,0.##", CultureInfo.InvariantCulture);

    private static string N(int value) => value.ToString("#,0", CultureInfo.InvariantCulture);

    // Buddhist-era date for Thai text, in the words the rest of the portal uses; parsing and storage stay ISO.
    private static string ThaiDate(DateOnly date) => ThaiTime.FormatDate(date);
}

/// <summary>A field's label in both languages, as the messages quote it.</summary>
internal readonly record struct Label(string Th, string En);
