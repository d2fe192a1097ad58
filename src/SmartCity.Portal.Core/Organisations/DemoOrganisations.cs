using Microsoft.EntityFrameworkCore;
using SmartCity.Portal.Data;

namespace SmartCity.Portal.Organisations;

public sealed record DemoMunicipality(string Code, string NameTh, string NameEn, MunicipalityClass Class, string DistrictCode);

/// <summary>
/// Made-up municipalities of the demo province Krabi (81), named after real subdistricts,
/// until an administrator imports DLA's real list. Every row is flagged IsDemo and the UI says so.
/// Codes are the official 6-digit geocode of the subdistrict that hosts the municipality's office
/// (ปลายพระยา is 810601; the source file carries 810599, one of its quirks).
/// </summary>
public static class DemoOrganisations
{
    public const string ProvinceCode = "81";

    /// <summary>The demo provincial office's letter code, so a dispatch can be tried at once (the office may change it).</summary>
    public const string ProvinceLetterCodePrefix = "กบ ๐๐๒๓.๓";

    public static readonly IReadOnlyList<DemoMunicipality> Municipalities =
    [
        new("810101", "เทศบาลเมืองกระบี่", "Krabi Town Municipality", MunicipalityClass.Town, "8101"),
        new("810116", "เทศบาลตำบลอ่าวนาง", "Ao Nang Subdistrict Municipality", MunicipalityClass.Subdistrict, "8101"),
        new("810103", "เทศบาลตำบลกระบี่น้อย", "Krabi Noi Subdistrict Municipality", MunicipalityClass.Subdistrict, "8101"),
        new("810201", "เทศบาลตำบลเขาพนม", "Khao Phanom Subdistrict Municipality", MunicipalityClass.Subdistrict, "8102"),
        new("810301", "เทศบาลตำบลเกาะลันตาใหญ่", "Ko Lanta Yai Subdistrict Municipality", MunicipalityClass.Subdistrict, "8103"),
        new("810401", "เทศบาลตำบลคลองท่อมใต้", "Khlong Thom Tai Subdistrict Municipality", MunicipalityClass.Subdistrict, "8104"),
        new("810501", "เทศบาลตำบลอ่าวลึกใต้", "Ao Luek Tai Subdistrict Municipality", MunicipalityClass.Subdistrict, "8105"),
        new("810601", "เทศบาลตำบลปลายพระยา", "Plai Phraya Subdistrict Municipality", MunicipalityClass.Subdistrict, "8106"),
    ];

    /// <summary>
    /// Places each demo municipality: ตำบล under its district office, นคร and เมือง directly under the
    /// provincial office, because the province's letter goes straight to their mayors and their
    /// reports skip the district (DESIGN.md 2).
    /// </summary>
    public static async Task<IReadOnlyList<OrgUnit>> SeedAsync(PortalDbContext db, CancellationToken cancellationToken = default)
    {
        var codes = Municipalities.Select(m => m.Code).ToList();
        var existing = await db.OrgUnits.Where(o => codes.Contains(o.Code)).ToDictionaryAsync(o => o.Code, StringComparer.Ordinal, cancellationToken);
        var parentCodes = Municipalities.Select(m => m.DistrictCode).Append(ProvinceCode).Distinct().ToList();
        var parents = await db.OrgUnits.Where(o => parentCodes.Contains(o.Code)).ToDictionaryAsync(o => o.Code, StringComparer.Ordinal, cancellationToken);

        // Only fills an empty code: an office that set its own keeps it across restarts.
        parents[ProvinceCode].LetterCodePrefix ??= ProvinceLetterCodePrefix;

        var result = new List<OrgUnit>();
        foreach (var m in Municipalities)
        {
            if (existing.TryGetValue(m.Code, out var found))
            {
                result.Add(found);
                continue;
            }

            var parent = m.Class == MunicipalityClass.Subdistrict ? parents[m.DistrictCode] : parents[ProvinceCode];
            var unit = new OrgUnit
            {
                Code = m.Code,
                NameTh = m.NameTh,
                NameEn = m.NameEn,
                Kind = OrgUnitKind.Municipality,
                Class = m.Class,
                Parent = parent,
                Path = OrgUnit.ChildPath(parent.Path, m.Code),
                ProvinceCode = ProvinceCode,
                DistrictCode = m.DistrictCode,
                IsDemo = true,
            };
            db.OrgUnits.Add(unit);
            result.Add(unit);
        }

        await db.SaveChangesAsync(cancellationToken);
        return result;
    }
}
