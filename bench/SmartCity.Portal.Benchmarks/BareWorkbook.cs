using System.Globalization;
using ClosedXML.Excel;

namespace SmartCity.Portal.Benchmarks;

/// <summary>
/// The floor under any tracker export: ClosedXML writing as many cells of the same kinds (Thai
/// text, codes, dates) as the tracker of all municipalities, with no database and no logic.
/// </summary>
public static class BareWorkbook
{
    public const int TrackerColumns = 14;

    private static readonly string[] Headers =
    [
        "รหัส", "องค์กรปกครองส่วนท้องถิ่น", "Name", "ประเภท", "จังหวัด", "อำเภอ", "สถานะ", "ผู้ถือเรื่อง",
        "เลขที่อ้างอิง", "วันที่ส่ง", "วันที่รับฉบับจริง", "เลขรับ", "เลขที่หนังสือนำส่ง", "ปรับปรุงล่าสุด",
    ];

    public static Task WriteAsync(string path, int rows, int columns)
    {
        using var workbook = new XLWorkbook();
        var sheet = workbook.AddWorksheet("Tracker");
        for (var c = 0; c < columns; c++)
        {
            sheet.Cell(1, c + 1).Value = Headers[c % Headers.Length];
            // Never AdjustToContents (needs libgdiplus, DESIGN.md 8): fixed widths.
            sheet.Column(c + 1).Width = 18;
            if (c % 7 == 3)
            {
                // Styled once per column, as the exports do: a style per cell is ClosedXML's slowest path
                // and would make this floor higher than the real thing.
                sheet.Column(c + 1).Style.DateFormat.Format = "[$-107041E]d mmm yyyy hh:mm";
            }
        }

        var day = new DateTime(2026, 8, 1, 0, 0, 0, DateTimeKind.Unspecified);
        for (var r = 0; r < rows; r++)
        {
            var row = r + 2;
            for (var c = 0; c < columns; c++)
            {
                var cell = sheet.Cell(row, c + 1);
                switch (c % 7)
                {
                    case 0:
                        cell.Value = string.Create(CultureInfo.InvariantCulture, $"S-{r % 96:00}-{r:0000}");
                        break;
                    case 1:
                        cell.Value = string.Create(CultureInfo.InvariantCulture, $"เทศบาลตำบลสังเคราะห์ {r:0000}");
                        break;
                    case 2:
                        cell.Value = string.Create(CultureInfo.InvariantCulture, $"Synthetic Subdistrict Municipality {r:0000}");
                        break;
                    case 3:
                        cell.Value = day.AddMinutes(r * 37);
                        break;
                    case 4:
                        cell.Value = r % 97;
                        break;
                    case 5:
                        cell.Value = "อยู่ระหว่างการพิจารณาของจังหวัด";
                        break;
                    default:
                        cell.Value = string.Create(CultureInfo.InvariantCulture, $"{r % 400 + 1}/2569");
                        break;
                }
            }
        }

        sheet.SheetView.FreezeRows(1);
        workbook.SaveAs(path);
        return Task.CompletedTask;
    }
}
