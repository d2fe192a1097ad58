namespace SmartCity.Portal.Organisations;

public sealed record ProvinceRow(string Code, string NameTh, string NameEn);

public sealed record DistrictRow(string Code, string ProvinceCode, string NameTh);

/// <summary>
/// The province and district lists copied into the repository from shared/data/thai-admin,
/// with the source's known quirks corrected (see <see cref="ReferenceDataCorrections"/>).
/// </summary>
public static class ReferenceData
{
    /// <summary>Bangkok is not under DLA: no municipalities, no part in a selection round.</summary>
    public const string BangkokCode = "10";

    public static IReadOnlyList<ProvinceRow> Provinces { get; } = LoadProvinces();

    public static IReadOnlyList<DistrictRow> Districts { get; } = LoadDistricts();

    /// <summary>Rows of the copied districts.csv outside Bangkok, before correction: what the seed must match one-for-one.</summary>
    public static int SourceDistrictRowsOutsideBangkok { get; } =
        ReadCsv("districts.csv").Count(r => r[1] != BangkokCode);

    private static List<ProvinceRow> LoadProvinces()
    {
        var english = ReadCsv("province-names-en.csv").ToDictionary(r => r[0], r => r[1], StringComparer.Ordinal);
        var result = new List<ProvinceRow>();
        foreach (var row in ReadCsv("provinces.csv"))
        {
            var code = ReferenceDataCorrections.ProvinceCode(row[0]);
            if (code == BangkokCode)
            {
                continue;
            }

            if (!english.TryGetValue(code, out var nameEn))
            {
                throw new InvalidDataException($"Province {code} ({row[1]}) has no English name in province-names-en.csv.");
            }

            result.Add(new ProvinceRow(code, row[1], nameEn));
        }

        return result;
    }

    private static List<DistrictRow> LoadDistricts()
    {
        var result = new List<DistrictRow>();
        foreach (var row in ReadCsv("districts.csv"))
        {
            var provinceCode = ReferenceDataCorrections.ProvinceCode(row[1]);
            if (provinceCode == BangkokCode)
            {
                continue;
            }

            var code = string.IsNullOrWhiteSpace(row[0]) ? ReferenceDataCorrections.MissingDistrictCode(provinceCode, row[2]) : row[0];
            if (!code.StartsWith(provinceCode, StringComparison.Ordinal))
            {
                throw new InvalidDataException($"District {code} ({row[2]}) does not belong to province {provinceCode}.");
            }

            result.Add(new DistrictRow(code, provinceCode, row[2]));
        }

        var duplicate = result.GroupBy(d => d.Code, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new InvalidDataException($"District code {duplicate.Key} appears more than once.");
        }

        return result;
    }

    private static List<string[]> ReadCsv(string name)
    {
        var assembly = typeof(ReferenceData).Assembly;
        using var stream = assembly.GetManifestResourceStream("ReferenceData." + name)
            ?? throw new InvalidOperationException($"Embedded reference file {name} is missing.");
        using var reader = new StreamReader(stream);
        var rows = new List<string[]>();
        reader.ReadLine(); // header
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0)
            {
                // The files hold no quoted fields; a comma inside a name would be a data error worth failing on.
                rows.Add(line.Split(','));
            }
        }

        return rows;
    }
}

/// <summary>Corrections of the quirks listed in shared/data/thai-admin/README.md, each against DOPA's official geocodes.</summary>
public static class ReferenceDataCorrections
{
    /// <summary>บึงกาฬ was created in 2011 with official code 38; the source carries 97.</summary>
    public static string ProvinceCode(string sourceCode) => sourceCode == "97" ? "38" : sourceCode;

    private static readonly Dictionary<(string Province, string Name), string> MissingDistrictCodes = new()
    {
        [("38", "เมืองบึงกาฬ")] = "3801",
        [("38", "เซกา")] = "3802",
        [("38", "โซ่พิสัย")] = "3803",
        [("38", "พรเจริญ")] = "3804",
        [("38", "ศรีวิไล")] = "3805",
        [("38", "บึงโขงหลง")] = "3806",
        [("38", "ปากคาด")] = "3807",
        [("38", "บุ่งคล้า")] = "3808",
        [("45", "จตุรพักตร์พิมาน")] = "4504",
        [("50", "กัลยาณิวัฒนา")] = "5025",
    };

    public static string MissingDistrictCode(string provinceCode, string nameTh) =>
        MissingDistrictCodes.TryGetValue((provinceCode, nameTh), out var code)
            ? code
            : throw new InvalidDataException($"District {nameTh} of province {provinceCode} has no code and no known correction.");
}
