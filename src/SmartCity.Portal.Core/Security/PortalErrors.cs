using SmartCity.Portal.Common;

namespace SmartCity.Portal.Security;

public static class PortalErrors
{
    public static readonly PortalMessage NoActiveMembership = new(
        "no-membership",
        "บัญชีนี้ยังไม่ได้สังกัดหน่วยงานใดในระบบ กรุณาติดต่อผู้ดูแลระบบ",
        "This account is not a member of any office yet. Please contact the portal administrator.");

    public static readonly PortalMessage WrongTier = new(
        "wrong-tier",
        "หน้านี้สำหรับหน่วยงานระดับอื่น บัญชีของท่านไม่มีสิทธิ์เข้าถึง",
        "This page belongs to another tier; your account may not open it.");

    public static readonly PortalMessage OrgUnitNotFound = new(
        "org-unit-not-found",
        "ไม่พบหน่วยงานนี้ หรือหน่วยงานนี้อยู่นอกเขตความรับผิดชอบของท่าน",
        "This office was not found or lies outside your jurisdiction.");
}
