using Microsoft.EntityFrameworkCore;
using SmartCity.Portal.Core.Tests.Infrastructure;
using SmartCity.Portal.Organisations;

namespace SmartCity.Portal.Core.Tests.Organisations;

public sealed class OrgTreeSeederTests(OrgTreeDatabase database) : IClassFixture<OrgTreeDatabase>
{
    private const string DistrictOfficePrefix = "สำนักงานส่งเสริมการปกครองท้องถิ่นอำเภอ";

    // The source's districts.csv has 927 rows, 50 of them Bangkok's เขต.
    private const int DistrictsOutsideBangkok = 877;
    private const int ProvincesOutsideBangkok = 76;

    private async Task<List<OrgUnit>> AllUnitsAsync()
    {
        await using var db = database.CreateContext();
        return await db.OrgUnits.AsNoTracking().ToListAsync();
    }

    [Fact]
    public async Task Seeds_one_department_and_one_division_below_it()
    {
        var units = await AllUnitsAsync();

        var department = Assert.Single(units, u => u.Kind == OrgUnitKind.Department);
        var division = Assert.Single(units, u => u.Kind == OrgUnitKind.Division);
        Assert.Equal(OrgTreeSeeder.DepartmentCode, department.Code);
        Assert.Equal("DLA", department.Code);
        Assert.Null(department.ParentId);
        Assert.Equal("/DLA/", department.Path);
        Assert.Equal("DLA-LAD", division.Code);
        Assert.Equal(department.Id, division.ParentId);
        Assert.Equal("/DLA/DLA-LAD/", division.Path);
        Assert.DoesNotContain(units, u => u.Kind == OrgUnitKind.Municipality);
    }

