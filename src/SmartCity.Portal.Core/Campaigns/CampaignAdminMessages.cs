using SmartCity.Portal.Common;

namespace SmartCity.Portal.Campaigns;

/// <summary>What DLA officers are told when setting up a campaign: plain words, the office and date named.</summary>
public static class CampaignAdminMessages
{
    public static readonly PortalMessage Forbidden = new("campaign-admin-forbidden",
        "เฉพาะเจ้าหน้าที่กรมส่งเสริมการปกครองท้องถิ่นหรือผู้ดูแลระบบเท่านั้นที่จัดการรอบการคัดเลือกได้",
        "Only DLA officers and portal administrators may manage selection rounds.");

    public static readonly PortalMessage TitleRequired = new("campaign-title-required",
        "กรุณาระบุชื่อรอบการคัดเลือก", "Please enter the title of the selection round.");

    public static readonly PortalMessage TitleTooLong = new("campaign-title-too-long",
        "ชื่อรอบการคัดเลือกยาวเกิน 500 ตัวอักษร", "The title is longer than 500 characters.");

    public static readonly PortalMessage LetterRequired = new("campaign-letter-required",
        "กรุณาระบุเลขที่หนังสือสั่งการของกรม", "Please enter the number of DLA's circular letter.");

    public static readonly PortalMessage LetterTooLong = new("campaign-letter-too-long",
        "เลขที่หนังสือยาวเกิน 100 ตัวอักษร", "The letter number is longer than 100 characters.");

    public static readonly PortalMessage FiscalYearImplausible = new("campaign-fiscal-year",
        "ปีงบประมาณต้องเป็นปีพุทธศักราช ระหว่าง 2500 ถึง 2700 (เช่น 2568)",
        "The fiscal year must be a Buddhist-era year between 2500 and 2700 (e.g. 2568).");

    public static readonly PortalMessage LetterAfterDeadline = new("campaign-letter-after-deadline",
        "วันที่ของหนังสือต้องไม่อยู่หลังกำหนดส่งรายงานของเทศบาล",
        "The letter date must not be after the municipalities' submission deadline.");

    public static readonly PortalMessage SubmissionAfterDla = new("campaign-submission-after-dla",
        "กำหนดส่งรายงานของเทศบาลต้องไม่อยู่หลังกำหนดส่งถึงกรม",
        "The municipalities' submission deadline must not be after the deadline for reaching DLA.");

    public static readonly PortalMessage DeadlineInPast = new("campaign-deadline-in-past",
        "กำหนดส่งรายงานผ่านไปแล้ว กรุณาเลื่อนกำหนดเวลาให้เป็นเวลาในอนาคตก่อน",
        "The submission deadline has already passed; move it into the future first.");

    public static readonly PortalMessage NoPublishedForm = new("campaign-no-published-form",
        "ยังเปิดรับรายงานไม่ได้ เพราะยังไม่ได้เผยแพร่แบบรายงาน กรุณาเผยแพร่แบบรายงานก่อน",
        "The round cannot be opened yet: it has no published report form. Publish the form first.");

    public static readonly PortalMessage CannotOpen = new("campaign-cannot-open",
        "เปิดรับรายงานได้เฉพาะรอบที่อยู่ระหว่างเตรียมการหรือปิดรับแล้วเท่านั้น",
        "Only a round in preparation or a closed round can be opened.");

    public static readonly PortalMessage CannotClose = new("campaign-cannot-close",
        "ปิดรับรายงานได้เฉพาะรอบที่กำลังเปิดรับอยู่เท่านั้น", "Only an open round can be closed.");

    public static readonly PortalMessage NotEditable = new("campaign-not-editable",
        "แก้ไขรายละเอียดได้เฉพาะรอบที่อยู่ระหว่างเตรียมการ เปิดรับ หรือปิดรับเท่านั้น",
        "Details can be changed only while the round is in preparation, open or closed.");

    public static readonly PortalMessage RoutingLocked = new("campaign-routing-locked",
        "เปลี่ยนเส้นทางการส่งรายงานได้เฉพาะก่อนเปิดรับรายงานครั้งแรกเท่านั้น เพราะรายงานที่ส่งแล้วเดินตามเส้นทางเดิม",
        "The routing can be changed only before the round first opens: reports already on their way follow the old route.");

    public static readonly PortalMessage Stale = new("campaign-stale",
        "มีผู้อื่นแก้ไขรอบการคัดเลือกนี้ไปแล้ว กรุณาโหลดข้อมูลล่าสุดแล้วลองอีกครั้ง ข้อมูลของท่านยังไม่ถูกบันทึกทับ",
        "Someone else changed this selection round. Please reload and try again; nothing was overwritten.");

    /// <summary>
    /// DLA moved the municipalities' deadline before offices' own deadlines: the offices are named,
    /// with their dates, so the officer knows whom to call.
    /// </summary>
    public static PortalMessage DeadlineBeforeOffices(IReadOnlyList<(string NameTh, string NameEn, DateTime DeadlineUtc)> offices)
    {
        ArgumentNullException.ThrowIfNull(offices);
        var th = string.Join(", ", offices.Select(o => $"{o.NameTh} ({ThaiTime.FormatDateTime(o.DeadlineUtc)})"));
        var en = string.Join(", ", offices.Select(o => $"{o.NameEn} ({ThaiTime.FormatDateTime(o.DeadlineUtc, english: true)})"));
        return new("campaign-deadline-before-offices",
            $"กำหนดส่งใหม่เร็วกว่ากำหนดที่หน่วยงานต่อไปนี้ตั้งไว้: {th} กรุณาแจ้งให้หน่วยงานเลื่อนกำหนดของตนก่อน หรือเลือกเวลาที่ไม่เร็วกว่านี้",
            $"The new deadline is earlier than the deadline these offices set: {en}. Ask them to move theirs first, or choose a time no earlier than theirs.");
    }

    public static readonly PortalMessage DocumentNotFound = new("campaign-document-not-found",
        "ไม่พบเอกสารนี้", "The document does not exist.");

    public static readonly PortalMessage DocumentType = new("campaign-document-type",
        "เอกสารประกอบรอบการคัดเลือกต้องเป็นไฟล์ PDF หรือ DOCX เท่านั้น", "Campaign documents must be PDF or DOCX files.");

    public static readonly PortalMessage DocumentKindInvalid = new("campaign-document-kind",
        "ประเภทเอกสารต้องเป็น criteria (หลักเกณฑ์), letter (หนังสือ) หรือ other (อื่น ๆ)",
        "The document kind must be criteria, letter or other.");
}
