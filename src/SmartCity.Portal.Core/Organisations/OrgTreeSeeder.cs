using Microsoft.EntityFrameworkCore;
using SmartCity.Portal.Data;

namespace SmartCity.Portal.Organisations;

/// <summary>
/// Seeds DLA, its division, one provincial office per province (not Bangkok) and one
/// district office per district. Idempotent: only missing codes are inserted, so it runs
/// at every start and after the reference files gain rows.
/// </summary>
public static class OrgTreeSeeder
{
    public const string DepartmentCode = "DLA";
    public const string DivisionCode = "DLA-LAD";
    public const string DepartmentPath = "/DLA/";
    public const string DivisionPath = "/DLA/DLA-LAD/";

    public static async Task<int> SeedAsync(PortalDbContext db, CancellationToken cancellationToken = default)
    {
        var existing = await db.OrgUnits
            .Where(o => o.Kind != OrgUnitKind.Municipality)
            .ToDictionaryAsync(o => o.Code, StringComparer.Ordinal, cancellationToken);
        var added = 0;

        OrgUnit Ensure(OrgUnit unit)
        {
            if (existing.TryGetValue(unit.Code, out var found))
            {
                return found;
            }

            db.OrgUnits.Add(unit);
            existing[unit.Code] = unit;
            added++;
            return unit;
        }

        var department = Ensure(new OrgUnit
        {
            Code = DepartmentCode,
            NameTh = "กรมส่งเสริมการปกครองท้องถิ่น",
            NameEn = "Department of Local Administration",
            Kind = OrgUnitKind.Department,
            Path = DepartmentPath,
        });
        var division = Ensure(new OrgUnit
        {
            Code = DivisionCode,
            NameTh = "กองพัฒนาและส่งเสริมการบริหารงานท้องถิ่น",
            NameEn = "Division of Local Administration Development and Promotion",
            Kind = OrgUnitKind.Division,
            Parent = department,
            Path = DivisionPath,
        });

        var provinces = new Dictionary<string, OrgUnit>(StringComparer.Ordinal);
        foreach (var p in ReferenceData.Provinces)
        {
            provinces[p.Code] = Ensure(new OrgUnit
            {
                Code = p.Code,
                NameTh = "สำนักงานส่งเสริมการปกครองท้องถิ่นจังหวัด" + p.NameTh,
                NameEn = "Provincial Office for Local Administration, " + p.NameEn,
                Kind = OrgUnitKind.ProvinceOffice,
                Parent = division,
                Path = OrgUnit.ChildPath(division.Path, p.Code),
                ProvinceCode = p.Code,
            });
        }

        foreach (var d in ReferenceData.Districts)
        {
            var province = provinces[d.ProvinceCode];
            Ensure(new OrgUnit
            {
                Code = d.Code,
                NameTh = "สำนักงานส่งเสริมการปกครองท้องถิ่นอำเภอ" + d.NameTh,
                // The source has no English district names; the UI falls back to Thai rather than invent one.
                NameEn = null,
                Kind = OrgUnitKind.DistrictOffice,
                Parent = province,
                Path = OrgUnit.ChildPath(province.Path, d.Code),
                ProvinceCode = d.ProvinceCode,
                DistrictCode = d.Code,
            });
        }

        await db.SaveChangesAsync(cancellationToken);
        return added;
    }
}
