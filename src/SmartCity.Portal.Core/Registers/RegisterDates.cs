using System.Globalization;
using SmartCity.Portal.Common;

namespace SmartCity.Portal.Registers;

/// <summary>The dates written into a register: when a paper copy arrived, a letter's date, when DLA received a letter.</summary>
public enum RegisterDateKind
{
    PaperCopyReceived,
    DispatchLetter,
    DispatchReceived,
}

/// <summary>
/// The window a register date must fall in (decision 0019): not after today in Bangkok, and not more than
/// <see cref="MaxDaysBack"/> days before it. A register date opens the register year its number is taken
/// from, so a slip of the year (2026 typed as พ.ศ. is 1483) would open a wrong year and burn its numbers;
/// real entries are made within days of the paper's arrival. Pages check with the same rule before saving.
/// </summary>
public static class RegisterDates
{
    public const int MaxDaysBack = 60;

    public static DateOnly Earliest(DateOnly today) => today.AddDays(-MaxDaysBack);

    /// <summary>Why <paramref name="date"/> cannot be right, or null when it lies in the window.</summary>
    public static PortalMessage? Check(RegisterDateKind kind, DateOnly date, DateOnly today)
    {
        if (date <= today && date >= Earliest(today))
        {
            return null;
        }

        return DateEra.Message(date, today) ?? (date > today ? InFuture(kind) : TooOld(kind, today));
    }

    public static PortalMessage InFuture(RegisterDateKind kind) => kind switch
    {
        RegisterDateKind.PaperCopyReceived => RegisterMessages.DateInFuture,
        RegisterDateKind.DispatchLetter => DispatchMessages.LetterDateInFuture,
        _ => DispatchMessages.ReceivedDateInFuture,
    };

    public static PortalMessage TooOld(RegisterDateKind kind, DateOnly today)
    {
        var (code, th, en) = kind switch
        {
            RegisterDateKind.PaperCopyReceived => ("paper-copy-date-too-old", "วันที่รับเอกสาร", "The date received"),
            RegisterDateKind.DispatchLetter => ("dispatch-date-too-old", "วันที่ของหนังสือ", "The letter date"),
            _ => ("dispatch-received-too-old", "วันที่รับหนังสือ", "The date received"),
        };
        var earliest = Earliest(today);
        return new PortalMessage(code,
            string.Create(CultureInfo.InvariantCulture,
                $"{th}ต้องไม่ก่อน {ThaiTime.FormatDate(earliest)} (ย้อนหลังได้ไม่เกิน {MaxDaysBack} วัน) กรุณาตรวจสอบวัน เดือน และปี พ.ศ. อีกครั้ง"),
            string.Create(CultureInfo.InvariantCulture,
                $"{en} may be at most {MaxDaysBack} days ago (not before {ThaiTime.FormatDate(earliest, english: true)}); please check the day, month and year."));
    }
}
