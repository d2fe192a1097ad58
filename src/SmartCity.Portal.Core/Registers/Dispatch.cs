using SmartCity.Portal.Common;

namespace SmartCity.Portal.Registers;

/// <summary>
/// One cover letter from a provincial office to DLA (หนังสือนำส่ง) carrying the paper copies of
/// several reports. Its number comes from the office's send register (ทะเบียนส่ง); DLA records its
/// arrival with a number from its own receive register.
/// </summary>
public class Dispatch : IConcurrencyVersioned
{
    public int Id { get; set; }

    public int CampaignId { get; set; }

    /// <summary>The provincial office that sends it.</summary>
    public int FromOrgUnitId { get; set; }

    /// <summary>The DLA office that receives it (the division holding reports at DLA).</summary>
    public int ToOrgUnitId { get; set; }

    /// <summary>The send-register line that gave this letter its number.</summary>
    public long SendEntryId { get; set; }

    /// <summary>Buddhist-era year of the send register.</summary>
    public int Year { get; set; }

    public int Number { get; set; }

    /// <summary>The letter number exactly as printed, Thai digits included: "กบ ๐๐๒๓.๓/๑๕".</summary>
    public required string LetterNo { get; set; }

    /// <summary>The letter's date (Bangkok date, stored as midnight UTC of that date).</summary>
    public DateTime LetterDate { get; set; }

    public DateTime SentUtc { get; set; }

    public required string SentByUserName { get; set; }

    /// <summary>DLA's receive-register line, once DLA records the arrival.</summary>
    public long? ReceiveEntryId { get; set; }

    /// <summary>DLA's receive number, "12/2568", copied for display.</summary>
    public string? ReceiveNo { get; set; }

    /// <summary>The date DLA received the letter (Bangkok date, stored as midnight UTC of that date).</summary>
    public DateTime? ReceivedDate { get; set; }

    public DateTime? ReceivedUtc { get; set; }

    public string? ReceivedByUserName { get; set; }

    public List<DispatchItem> Items { get; } = [];

    public Guid ConcurrencyToken { get; set; }
}

/// <summary>One report in a dispatch. A report returned by DLA and sent again appears in two dispatches.</summary>
public class DispatchItem
{
    public long Id { get; set; }

    public int DispatchId { get; set; }

    public int SubmissionId { get; set; }
}
