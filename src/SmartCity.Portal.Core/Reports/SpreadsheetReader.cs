using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;
using ClosedXML.Excel;
using SmartCity.Portal.Common;

namespace SmartCity.Portal.Reports;

/// <summary>One cell that cannot be taken as it is: its column (header name) and why.</summary>
public sealed record SheetProblem(string Column, PortalMessage Message);

/// <summary>A data row: its number as the officer sees it in Excel (the header is row 1), the cleaned values by header, and cell problems.</summary>
public sealed record SheetRow(int Number, IReadOnlyDictionary<string, string> Values, IReadOnlyList<SheetProblem> Problems)
{
    public string this[string column] => Values.TryGetValue(column, out var v) ? v : "";
}

/// <summary>
/// Reads an uploaded list (.xlsx, or .csv in UTF-8 with or without BOM) into rows keyed by the expected
/// header names. What makes the whole file unusable (not a spreadsheet, headers missing, too many rows) is a
/// <see cref="PortalValidationException"/> with a Thai message; what spoils a cell (a formula, a merged
/// range) is a <see cref="SheetProblem"/> on that row. Values are cleaned with <see cref="ThaiText.Clean"/>.
/// </summary>
public static partial class SpreadsheetReader
{
    private static readonly byte[] Zip = [0x50, 0x4B, 0x03, 0x04];
    private static readonly byte[] OldOffice = [0xD0, 0xCF, 0x11, 0xE0];

    [GeneratedRegex("<dimension ref=\"[A-Z]+\\d+:[A-Z]+(\\d+)\"", RegexOptions.CultureInvariant)]
    private static partial Regex Dimension();

    public static IReadOnlyList<SheetRow> Read(Stream content, IReadOnlyList<string> headers, int maxRows)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(headers);
        using var buffer = new MemoryStream();
        content.CopyTo(buffer);
        var bytes = buffer.GetBuffer().AsSpan(0, (int)buffer.Length);
        if (bytes.Length == 0)
        {
            throw new PortalValidationException(SheetMessages.Empty);
        }

        if (bytes.StartsWith("%PDF"u8))
        {
            throw new PortalValidationException(SheetMessages.NotSpreadsheet);
        }

        if (bytes.StartsWith(OldOffice))
        {
            throw new PortalValidationException(SheetMessages.OldExcel);
        }

        if (bytes.StartsWith(Zip))
        {
            buffer.Position = 0;
            return ReadXlsx(buffer, headers, maxRows);
        }

        string text;
        try
        {
            text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            throw new PortalValidationException(SheetMessages.NotSpreadsheet);
        }

        if (text.Contains('\0', StringComparison.Ordinal))
        {
            throw new PortalValidationException(SheetMessages.NotSpreadsheet);
        }

