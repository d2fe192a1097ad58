using SmartCity.Portal.Common;

namespace SmartCity.Portal.Organisations;

public class OrgUnit : IConcurrencyVersioned
{
    public int Id { get; set; }

    /// <summary>Stable business code: "DLA", "DLA-LAD", the 2-digit province or 4-digit district geocode, or a municipality code.</summary>
    public required string Code { get; set; }

    public required string NameTh { get; set; }

    public string? NameEn { get; set; }

    public OrgUnitKind Kind { get; set; }

    public MunicipalityClass? Class { get; set; }

    public int? ParentId { get; set; }

    public OrgUnit? Parent { get; set; }

    /// <summary>
    /// Materialised path of codes, "/DLA/DLA-LAD/81/8101/810103/". Jurisdiction is a prefix test,
    /// so "everything below this office" is one indexed LIKE query instead of a recursive walk.
    /// </summary>
    public required string Path { get; set; }

    public string? ProvinceCode { get; set; }

    public string? DistrictCode { get; set; }

    /// <summary>Demo rows are made up (named after real places) and must be shown as such.</summary>
    public bool IsDemo { get; set; }

    /// <summary>
    /// Rows of the generated national data set used to measure dashboards and exports at full
    /// scale: not real municipalities, never seeded outside measuring, always shown as such.
    /// </summary>
    public bool IsSynthetic { get; set; }

    /// <summary>
    /// The office's letter code as printed before the number on its outgoing letters, e.g.
    /// "กบ ๐๐๒๓.๓" (set by the office itself; Thai digits as on the letter).
    /// </summary>
    public string? LetterCodePrefix { get; set; }

    public Guid ConcurrencyToken { get; set; }

    public string DisplayName(bool english) => english && !string.IsNullOrEmpty(NameEn) ? NameEn : NameTh;

    public static string ChildPath(string parentPath, string code) => $"{parentPath}{code}/";
}
