using SmartCity.Portal.Forms;

namespace SmartCity.Portal.Attachments;

/// <summary>
/// One evidence file of a submission. The display name is what the municipality called it; the
/// file on disk has a server-made name, so nothing a user types ever becomes part of a path.
/// </summary>
public class Attachment
{
    public const int FieldPathMaxLength = 200;

    public const int OriginalFileNameMaxLength = 255;

    public int Id { get; set; }

    public int SubmissionId { get; set; }

    /// <summary>The file question it answers, e.g. <c>projects.items[0].evidence</c>.</summary>
    public string FieldPath { get; set; } = "";

    public string OriginalFileName { get; set; } = "";

    /// <summary>A GUID and the canonical extension of <see cref="Kind"/>, below <c>attachments/&lt;submissionId&gt;/</c>.</summary>
    public string StoredFileName { get; set; } = "";

    public FileKind Kind { get; set; }

    public string ContentType { get; set; } = "";

    public long Length { get; set; }

    /// <summary>SHA-256 of the content, lower-case hex.</summary>
    public string Sha256 { get; set; } = "";

    public DateTime UploadedUtc { get; set; }

    public string UploadedByUserName { get; set; } = "";

    /// <summary>Set when the municipality removed it; the row stays as a record, the file is gone.</summary>
    public DateTime? DeletedUtc { get; set; }
}
