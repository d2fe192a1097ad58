using SmartCity.Portal.Security;

namespace SmartCity.Portal.Web.Tests.Infrastructure;

/// <summary>A demo account that acts in one tier, with what its home page must show in Thai.</summary>
public sealed record TierUser(string UserName, Tier Tier, string HomePath, string HeadingTh, string OfficeNameTh);

/// <summary>
/// The demo accounts the host seeds outside Production (see DemoAccounts in Core), with the texts
/// a person sees. The Thai is written out here on purpose: the tests check what users read,
/// not what the resource file happens to say.
/// </summary>
public static class DemoUsers
{
    public const string Password = "Demo@2567";

    public static readonly TierUser Municipality = new(
        "muni-810101", Tier.Municipality, "/municipality", "หน้าหลักของเทศบาล", "เทศบาลเมืองกระบี่");

    public static readonly TierUser District = new(
        "district-8101", Tier.District, "/district", "หน้าหลักของอำเภอ", "สำนักงานส่งเสริมการปกครองท้องถิ่นอำเภอเมืองกระบี่");

    public static readonly TierUser Province = new(
        "province-81", Tier.Province, "/province", "หน้าหลักของสำนักงานส่งเสริมการปกครองท้องถิ่นจังหวัด", "สำนักงานส่งเสริมการปกครองท้องถิ่นจังหวัดกระบี่");

    public static readonly TierUser Dla = new(
        "dla", Tier.Dla, "/dla", "หน้าหลักของกองพัฒนาและส่งเสริมการบริหารงานท้องถิ่น", "กองพัฒนาและส่งเสริมการบริหารงานท้องถิ่น");

    public static readonly TierUser Admin = new(
        "admin", Tier.Admin, "/admin", "หน้าหลักผู้ดูแลระบบ", "กรมส่งเสริมการปกครองท้องถิ่น");

    public static readonly IReadOnlyList<TierUser> OnePerTier = [Municipality, District, Province, Dla, Admin];

    /// <summary>Member of district office 8101 and of provincial office 81.</summary>
    public const string Multi = "multi-81";

    public static TierUser ByUserName(string userName) =>
        OnePerTier.Single(u => u.UserName == userName);

    public static TierUser ByHomePath(string homePath) =>
        OnePerTier.Single(u => u.HomePath == homePath);
}
