using SmartCity.Portal.Common;

namespace SmartCity.Portal.Dashboards;

public static class TrackerMessages
{
    public static readonly PortalMessage NotForMunicipality = new("tracker-offices-only",
        "ภาพรวมการติดตามใช้ได้เฉพาะสำนักงานส่งเสริมการปกครองท้องถิ่นอำเภอ จังหวัด และกรม", "The tracker is for district, provincial and DLA offices.");
}
