namespace SmartCity.Portal.Organisations;

public sealed record OrgUnitSummary(
    int Id, string Code, string NameTh, string? NameEn, OrgUnitKind Kind, MunicipalityClass? Class,
    string? ProvinceCode, string? DistrictCode, int? ParentId, bool IsDemo, bool IsSynthetic = false)
{
    public string DisplayName(bool english) => english && !string.IsNullOrEmpty(NameEn) ? NameEn : NameTh;
}

public sealed record MemberSummary(string UserName, string DisplayName, string? Position, string Role, string? Email);

public sealed record MunicipalityCounts(int City, int Town, int Subdistrict, int Demo)
{
    public int Total => City + Town + Subdistrict;
}

/// <summary>What an office's page shows: the unit, its place in the tree, what lies below it, and its people.</summary>
public sealed record OrgUnitOverview(
    OrgUnitSummary Unit,
    IReadOnlyList<OrgUnitSummary> Ancestors,
    IReadOnlyList<OrgUnitSummary> Children,
    MunicipalityCounts MunicipalitiesBelow,
    IReadOnlyList<MemberSummary> People);

public sealed record MembershipChoice(int OrgUnitId, string OrgUnitNameTh, string? OrgUnitNameEn, string Role, bool IsActive);

public sealed record OrgUnitQuery(OrgUnitKind? Kind = null, string? ProvinceCode = null, int? ParentId = null, int Page = 1, int PageSize = 100);

public sealed record OrgUnitPage(IReadOnlyList<OrgUnitSummary> Items, int Total, int Page, int PageSize);

public sealed record MembershipUnit(OrgUnitSummary Unit, string Role, bool IsActive);
