using System.Globalization;
using SmartCity.Portal.Common;
using SmartCity.Portal.Forms;

namespace SmartCity.Portal.Attachments;

public static class AttachmentMessages
{
    public static readonly PortalMessage NotFound = new("attachment-not-found",
        "ไม่พบไฟล์แนบนี้ หรือท่านไม่มีสิทธิ์เข้าถึง", "The attachment does not exist or is outside your jurisdiction.");

    public static readonly PortalMessage NotAllowedType = new("attachment-type-not-allowed",
        "ไฟล์นี้ไม่ใช่ PDF, JPEG, PNG, XLSX หรือ DOCX", "This file is not a PDF, JPEG, PNG, XLSX or DOCX file.");

    public static readonly PortalMessage Empty = new("attachment-empty",
        "ไฟล์นี้ว่างเปล่า (ขนาด 0 ไบต์)", "The file is empty (0 bytes).");

    public static readonly PortalMessage OnlyHolder = new("attachment-only-holder",
        "เฉพาะเทศบาลเจ้าของรายงานเท่านั้นที่แนบหรือลบไฟล์ได้", "Only the municipality that holds the report may add or remove files.");

    public static readonly PortalMessage NotEditable = new("attachment-not-editable",
        "แนบหรือลบไฟล์ได้เฉพาะรายงานที่เป็นร่างหรือถูกส่งคืนเท่านั้น", "Files can be added or removed only while the report is a draft or has been returned.");

    public static readonly PortalMessage InvalidField = new("attachment-invalid-field",
        "ไม่ได้ระบุคำถามที่ไฟล์นี้แนบ หรือแบบรายงานไม่มีคำถามแนบไฟล์นี้", "The field is missing or is not a file question of the report's form.");

    public static PortalMessage KindNotAccepted(IReadOnlyList<FileKind> accepted)
    {
        var names = string.Join(", ", accepted.Select(k => k.ToString().ToUpperInvariant()));
        return new("attachment-kind-not-accepted", $"คำถามนี้รับเฉพาะไฟล์ {names}", $"This question accepts only {names} files.");
    }

    public static PortalMessage TooManyFiles(int maxFiles) => new("attachment-too-many-files",
        $"แนบไฟล์ในคำถามนี้ได้ไม่เกิน {maxFiles} ไฟล์ กรุณาลบไฟล์เดิมก่อน", $"This question takes at most {maxFiles} files; remove one first.");

    public static PortalMessage TooLarge(long limitBytes) => new("attachment-too-large",
        $"ไฟล์มีขนาดเกิน {Mb(limitBytes)} MB ต่อไฟล์", $"The file is larger than the limit of {Mb(limitBytes)} MB per file.");

    public static PortalMessage SubmissionTotalTooLarge(long limitBytes) => new("attachment-submission-total-too-large",
        $"ไฟล์แนบทั้งหมดของรายงานนี้จะเกิน {Mb(limitBytes)} MB กรุณาลดขนาดหรือลบไฟล์ที่ไม่ใช้",
        $"The report's attachments would exceed its limit of {Mb(limitBytes)} MB in total; make files smaller or remove unused ones.");

    private static string Mb(long bytes) => (bytes / (double)AttachmentOptions.MegaByte).ToString("0.##", CultureInfo.InvariantCulture);
}

/// <summary>A file, or the report's files together, passed a size limit (HTTP 413).</summary>
public sealed class AttachmentTooLargeException(PortalMessage message) : PortalException(message);
