using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace SmartCity.Portal.Registers;

/// <summary>
/// The cover letter as a Word document in the Thai official letter layout (หนังสือภายนอก): A4,
/// margins 2.5 cm top, 3 cm left, 2 cm right and bottom, the Sarabun typeface for Thai and Latin
/// alike. Officers open it, adjust the signature block and print it on the office's letterhead.
/// </summary>
public static class DispatchLetterDocx
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    private const string Font = "Sarabun";

    // Sarabun's glyphs are larger than those of TH Sarabun New, whose 16 pt the regulation names;
    // 14 pt of Sarabun sets about the same line as 16 pt of TH Sarabun New.
    private const string BodySize = "28";
    private const string TableSize = "26";

    private const int CmTwips = 567;
    private const int RightHalf = 8 * CmTwips;
    private const int BodyIndent = 2 * CmTwips + CmTwips / 2;

    public static byte[] Build(DispatchLetter letter)
    {
        ArgumentNullException.ThrowIfNull(letter);
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            AddStyles(main);
            var body = new Body();

            body.Append(Header(letter));
            body.Append(Paragraph(letter.Date, left: RightHalf, spaceBefore: 120));
            body.Append(Field("เรื่อง", letter.Subject, spaceBefore: 120));
            body.Append(Field("เรียน", letter.To));
            body.Append(Field("อ้างถึง", letter.Reference));
            body.Append(Field("สิ่งที่ส่งมาด้วย", letter.Enclosure));
            for (var i = 0; i < letter.Paragraphs.Count; i++)
            {
                body.Append(Paragraph(letter.Paragraphs[i], firstLine: BodyIndent, justify: true, spaceBefore: 120));
                if (i == letter.Paragraphs.Count - 2)
                {
                    body.Append(List(letter.Rows));
                }
            }

            body.Append(Paragraph(letter.Closing, left: RightHalf, center: true, spaceBefore: 240));
            body.Append(Paragraph("", left: RightHalf));
            body.Append(Paragraph("", left: RightHalf));
            foreach (var line in letter.Signature)
            {
                body.Append(Paragraph(line, left: RightHalf, center: true));
            }

            body.Append(Paragraph(letter.Footer, spaceBefore: 480));
            body.Append(new SectionProperties(
                new PageSize { Width = 11906U, Height = 16838U },
                new PageMargin { Top = 1418, Bottom = 1134, Left = 1701U, Right = 1134U, Header = 709U, Footer = 709U, Gutter = 0U }));
            main.Document = new Document(body);
            main.Document.Save();
        }

        return stream.ToArray();
    }

    private static void AddStyles(MainDocumentPart main)
    {
        var styles = main.AddNewPart<StyleDefinitionsPart>();
        styles.Styles = new Styles(new DocDefaults(
            new RunPropertiesDefault(new RunPropertiesBaseStyle(
                new RunFonts { Ascii = Font, HighAnsi = Font, ComplexScript = Font, EastAsia = Font },
                new FontSize { Val = BodySize },
                new FontSizeComplexScript { Val = BodySize },
                new Languages { Val = "th-TH", Bidi = "th-TH" })),
            new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(new SpacingBetweenLines { After = "0", Line = "240", LineRule = LineSpacingRuleValues.Auto }))));
        styles.Styles.Save();
    }

    /// <summary>ที่ on the left; the office and its address on the right half, as on the letterhead.</summary>
    private static Table Header(DispatchLetter letter)
    {
        var table = new Table(
            new TableProperties(new TableWidth { Width = "5000", Type = TableWidthUnitValues.Pct }, NoBorders()),
            new TableGrid(new GridColumn { Width = "4536" }, new GridColumn { Width = "4535" }));
        table.Append(new TableRow(
            Cell(4536, Paragraph("ที่ " + letter.LetterNo)),
            Cell(4535, Paragraph(letter.OfficeName), Paragraph(letter.Address))));
        return table;
    }

    private static Paragraph Field(string label, string text, int spaceBefore = 0) =>
        Paragraph($"{label}  {text}", hanging: 2 * CmTwips, spaceBefore: spaceBefore);

    private static Table List(IReadOnlyList<DispatchLetterRow> rows)
    {
        int[] widths = [900, 2900, 2100, 1800, 1371];
        var table = new Table(
            new TableProperties(
                new TableWidth { Width = "5000", Type = TableWidthUnitValues.Pct },
                new TableBorders(
                    new TopBorder { Val = BorderValues.Single, Size = 4U }, new LeftBorder { Val = BorderValues.Single, Size = 4U },
                    new BottomBorder { Val = BorderValues.Single, Size = 4U }, new RightBorder { Val = BorderValues.Single, Size = 4U },
                    new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4U }, new InsideVerticalBorder { Val = BorderValues.Single, Size = 4U })),
            new TableGrid(widths.Select(w => new GridColumn { Width = w.ToString(System.Globalization.CultureInfo.InvariantCulture) })));
        table.Append(Row(widths, bold: true, "ลำดับ", "เทศบาล", "อำเภอ", "เลขที่อ้างอิง", "เลขรับ"));
        foreach (var r in rows)
        {
            table.Append(Row(widths, bold: false, r.Order, r.Municipality, r.District, r.ReferenceNo, r.PaperReceiveNo));
        }

        return table;
    }

    private static TableRow Row(int[] widths, bool bold, params string[] texts)
    {
        var row = new TableRow();
        if (bold)
        {
            row.Append(new TableRowProperties(new TableHeader()));
        }

        for (var i = 0; i < texts.Length; i++)
        {
            var centred = bold || i is 0 or 4;
            row.Append(Cell(widths[i], Paragraph(texts[i], center: centred, bold: bold, size: TableSize)));
        }

        return row;
    }

    private static TableCell Cell(int width, params Paragraph[] paragraphs)
    {
        var cell = new TableCell(new TableCellProperties(new TableCellWidth { Width = width.ToString(System.Globalization.CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa }));
        cell.Append(paragraphs);
        return cell;
    }

    private static TableBorders NoBorders() => new(
        // The schema's order: top, left, bottom, right, then the inside lines.
        new TopBorder { Val = BorderValues.None }, new LeftBorder { Val = BorderValues.None },
        new BottomBorder { Val = BorderValues.None }, new RightBorder { Val = BorderValues.None },
        new InsideHorizontalBorder { Val = BorderValues.None }, new InsideVerticalBorder { Val = BorderValues.None });

    private static Paragraph Paragraph(
        string text, int left = 0, int firstLine = 0, int hanging = 0, bool center = false, bool justify = false, bool bold = false, int spaceBefore = 0, string? size = null)
    {
        var properties = new ParagraphProperties();
        if (spaceBefore > 0)
        {
            properties.Append(new SpacingBetweenLines { Before = spaceBefore.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        }

        if (left > 0 || firstLine > 0 || hanging > 0)
        {
            var indentation = new Indentation();
            if (left > 0)
            {
                indentation.Left = left.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            if (firstLine > 0)
            {
                indentation.FirstLine = firstLine.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            if (hanging > 0)
            {
                indentation.Left = hanging.ToString(System.Globalization.CultureInfo.InvariantCulture);
                indentation.Hanging = hanging.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            properties.Append(indentation);
        }

        if (center || justify)
        {
            // Thai has no spaces between words: "thai distribute" spreads a justified line the way Thai typesetting does.
            properties.Append(new Justification { Val = center ? JustificationValues.Center : JustificationValues.ThaiDistribute });
        }

        var runProperties = new RunProperties();
        if (bold)
        {
            runProperties.Append(new Bold(), new BoldComplexScript());
        }

        if (size is not null)
        {
            runProperties.Append(new FontSize { Val = size }, new FontSizeComplexScript { Val = size });
        }

        return new Paragraph(properties, new Run(runProperties, new Text(text) { Space = SpaceProcessingModeValues.Preserve }));
    }
}
