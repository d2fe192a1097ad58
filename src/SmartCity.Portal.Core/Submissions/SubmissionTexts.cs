using SmartCity.Portal.Common;
using SmartCity.Portal.Organisations;

namespace SmartCity.Portal.Submissions;

/// <summary>
/// Names of states and municipality classes for output made outside a page (Excel exports), where
/// no localizer is at hand. The pages read the same words from SharedResource (State.*, Class.*);
/// a Web test keeps the two equal.
/// </summary>
public static class SubmissionTexts
{
    public static readonly PortalMessage NotStarted = new("not-started", "ยังไม่เริ่มจัดทำ", "Not started");

    public static PortalMessage State(SubmissionState state) => state switch
    {
        SubmissionState.Draft => new("Draft", "ร่าง (อยู่ที่เทศบาล)", "Draft (at the municipality)"),
        SubmissionState.AtDistrict => new("AtDistrict", "ส่งถึงอำเภอแล้ว", "At the district office"),
        SubmissionState.AtProvince => new("AtProvince", "ส่งถึงจังหวัดแล้ว", "At the provincial office"),
        SubmissionState.AtDla => new("AtDla", "ส่งถึงกรมแล้ว", "At DLA"),
        SubmissionState.Returned => new("Returned", "ส่งคืนให้แก้ไข", "Returned for correction"),
        SubmissionState.Accepted => new("Accepted", "กรมรับรายงานแล้ว", "Accepted by DLA"),
        SubmissionState.Withdrawn => new("Withdrawn", "ถอนรายงานแล้ว", "Withdrawn"),
        SubmissionState.Lapsed => new("Lapsed", "พ้นกำหนดเวลา", "Lapsed"),
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, "Unknown state"),
    };

    /// <summary>The class as officers write it in a column: นคร, เมือง, ตำบล.</summary>
    public static PortalMessage ClassShort(MunicipalityClass municipalityClass) => municipalityClass switch
    {
        MunicipalityClass.City => new("City", "นคร", "City"),
        MunicipalityClass.Town => new("Town", "เมือง", "Town"),
        MunicipalityClass.Subdistrict => new("Subdistrict", "ตำบล", "Subdistrict"),
        _ => throw new ArgumentOutOfRangeException(nameof(municipalityClass), municipalityClass, "Unknown class"),
    };
}
