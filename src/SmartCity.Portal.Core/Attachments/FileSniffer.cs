using System.IO.Compression;
using SmartCity.Portal.Forms;

namespace SmartCity.Portal.Attachments;

/// <summary>
/// What a file is, from its bytes: the name and the browser's Content-Type are whatever the sender
/// says, so an executable renamed <c>.pdf</c> must be caught here.
/// </summary>
public static class FileSniffer
{
    private static readonly byte[] Pdf = "%PDF-"u8.ToArray();
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF];
    private static readonly byte[] Zip = [0x50, 0x4B, 0x03, 0x04];

    public static string ContentType(FileKind kind) => kind switch
    {
        FileKind.Pdf => "application/pdf",
        FileKind.Jpeg => "image/jpeg",
        FileKind.Png => "image/png",
        FileKind.Xlsx => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        FileKind.Docx => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    public static string Extension(FileKind kind) => kind switch
    {
        FileKind.Pdf => ".pdf",
        FileKind.Jpeg => ".jpg",
        FileKind.Png => ".png",
        FileKind.Xlsx => ".xlsx",
        FileKind.Docx => ".docx",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    /// <summary>The kind of a seekable stream's content, or null when it is none of the allowed ones.</summary>
    public static FileKind? Sniff(Stream content)
    {
        ArgumentNullException.ThrowIfNull(content);
        Span<byte> head = stackalloc byte[8];
        content.Position = 0;
        var read = content.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        head = head[..read];
        if (head.StartsWith(Pdf))
        {
            return FileKind.Pdf;
        }

        if (head.StartsWith(Png))
        {
            return FileKind.Png;
        }

        if (head.StartsWith(Jpeg))
        {
            return FileKind.Jpeg;
        }

        return head.StartsWith(Zip) ? OfficePackage(content) : null;
    }

    // XLSX and DOCX are both ZIP packages: only the part inside tells them apart. A plain ZIP, a
    // damaged one or some other Office format is refused.
    private static FileKind? OfficePackage(Stream content)
    {
        content.Position = 0;
        try
        {
            using var zip = new ZipArchive(content, ZipArchiveMode.Read, leaveOpen: true);
            var names = zip.Entries.Select(e => e.FullName).ToHashSet(StringComparer.Ordinal);
            if (!names.Contains("[Content_Types].xml"))
            {
                return null;
            }

            if (names.Contains("xl/workbook.xml"))
            {
                return FileKind.Xlsx;
            }

            return names.Contains("word/document.xml") ? FileKind.Docx : null;
        }
        catch (InvalidDataException)
        {
            return null;
        }
    }
}
