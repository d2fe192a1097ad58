using SmartCity.Portal.Organisations;

namespace SmartCity.Portal.Security;

public static class PortalRoles
{
    public const string MunicipalitySubmitter = "Municipality.Submitter";
    public const string DistrictOfficer = "District.Officer";
    public const string ProvinceOfficer = "Province.Officer";
    public const string DlaOfficer = "Dla.Officer";
    public const string PortalAdmin = "Portal.Admin";

    public static readonly IReadOnlyList<string> All =
        [MunicipalitySubmitter, DistrictOfficer, ProvinceOfficer, DlaOfficer, PortalAdmin];

    public static Tier TierOf(string role) => role switch
    {
        MunicipalitySubmitter => Tier.Municipality,
        DistrictOfficer => Tier.District,
        ProvinceOfficer => Tier.Province,
        DlaOfficer => Tier.Dla,
        PortalAdmin => Tier.Admin,
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, "Unknown role"),
    };

    public static string RoleOf(Tier tier) => tier switch
    {
        Tier.Municipality => MunicipalitySubmitter,
        Tier.District => DistrictOfficer,
        Tier.Province => ProvinceOfficer,
        Tier.Dla => DlaOfficer,
        Tier.Admin => PortalAdmin,
        _ => throw new ArgumentOutOfRangeException(nameof(tier), tier, "Unknown tier"),
    };

    /// <summary>A role only makes sense at an office of the matching kind.</summary>
    public static bool FitsOrgUnit(string role, OrgUnitKind kind) => role switch
    {
        MunicipalitySubmitter => kind == OrgUnitKind.Municipality,
        DistrictOfficer => kind == OrgUnitKind.DistrictOffice,
        ProvinceOfficer => kind == OrgUnitKind.ProvinceOffice,
        DlaOfficer => kind is OrgUnitKind.Division or OrgUnitKind.Department,
        PortalAdmin => kind is OrgUnitKind.Division or OrgUnitKind.Department,
        _ => false,
    };
}

public enum Tier
{
    Municipality,
    District,
    Province,
    Dla,
    Admin,
}
