using System.Globalization;
using SmartCity.Portal.Common;

namespace SmartCity.Portal.Registers;

public static class DispatchMessages
{
    public const int MaxPrefixLength = 40;

    public static readonly PortalMessage OnlyProvince = new("dispatch-province-only",
        "เฉพาะสำนักงานส่งเสริมการปกครองท้องถิ่นจังหวัดเท่านั้นที่ส่งหนังสือนำส่งรายงานถึงกรมได้", "Only the provincial office sends reports to DLA.");

    public static readonly PortalMessage OnlyDla = new("dispatch-dla-only",
        "เฉพาะเจ้าหน้าที่กรมส่งเสริมการปกครองท้องถิ่นเท่านั้นที่บันทึกรับหนังสือนำส่งได้", "Only DLA officers record the receipt of a dispatch.");

    public static readonly PortalMessage NotYourTier = new("dispatch-not-your-tier",
        "หนังสือนำส่งถึงกรมเป็นงานของจังหวัดและกรม บัญชีของท่านไม่มีสิทธิ์เข้าถึง", "Dispatches to DLA belong to provincial offices and DLA; your account may not see them.");

    public static readonly PortalMessage NotFound = new("dispatch-not-found",
        "ไม่พบหนังสือนำส่งนี้ หรืออยู่นอกเขตความรับผิดชอบของท่าน", "This dispatch was not found or lies outside your jurisdiction.");

    public static readonly PortalMessage PrefixMissing = new("letter-code-prefix-missing",
        "ยังไม่ได้กำหนดรหัสหนังสือของหน่วยงาน (เช่น กบ ๐๐๒๓.๓) กรุณากำหนดรหัสหนังสือก่อนออกเลขหนังสือนำส่ง",
        "Your office's letter code (e.g. กบ ๐๐๒๓.๓) is not set. Please set it before issuing a dispatch letter number.");

    public static readonly PortalMessage PrefixInvalid = new("letter-code-prefix-invalid",
        string.Create(CultureInfo.InvariantCulture, $"รหัสหนังสือต้องไม่ว่างและยาวไม่เกิน {MaxPrefixLength} ตัวอักษร เช่น กบ ๐๐๒๓.๓"),
        string.Create(CultureInfo.InvariantCulture, $"The letter code must not be empty and at most {MaxPrefixLength} characters, e.g. กบ ๐๐๒๓.๓."));

    public static readonly PortalMessage NoItems = new("dispatch-no-items",
        "กรุณาเลือกรายงานอย่างน้อยหนึ่งแห่ง", "Please select at least one report.");

    public static readonly PortalMessage LetterDateInFuture = new("dispatch-date-in-future",
        "วันที่ของหนังสือต้องไม่เป็นวันในอนาคต", "The letter date cannot be in the future.");

    public static readonly PortalMessage ReceivedDateInFuture = new("dispatch-received-in-future",
        "วันที่รับหนังสือต้องไม่เป็นวันในอนาคต", "The date received cannot be in the future.");

    public static readonly PortalMessage ReceivedBeforeLetter = new("dispatch-received-before-letter",
        "วันที่รับหนังสือต้องไม่ก่อนวันที่ของหนังสือ", "The date received cannot be before the letter's date.");

    public static readonly PortalMessage AlreadyReceived = new("dispatch-already-received",
        "บันทึกรับหนังสือนำส่งนี้ไว้แล้ว", "The receipt of this dispatch is already recorded.");

    public static readonly PortalMessage NotInCampaign = new("dispatch-other-campaign",
        "รายงานนี้ไม่ได้อยู่ในรอบการคัดเลือกที่เลือก", "This report belongs to another selection round.");

    public static PortalMessage ItemsRefused(IReadOnlyList<PortalItemProblem> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        var th = string.Join("; ", items.Select(i => $"{i.NameTh}: {i.Reason.Th}"));
        var en = string.Join("; ", items.Select(i => $"{i.NameEn ?? i.NameTh}: {i.Reason.En}"));
        return new("dispatch-items-refused",
            string.Create(CultureInfo.InvariantCulture, $"ส่งหนังสือนำส่งไม่ได้ มีรายงาน {items.Count} แห่งที่ยังส่งถึงกรมไม่ได้ ({th}) ยังไม่มีการบันทึกใด ๆ"),
            string.Create(CultureInfo.InvariantCulture, $"The dispatch was not sent: {items.Count} report(s) cannot go to DLA yet ({en}). Nothing was recorded."));
    }

    /// <summary>How a refused report the caller may not see is named: by the id they sent, never by what lies outside their jurisdiction.</summary>
    public static (string Th, string En) UnknownSubmissionName(int id) => (
        string.Create(CultureInfo.InvariantCulture, $"รายงานเลขที่ {id}"),
        string.Create(CultureInfo.InvariantCulture, $"Report {id}"));
}
