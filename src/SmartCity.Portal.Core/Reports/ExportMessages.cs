using SmartCity.Portal.Common;

namespace SmartCity.Portal.Reports;

public static class ExportMessages
{
    public static readonly PortalMessage Busy = new("exports-busy",
        "ระบบกำลังจัดทำรายงานอื่นอยู่ กรุณาลองใหม่อีกครั้ง", "The portal is busy preparing other reports. Please try again.");

    public static readonly PortalMessage DispatchesNotAllowed = new("dispatches-province-dla-only",
        "รายการหนังสือนำส่งใช้ได้เฉพาะสำนักงานส่งเสริมการปกครองท้องถิ่นจังหวัดและกรม", "The dispatch list is for provincial offices and DLA.");
}

/// <summary>Every export slot stayed taken for the whole queue timeout (HTTP 503): nothing was written.</summary>
public sealed class ExportBusyException() : PortalException(ExportMessages.Busy);
