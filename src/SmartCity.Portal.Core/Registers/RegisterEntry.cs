using SmartCity.Portal.Common;

namespace SmartCity.Portal.Registers;

/// <summary>ทะเบียนรับ (receive) and ทะเบียนส่ง (send): each office keeps one of each per Buddhist year.</summary>
public enum RegisterKind
{
    Receive,
    Send,
}

/// <summary>
/// The last number an office issued in one register for one year. Issuing starts with an UPDATE of
/// this row, which takes the write lock (SQLite) or the row lock (SQL Server) first, so concurrent
/// issues queue instead of reading the same maximum.
/// </summary>
public class RegisterCounter
{
    public int Id { get; set; }

    public int OrgUnitId { get; set; }

    public RegisterKind Kind { get; set; }

    /// <summary>Buddhist-era year, e.g. 2567.</summary>
    public int Year { get; set; }

    public int LastNumber { get; set; }
}

/// <summary>
/// One line of an office's register. Never deleted and never renumbered: a mistaken entry is
/// cancelled, stays in the register marked so, and its number is not issued again.
/// </summary>
public class RegisterEntry : IConcurrencyVersioned
{
    public long Id { get; set; }

    public int OrgUnitId { get; set; }

    public RegisterKind Kind { get; set; }

    public int Year { get; set; }

    public int Number { get; set; }

    /// <summary>What was received or sent, as written in the register (เรื่อง).</summary>
    public required string Subject { get; set; }

    /// <summary>The paper copy of this submission, when the entry is one.</summary>
    public int? SubmissionId { get; set; }

    /// <summary>The date on which the document arrived or left (Bangkok date, stored as midnight UTC of that date).</summary>
    public DateTime DocumentDate { get; set; }

    public string? Note { get; set; }

    public DateTime RecordedUtc { get; set; }

    public required string RecordedByUserName { get; set; }

    public DateTime? CancelledUtc { get; set; }

    public string? CancelReason { get; set; }

    public string? CancelledByUserName { get; set; }

    public Guid ConcurrencyToken { get; set; }

    /// <summary>"15/2567", as written on the document's receive stamp.</summary>
    public string DisplayNumber => FormatNumber(Number, Year);

    public static string FormatNumber(int number, int year) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{number}/{year}");
}
