using SmartCity.Portal.Organisations;

namespace SmartCity.Portal.Security;

public static class PortalRoles
{
    public const string MunicipalitySubmitter = "Municipality.Submitter";
    public const string DistrictOfficer = "District.Officer";
    public const string ProvinceOfficer = "Province.Officer";

    /// <summary>
    /// A provincial officer who also manages the accounts of the province's offices, districts and
    /// municipalities (decision 0024): the province's workspace plus the account pages for its subtree.
    /// </summary>
    public const string ProvinceAdmin = "Province.Admin";
    public const string DlaOfficer = "Dla.Officer";
    public const string PortalAdmin = "Portal.Admin";

    public static readonly IReadOnlyList<string> All =
        [MunicipalitySubmitter, DistrictOfficer, ProvinceOfficer, ProvinceAdmin, DlaOfficer, PortalAdmin];

    /// <summary>The roles that manage accounts: DLA's administrators everywhere, a provincial administrator in its province.</summary>
    public static readonly IReadOnlyList<string> AccountAdministrators = [PortalAdmin, ProvinceAdmin];

    public static bool ManagesAccounts(string role) => role is PortalAdmin or ProvinceAdmin;

    public static Tier TierOf(string role) => role switch
    {
        MunicipalitySubmitter => Tier.Municipality,
        DistrictOfficer => Tier.District,
        ProvinceOfficer or ProvinceAdmin => Tier.Province,
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
        ProvinceOfficer or ProvinceAdmin => kind == OrgUnitKind.ProvinceOffice,
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
