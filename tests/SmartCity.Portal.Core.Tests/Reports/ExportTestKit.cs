using ClosedXML.Excel;
using Microsoft.Extensions.Options;
using SmartCity.Portal.Core.Tests.Infrastructure;
using SmartCity.Portal.Dashboards;
using SmartCity.Portal.Data;
using SmartCity.Portal.Registers;
using SmartCity.Portal.Reports;
using SmartCity.Portal.Submissions;

namespace SmartCity.Portal.Core.Tests.Reports;

internal static class ExportTestKit
{
    public static ExportGate Gate(int maxConcurrent = 2, int queueTimeoutSeconds = 60) =>
        new(Options.Create(new ExportOptions { MaxConcurrentExports = maxConcurrent, QueueTimeoutSeconds = queueTimeoutSeconds }));

    public static ExportService Exports(SqliteTestDatabase database, TimeProvider clock, ExportGate? gate = null) => new(
        database.Factory,
        new TrackerService(database.Factory, clock),
        new PaperCopyService(database.Factory, clock, new SubmissionChangeNotifier()),
        gate ?? Gate(),
        new StorageOptions { DataDirectory = database.DataDirectory },
        clock);

    /// <summary>The bytes as a file on disk would hold them, opened again by ClosedXML as Excel would open them.</summary>
    public static XLWorkbook Reopen(MemoryStream written) => new(new MemoryStream(written.ToArray()));

    public static IReadOnlyList<string> Headers(IXLWorksheet sheet) =>
        sheet.Row(1).CellsUsed().Select(c => c.GetString()).ToList();

    /// <summary>Data rows (below the header) as header → cell.</summary>
    public static IReadOnlyList<IReadOnlyDictionary<string, IXLCell>> Rows(IXLWorksheet sheet)
    {
        var headers = Headers(sheet);
        var last = sheet.LastRowUsed()!.RowNumber();
        var rows = new List<IReadOnlyDictionary<string, IXLCell>>();
        for (var r = 2; r <= last; r++)
        {
            var row = new Dictionary<string, IXLCell>(StringComparer.Ordinal);
            for (var c = 0; c < headers.Count; c++)
            {
                row[headers[c]] = sheet.Cell(r, c + 1);
            }

            rows.Add(row);
        }

        return rows;
    }

    /// <summary>
    /// A real Excel date (a serial number, not text) holding this Bangkok wall-clock value, under
    /// the Buddhist-calendar format. ClosedXML 0.95.4 reads such a cell back as Number, not
    /// DateTime: its loader does not skip the [$-107041E] prefix and takes the '0' in it for a
    /// number format (its issue 1742, fixed after 0.95). So "is it a date" is asked the way Excel
    /// asks it: the numeric cell's format code, parsed by ExcelNumberFormat (ClosedXML's own parser).
    /// </summary>
    public static void AssertBuddhistDate(IXLCell cell, DateTime expectedBangkok, string expectedFormat)
    {
        Assert.Contains(cell.DataType, new[] { XLDataType.DateTime, XLDataType.Number });
        var format = cell.Style.DateFormat.Format;
        Assert.Equal(expectedFormat, format);
        Assert.StartsWith("[$-107041E]", format, StringComparison.Ordinal);
        Assert.True(new ExcelNumberFormat.NumberFormat(format).IsDateTimeFormat, $"'{format}' is not a date format");
        Assert.Equal(expectedBangkok, DateTime.FromOADate(cell.GetDouble()));
    }

    /// <summary>Row 1 frozen, the filter over exactly the header and the data, every column's width set by us.</summary>
    public static void AssertSheetLayout(IXLWorksheet sheet, int dataRows)
    {
        Assert.Equal(1, sheet.SheetView.SplitRow);
        Assert.Equal(0, sheet.SheetView.SplitColumn);
        Assert.True(sheet.AutoFilter.IsEnabled);
        var columns = Headers(sheet).Count;
        Assert.Equal($"A1:{XLHelper.GetColumnLetterFromNumber(columns)}{dataRows + 1}", sheet.AutoFilter.Range.RangeAddress.ToString());
        for (var c = 1; c <= columns; c++)
        {
            var width = sheet.Column(c).Width;
            Assert.True(width > 0, $"column {c} has no width");
            Assert.NotEqual(sheet.ColumnWidth, width);
        }
    }
}
