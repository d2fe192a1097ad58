using ClosedXML.Excel;

namespace SmartCity.Portal.Reports;

public enum ExcelKind
{
    Text,
    Number,

    /// <summary>A Bangkok calendar date, shown with the Buddhist year.</summary>
    Date,

    /// <summary>A Bangkok wall-clock date and time, shown with the Buddhist year.</summary>
    DateTime,
}

/// <summary>One column of a sheet: its Thai header, its width in characters, and how a row fills it.</summary>
public sealed record ExcelColumn<T>(string Header, double Width, Func<T, object?> Value, ExcelKind Kind = ExcelKind.Text);

/// <summary>
/// The one way the exports lay out a sheet: headers in row 1 (so that freezing and filtering need
/// no offsets), frozen, filtered over the used range, widths set by hand, dates as real dates.
/// </summary>
public static class ExcelSheet
{
    /// <summary>
    /// 1 = Western digits, 07 = Thai Buddhist calendar, 041E = th-TH. Excel then shows the stored
    /// Gregorian date as "26 พ.ย. 2569": sorting and date filters still work on the real date.
    /// </summary>
    public const string ThaiDateFormat = "[$-107041E]d mmm yyyy";

    public const string ThaiDateTimeFormat = "[$-107041E]d mmm yyyy hh:mm";

    /// <summary>Thai glyphs in every Office install; Calibri, the default, has none.</summary>
    public const string FontName = "Tahoma";

    public const double FontSize = 10;

    public static XLWorkbook NewWorkbook(string title, string subject)
    {
        // Event tracking only serves later range edits; without it a large sheet builds faster and smaller.
        var workbook = new XLWorkbook(XLEventTracking.Disabled);
        workbook.Style.Font.FontName = FontName;
        workbook.Style.Font.FontSize = FontSize;
        workbook.Properties.Title = title;
        workbook.Properties.Subject = subject;
        workbook.Properties.Author = "SmartCity.Portal";
        workbook.Properties.Company = "กรมส่งเสริมการปกครองท้องถิ่น";
        return workbook;
    }

    public static IXLWorksheet AddTable<T>(XLWorkbook workbook, string sheetName, IReadOnlyList<ExcelColumn<T>> columns, IEnumerable<T> rows, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(workbook);
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentNullException.ThrowIfNull(rows);
        var sheet = workbook.AddWorksheet(sheetName);

        // Column styles first: cells created afterwards take them, so no per-cell style objects.
        for (var c = 0; c < columns.Count; c++)
        {
            var column = sheet.Column(c + 1);
            column.Width = columns[c].Width;
            switch (columns[c].Kind)
            {
                case ExcelKind.Date:
                    column.Style.DateFormat.Format = ThaiDateFormat;
                    column.Style.Alignment.Horizontal = XLAlignmentHorizontalValues.Left;
                    break;
                case ExcelKind.DateTime:
                    column.Style.DateFormat.Format = ThaiDateTimeFormat;
                    column.Style.Alignment.Horizontal = XLAlignmentHorizontalValues.Left;
                    break;
                default:
                    break;
            }
        }

        for (var c = 0; c < columns.Count; c++)
        {
            sheet.Cell(1, c + 1).SetValue(columns[c].Header);
        }

        var header = sheet.Range(1, 1, 1, columns.Count);
        header.Style.Font.Bold = true;
        header.Style.Fill.BackgroundColor = XLColor.FromHtml("#DCE6F1");
        header.Style.Alignment.WrapText = true;
        header.Style.Alignment.Vertical = XLAlignmentVerticalValues.Center;
        header.Style.Alignment.Horizontal = XLAlignmentHorizontalValues.Center;
        header.Style.Border.BottomBorder = XLBorderStyleValues.Thin;
        sheet.Row(1).Height = 30;

        var row = 1;
        foreach (var item in rows)
        {
            cancellationToken.ThrowIfCancellationRequested();
            row++;
            for (var c = 0; c < columns.Count; c++)
            {
                Put(sheet.Cell(row, c + 1), columns[c].Value(item));
            }
        }

        sheet.SheetView.FreezeRows(1);
        sheet.Range(1, 1, row, columns.Count).SetAutoFilter();

        // Officers print these: A4 landscape, all columns on one page wide, the header on every page.
        sheet.PageSetup.PaperSize = XLPaperSize.A4Paper;
        sheet.PageSetup.PageOrientation = XLPageOrientation.Landscape;
        sheet.PageSetup.FitToPages(1, 0);
        sheet.PageSetup.SetRowsToRepeatAtTop(1, 1);
        return sheet;
    }

    /// <summary>A second sheet "ข้อมูล": what this file is, for whom, and when it was made.</summary>
    public static IXLWorksheet AddInfoSheet(XLWorkbook workbook, IEnumerable<(string Label, string Value)> lines)
    {
        ArgumentNullException.ThrowIfNull(workbook);
        ArgumentNullException.ThrowIfNull(lines);
        var sheet = workbook.AddWorksheet("ข้อมูล");
        sheet.Column(1).Width = 24;
        sheet.Column(2).Width = 80;
        sheet.Column(1).Style.Font.Bold = true;
        var row = 0;
        foreach (var (label, value) in lines)
        {
            row++;
            sheet.Cell(row, 1).SetValue(label);
            sheet.Cell(row, 2).SetValue(value);
        }

        return sheet;
    }

    private static void Put(IXLCell cell, object? value)
    {
        switch (value)
        {
            case null:
                break;
            case string text:
                // SetValue<string> stores text as text: "15/2567" must not become a date, nor "0810" a number.
                cell.SetValue(text);
                break;
            case DateTime date:
                cell.SetValue(date);
                break;
            case int number:
                cell.SetValue(number);
                break;
            case long number:
                cell.SetValue(number);
                break;
            default:
                cell.SetValue(Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty);
                break;
        }
    }
}