    [Fact]
    public async Task Seeds_76_province_offices_under_the_division_and_none_for_Bangkok()
    {
        var units = await AllUnitsAsync();
        var division = units.Single(u => u.Code == OrgTreeSeeder.DivisionCode);

        var provinces = units.Where(u => u.Kind == OrgUnitKind.ProvinceOffice).ToList();
        Assert.Equal(ProvincesOutsideBangkok, provinces.Count);
        Assert.Equal(ProvincesOutsideBangkok, provinces.Select(p => p.Code).Distinct(StringComparer.Ordinal).Count());
        Assert.All(provinces, p =>
        {
            Assert.Equal(division.Id, p.ParentId);
            Assert.Equal($"/DLA/DLA-LAD/{p.Code}/", p.Path);
            Assert.Equal(p.Code, p.ProvinceCode);
            Assert.Matches("^[0-9]{2}$", p.Code);
            Assert.Null(p.DistrictCode);
            Assert.False(string.IsNullOrWhiteSpace(p.NameEn));
            Assert.False(p.IsDemo);
        });

        Assert.DoesNotContain(units, u => u.ProvinceCode == "10" || u.Code == "10");
        Assert.DoesNotContain(units, u => u.Kind == OrgUnitKind.DistrictOffice && u.Code.StartsWith("10", StringComparison.Ordinal));
        Assert.DoesNotContain(units, u => u.NameTh.Contains("กรุงเทพมหานคร", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Seeds_one_district_office_per_source_row_outside_Bangkok()
    {
        Assert.Equal(DistrictsOutsideBangkok, ReferenceData.SourceDistrictRowsOutsideBangkok);

        var units = await AllUnitsAsync();
        var districts = units.Where(u => u.Kind == OrgUnitKind.DistrictOffice).ToList();
        Assert.Equal(ReferenceData.SourceDistrictRowsOutsideBangkok, districts.Count);
        Assert.Equal(districts.Count, districts.Select(d => d.Code).Distinct(StringComparer.Ordinal).Count());

        // Read the embedded source file independently of ReferenceData's parser.
        var sourceRows = ReadEmbeddedCsv("districts.csv").Where(r => r[1] != "10").ToList();
        Assert.Equal(DistrictsOutsideBangkok, sourceRows.Count);
        var matched = new HashSet<int>();
        foreach (var row in sourceRows)
        {
            var provinceCode = row[1] == "97" ? "38" : row[1];
            var matches = districts.Where(d => d.ProvinceCode == provinceCode && d.NameTh == DistrictOfficePrefix + row[2]).ToList();
            var district = Assert.Single(matches);
            if (row[0].Length > 0)
            {
                Assert.Equal(row[0], district.Code);
            }

            Assert.True(matched.Add(district.Id), $"District row {row[0]},{row[1]},{row[2]} matched an office already matched by another row.");
        }

        Assert.Equal(districts.Count, matched.Count);
    }

    [Fact]
    public async Task Every_district_office_sits_under_its_province_office()
    {
        var units = await AllUnitsAsync();
        var byId = units.ToDictionary(u => u.Id);

        Assert.All(units.Where(u => u.Kind == OrgUnitKind.DistrictOffice), d =>
        {
            Assert.NotNull(d.ParentId);
            var parent = byId[d.ParentId.Value];
            Assert.Equal(OrgUnitKind.ProvinceOffice, parent.Kind);
            Assert.Equal(d.ProvinceCode, parent.Code);
            Assert.Matches("^[0-9]{4}$", d.Code);
            Assert.StartsWith(parent.Code, d.Code, StringComparison.Ordinal);
            Assert.Equal(d.Code, d.DistrictCode);
            Assert.StartsWith(parent.Path, d.Path, StringComparison.Ordinal);
            Assert.Equal($"{parent.Path}{d.Code}/", d.Path);
        });
    }

    [Fact]
    public async Task Bueng_Kan_is_seeded_under_its_official_code_38_with_8_districts()
    {
        var units = await AllUnitsAsync();

        Assert.DoesNotContain(units, u => u.Code == "97" || u.ProvinceCode == "97" || u.Code.StartsWith("97", StringComparison.Ordinal));
        var buengKan = Assert.Single(units, u => u.Kind == OrgUnitKind.ProvinceOffice && u.Code == "38");
        Assert.Contains("บึงกาฬ", buengKan.NameTh, StringComparison.Ordinal);
        Assert.Contains("Bueng Kan", buengKan.NameEn, StringComparison.Ordinal);

        var districts = units.Where(u => u.ParentId == buengKan.Id).OrderBy(u => u.Code, StringComparer.Ordinal).ToList();
        Assert.Equal(["3801", "3802", "3803", "3804", "3805", "3806", "3807", "3808"], districts.Select(d => d.Code));
        Assert.All(districts, d => Assert.Equal(OrgUnitKind.DistrictOffice, d.Kind));
        Assert.Equal(DistrictOfficePrefix + "เมืองบึงกาฬ", districts[0].NameTh);
        Assert.Equal(DistrictOfficePrefix + "บุ่งคล้า", districts[7].NameTh);
    }

    [Theory]
    [InlineData("4504", "45", "จตุรพักตร์พิมาน")]
    [InlineData("5025", "50", "กัลยาณิวัฒนา")]
    public async Task Districts_without_a_source_code_get_their_official_code(string code, string provinceCode, string nameTh)
    {
        var units = await AllUnitsAsync();

        var district = Assert.Single(units, u => u.Code == code);
        Assert.Equal(OrgUnitKind.DistrictOffice, district.Kind);
        Assert.Equal(DistrictOfficePrefix + nameTh, district.NameTh);
        Assert.Equal(provinceCode, district.ProvinceCode);
        Assert.Equal($"/DLA/DLA-LAD/{provinceCode}/{code}/", district.Path);
    }

    [Fact]
    public async Task Seeding_again_adds_nothing_and_leaves_the_tree_as_it_was()
    {
        var before = await AllUnitsAsync();
        Assert.Equal(2 + ProvincesOutsideBangkok + DistrictsOutsideBangkok, database.AddedByFirstSeed);
        Assert.Equal(database.AddedByFirstSeed, before.Count);

        await using (var db = database.CreateContext())
        {
            Assert.Equal(0, await OrgTreeSeeder.SeedAsync(db));
        }

        var after = await AllUnitsAsync();
        Assert.Equal(before.Count, after.Count);
        Assert.Equal(
            before.Select(u => (u.Id, u.Code, u.Path, u.ParentId, u.ConcurrencyToken)).OrderBy(u => u.Id),
            after.Select(u => (u.Id, u.Code, u.Path, u.ParentId, u.ConcurrencyToken)).OrderBy(u => u.Id));
    }

    private static List<string[]> ReadEmbeddedCsv(string name)
    {
        using var stream = typeof(ReferenceData).Assembly.GetManifestResourceStream("ReferenceData." + name)
            ?? throw new InvalidOperationException($"Embedded {name} not found.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd()
            .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Skip(1)
            .Select(line => line.Split(','))
            .ToList();
    }
}
