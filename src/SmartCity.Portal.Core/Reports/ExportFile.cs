using System.Globalization;
using SmartCity.Portal.Common;

namespace SmartCity.Portal.Reports;

/// <summary>What an export wrote: the Thai file name people see, an ASCII one for old clients, and the data rows.</summary>
public sealed record ExportFile(string FileName, string AsciiFileName, int Rows)
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private const string OfficePrefix = "สำนักงานส่งเสริมการปกครองท้องถิ่น";

    internal static ExportFile Name(string thaiStem, string asciiStem, string officeCode, string officeNameTh, DateTime nowUtc, int rows)
    {
        var stamp = string.Create(CultureInfo.InvariantCulture, $"{ThaiTime.BuddhistYear(nowUtc)}{ThaiTime.ToBangkok(nowUtc):MMdd}");
        return new ExportFile(
            Safe($"{thaiStem}-{ShortOffice(officeNameTh)}-{stamp}.xlsx"),
            Safe($"{asciiStem}-{officeCode}-{stamp}.xlsx"),
            rows);
    }

    /// <summary>"สำนักงานส่งเสริมการปกครองท้องถิ่นจังหวัดกระบี่" → "จังหวัดกระบี่": the part that tells offices apart.</summary>
    public static string ShortOffice(string nameTh)
    {
        ArgumentNullException.ThrowIfNull(nameTh);
        return nameTh.StartsWith(OfficePrefix, StringComparison.Ordinal) && nameTh.Length > OfficePrefix.Length ? nameTh[OfficePrefix.Length..] : nameTh;
    }

    /// <summary>"สำนักงานส่งเสริมการปกครองท้องถิ่นจังหวัดกระบี่" → "กระบี่", as a province column reads.</summary>
    public static string PlaceName(string? nameTh, string kindWord)
    {
        if (string.IsNullOrEmpty(nameTh))
        {
            return string.Empty;
        }

        var office = ShortOffice(nameTh);
        return office.StartsWith(kindWord, StringComparison.Ordinal) && office.Length > kindWord.Length ? office[kindWord.Length..] : office;
    }

    private static string Safe(string name)
    {
        var invalid = Path.GetInvalidFileNameChars().Concat(['\\', '/', ':', '*', '?', '"', '<', '>', '|', ' ']).ToHashSet();
        return new string(name.Select(c => invalid.Contains(c) ? '-' : c).ToArray());
    }
}

/// <summary>
/// A temp file in the storage folder that disappears when closed: ClosedXML needs a seekable
/// stream to write into, and a file keeps the finished workbook out of the managed heap.
/// </summary>
public static class ExportSpool
{
    /// <summary>Older than any export can take: another instance sharing the folder may still be writing younger ones.</summary>
    public static readonly TimeSpan LeftoverAge = TimeSpan.FromHours(1);

    public static FileStream Create(string dataDirectory)
    {
        var folder = Folder(dataDirectory);
        Directory.CreateDirectory(folder);
        return new FileStream(
            Path.Combine(folder, Guid.NewGuid().ToString("N") + ".xlsx"),
            FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, bufferSize: 81920, FileOptions.DeleteOnClose);
    }

    /// <summary>
    /// DeleteOnClose does not run when the process dies mid-export: at start-up, files left that way
    /// are removed so that the data folder does not fill up with half-written workbooks.
    /// </summary>
    public static int RemoveLeftovers(string dataDirectory, DateTime nowUtc)
    {
        var folder = Folder(dataDirectory);
        if (!Directory.Exists(folder))
        {
            return 0;
        }

        var removed = 0;
        foreach (var file in Directory.EnumerateFiles(folder, "*.xlsx"))
        {
            if (nowUtc - File.GetLastWriteTimeUtc(file) < LeftoverAge)
            {
                continue;
            }

            try
            {
                File.Delete(file);
                removed++;
            }
            catch (IOException)
            {
                // Still open somewhere: it is not a leftover after all.
            }
        }

        return removed;
    }

    private static string Folder(string dataDirectory) => Path.Combine(dataDirectory, "tmp", "exports");
}
