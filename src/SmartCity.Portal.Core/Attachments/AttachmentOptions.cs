namespace SmartCity.Portal.Attachments;

/// <summary>Limits of uploaded evidence (section <c>Attachments</c>).</summary>
public sealed class AttachmentOptions
{
    public const string Section = "Attachments";

    public const long MegaByte = 1024 * 1024;

    /// <summary>One file; the upload is stopped as soon as it passes this.</summary>
    public long MaxFileBytes { get; set; } = 20 * MegaByte;

    /// <summary>All the files of one report together (deleted ones do not count).</summary>
    public long MaxSubmissionBytes { get; set; } = 100 * MegaByte;
}