        return ReadCsv(text.TrimStart('\uFEFF'), headers, maxRows);
    }

    private static List<SheetRow> ReadCsv(string text, IReadOnlyList<string> headers, int maxRows)
    {
        var records = ParseCsv(text, maxRows + 2);
        if (records.Count == 0)
        {
            throw new PortalValidationException(SheetMessages.Empty);
        }

        var map = MapHeaders(records[0].Fields, headers);
        var rows = new List<SheetRow>();
        for (var i = 1; i < records.Count; i++)
        {
            var (line, fields) = records[i];
            if (fields.All(f => string.IsNullOrWhiteSpace(f)))
            {
                continue;
            }

            if (rows.Count >= maxRows)
            {
                throw new PortalValidationException(SheetMessages.TooManyRows(maxRows));
            }

            var values = new Dictionary<string, string>(StringComparer.Ordinal);
            var problems = new List<SheetProblem>();
            foreach (var (header, index) in map)
            {
                var raw = index < fields.Count ? fields[index] : "";
                if (raw.StartsWith('='))
                {
                    problems.Add(new(header, SheetMessages.Formula));
                }

                values[header] = ThaiText.Clean(raw);
            }

            rows.Add(new SheetRow(line, values, problems));
        }

        return rows;
    }

    /// <summary>RFC 4180: commas, double quotes doubled inside quoted fields, line breaks inside quotes. Each record with its starting line number.</summary>
    private static List<(int Line, List<string> Fields)> ParseCsv(string text, int maxRecords)
    {
        var records = new List<(int, List<string>)>();
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        var line = 1;
        var recordLine = 1;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"')
                {
                    if (i + 1 < text.Length && text[i + 1] == '"')
                    {
                        field.Append('"');
                        i++;
                    }
                    else
                    {
                        quoted = false;
                    }
                }
                else
                {
                    if (c == '\n')
                    {
                        line++;
                    }

                    field.Append(c);
                }

                continue;
            }

            switch (c)
            {
                case '"' when field.Length == 0:
                    quoted = true;
                    break;
                case ',':
                    fields.Add(field.ToString());
                    field.Clear();
                    break;
                case '\r':
                    break;
                case '\n':
                    fields.Add(field.ToString());
                    field.Clear();
                    records.Add((recordLine, fields));
                    if (records.Count > maxRecords)
                    {
                        return records;
                    }

                    fields = [];
                    line++;
                    recordLine = line;
                    break;
                default:
                    field.Append(c);
                    break;
            }
        }

        if (field.Length > 0 || fields.Count > 0)
        {
            fields.Add(field.ToString());
            records.Add((recordLine, fields));
        }

        return records;
    }

    private static List<SheetRow> ReadXlsx(MemoryStream buffer, IReadOnlyList<string> headers, int maxRows)
    {
        // A sheet's declared size is read from the package before ClosedXML loads every cell into memory.
        try
        {
            using var zip = new ZipArchive(buffer, ZipArchiveMode.Read, leaveOpen: true);
            var sheet = zip.Entries.Where(e => e.FullName.StartsWith("xl/worksheets/sheet", StringComparison.Ordinal) && e.FullName.EndsWith(".xml", StringComparison.Ordinal))
                .OrderBy(e => e.FullName, StringComparer.Ordinal).FirstOrDefault()
                ?? throw new PortalValidationException(SheetMessages.NotSpreadsheet);
            using var reader = new StreamReader(sheet.Open());
            var head = new char[4096];
            var read = reader.ReadBlock(head, 0, head.Length);
            var match = Dimension().Match(new string(head, 0, read));
            if (match.Success && int.TryParse(match.Groups[1].Value, out var lastRow) && lastRow - 1 > maxRows)
            {
                throw new PortalValidationException(SheetMessages.TooManyRows(maxRows));
            }
        }
        catch (InvalidDataException)
        {
            throw new PortalValidationException(SheetMessages.NotSpreadsheet);
        }

        buffer.Position = 0;
        XLWorkbook workbook;
        try
        {
            workbook = new XLWorkbook(buffer, XLEventTracking.Disabled);
        }
#pragma warning disable CA1031 // ClosedXML throws many kinds for a damaged package; each means the same to the officer.
        catch (Exception e) when (e is not OutOfMemoryException)
#pragma warning restore CA1031
        {
            throw new PortalValidationException(SheetMessages.NotSpreadsheet);
        }

        using (workbook)
        {
            var sheet = workbook.Worksheets.FirstOrDefault() ?? throw new PortalValidationException(SheetMessages.Empty);
            var used = sheet.RangeUsed();
            if (used is null)
            {
                throw new PortalValidationException(SheetMessages.Empty);
            }

            var firstRow = used.FirstRow().RowNumber();
            var lastRow = used.LastRow().RowNumber();
            var lastColumn = used.LastColumn().ColumnNumber();
            if (lastRow - firstRow > maxRows)
            {
                throw new PortalValidationException(SheetMessages.TooManyRows(maxRows));
            }

            var headerCells = Enumerable.Range(1, lastColumn).Select(c => CellText(sheet.Cell(firstRow, c))).ToList();
            var map = MapHeaders(headerCells, headers);
            var merged = sheet.MergedRanges.ToList();
            var rows = new List<SheetRow>();
            for (var r = firstRow + 1; r <= lastRow; r++)
            {
                var values = new Dictionary<string, string>(StringComparer.Ordinal);
                var problems = new List<SheetProblem>();
                foreach (var (header, index) in map)
                {
                    var cell = sheet.Cell(r, index + 1);
                    if (cell.HasFormula)
                    {
                        problems.Add(new(header, SheetMessages.Formula));
                    }

                    if (merged.Any(m => m.Contains(cell)))
                    {
                        problems.Add(new(header, SheetMessages.Merged));
                    }

                    values[header] = ThaiText.Clean(cell.HasFormula ? "" : CellText(cell));
                }

                if (values.Values.All(v => v.Length == 0) && problems.Count == 0)
                {
                    continue;
                }

                rows.Add(new SheetRow(r, values, problems));
            }

            return rows;
        }
    }

    /// <summary>The text as the officer sees it: numbers without a trailing ".0", codes keep their leading zeros when stored as text.</summary>
    private static string CellText(IXLCell cell)
    {
        if (cell.DataType == XLDataType.Number && cell.TryGetValue<double>(out var number))
        {
            return number.ToString("0.##########", System.Globalization.CultureInfo.InvariantCulture);
        }

        return cell.GetString();
    }

    /// <summary>Each expected header's column index; headers are matched trimmed and case-insensitively, in any order.</summary>
    private static List<(string Header, int Index)> MapHeaders(IReadOnlyList<string> found, IReadOnlyList<string> expected)
    {
        var cleaned = found.Select(h => ThaiText.Clean(h).Trim().TrimStart('\uFEFF').ToLowerInvariant()).ToList();
        var map = new List<(string, int)>();
        var missing = new List<string>();
        foreach (var header in expected)
        {
            var index = cleaned.IndexOf(header);
            if (index < 0)
            {
                missing.Add(header);
            }
            else
            {
                map.Add((header, index));
            }
        }

        if (missing.Count > 0)
        {
            throw new PortalValidationException(SheetMessages.MissingHeaders(expected, missing));
        }

        return map;
    }
}

