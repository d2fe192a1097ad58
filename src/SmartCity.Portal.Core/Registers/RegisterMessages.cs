using SmartCity.Portal.Common;

namespace SmartCity.Portal.Registers;

public static class RegisterMessages
{
    public static readonly PortalMessage OnlyProvince = new("paper-copy-province-only",
        "เฉพาะสำนักงานส่งเสริมการปกครองท้องถิ่นจังหวัดเท่านั้นที่บันทึกรับเอกสารฉบับจริงได้", "Only the provincial office records paper copies.");

    public static readonly PortalMessage AlreadyRecorded = new("paper-copy-already-recorded",
        "บันทึกรับเอกสารฉบับจริงของรายงานนี้ไว้แล้ว หากบันทึกผิด กรุณายกเลิกรายการเดิมก่อน", "The paper copy of this report is already recorded; cancel the mistaken entry first.");

    public static readonly PortalMessage NotInTransit = new("paper-copy-not-in-transit",
        "รายงานนี้ยังไม่ได้ส่ง หรือได้ส่งต่อถึงกรมแล้ว จึงบันทึกรับเอกสารไม่ได้", "This report has not been submitted, or has already gone on to DLA.");

    public static readonly PortalMessage DateInFuture = new("paper-copy-date-in-future",
        "วันที่รับเอกสารต้องไม่เป็นวันในอนาคต", "The date received cannot be in the future.");

    public static readonly PortalMessage EntryNotFound = new("register-entry-not-found",
        "ไม่พบรายการนี้ในทะเบียนของหน่วยงานท่าน", "This entry is not in your office's register.");

    public static readonly PortalMessage AlreadyCancelled = new("register-entry-cancelled",
        "รายการนี้ถูกยกเลิกไปแล้ว", "This entry is already cancelled.");

    public static readonly PortalMessage ReasonRequired = new("register-cancel-reason",
        "กรุณาระบุเหตุผลการยกเลิก", "Please give the reason for cancelling.");

    public static readonly PortalMessage AlreadyForwarded = new("paper-copy-forwarded",
        "รายงานนี้ส่งต่อถึงกรมแล้ว ไม่สามารถยกเลิกการรับเอกสารได้", "The report has already gone on to DLA; its paper copy cannot be cancelled.");
}
