using SmartCity.Portal.Forms;

namespace SmartCity.Portal.Campaigns;

public enum CampaignDocumentKind
{
    /// <summary>หลักเกณฑ์การคัดเลือก: what municipalities are judged on.</summary>
    Criteria,

    /// <summary>DLA's circular letter (หนังสือสั่งการ).</summary>
    Letter,

    Other,
}

/// <summary>
/// A file DLA attaches to a campaign (criteria PDF, the letter). Stored like evidence files: the Thai
/// name only ever displayed, a server-made name on disk under <c>campaign-documents/&lt;campaignId&gt;/</c>.
/// </summary>
public class CampaignDocument
{
    public int Id { get; set; }

    public int CampaignId { get; set; }

    public CampaignDocumentKind Kind { get; set; }

    public string OriginalFileName { get; set; } = "";

    public string StoredFileName { get; set; } = "";

    public FileKind FileKind { get; set; }

    public string ContentType { get; set; } = "";

    public long Length { get; set; }

    /// <summary>SHA-256 of the content, lower-case hex.</summary>
    public string Sha256 { get; set; } = "";

    public DateTime UploadedUtc { get; set; }

    public string UploadedByUserName { get; set; } = "";

    /// <summary>Set when DLA removed it; the row stays as a record, the file is gone.</summary>
    public DateTime? DeletedUtc { get; set; }
}