public static class SheetMessages
{
    public static readonly PortalMessage Empty = new("file-empty",
        "ไฟล์ว่าง ไม่มีข้อมูล", "The file is empty.");

    public static readonly PortalMessage NotSpreadsheet = new("not-a-spreadsheet",
        "ไฟล์นี้ไม่ใช่ตาราง Excel (.xlsx) หรือ CSV (UTF-8) กรุณาบันทึกไฟล์ใหม่ในรูปแบบดังกล่าว",
        "This file is neither an Excel workbook (.xlsx) nor a UTF-8 CSV. Save it in one of those formats.");

    public static readonly PortalMessage OldExcel = new("old-excel",
        "ไฟล์นี้เป็น Excel รุ่นเก่า (.xls) กรุณาเปิดแล้ว \"บันทึกเป็น\" .xlsx หรือ CSV UTF-8",
        "This is an old Excel file (.xls). Open it and save it as .xlsx or as CSV UTF-8.");

    public static readonly PortalMessage Formula = new("cell-formula",
        "เซลล์นี้เป็นสูตร กรุณาคัดลอกแล้ววางแบบค่า (Paste Values)", "This cell holds a formula; copy it and paste it as values.");

    public static readonly PortalMessage Merged = new("cell-merged",
        "เซลล์นี้ถูกผสาน (Merge) กับเซลล์อื่น กรุณายกเลิกการผสานเซลล์แล้วกรอกค่าให้ครบทุกแถว",
        "This cell is merged with others; unmerge the cells and fill every row.");

    public static PortalMessage TooManyRows(int max) => new("too-many-rows",
        $"ไฟล์มีข้อมูลเกิน {max:N0} แถว กรุณาแบ่งเป็นหลายไฟล์", $"The file has more than {max:N0} data rows; split it into several files.");

    public static PortalMessage MissingHeaders(IReadOnlyList<string> expected, IReadOnlyList<string> missing) => new("missing-headers",
        $"แถวแรกของไฟล์ต้องเป็นหัวตาราง {string.Join(",", expected)} แต่ไม่พบ {string.Join(", ", missing)}",
        $"The first row must be the header {string.Join(",", expected)}; missing: {string.Join(", ", missing)}.");
}
