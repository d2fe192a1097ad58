using System.Globalization;

namespace SmartCity.Portal.Common;

/// <summary>Which slip between the eras a date shows: a year typed in one era where the field takes the other.</summary>
public enum EraSlip
{
    None,

    /// <summary>04/12/2026 typed into a Buddhist-era field: read as 2026 BE, stored as 1483.</summary>
    GregorianTypedAsBuddhist,

    /// <summary>04/12/2569 typed into a Gregorian field (the English switch, the API): stored as 2569 AD.</summary>
    BuddhistTypedAsGregorian,
}

/// <summary>
/// Buddhist and Gregorian years are 543 apart, and officers write both. A date whose year lies 543 years from
/// this year's (a year either side, for New Year and last year's papers) is such a slip, never a real date:
/// it is named as one, with the date that was meant, instead of "too old" or "in the future".
/// </summary>
public static class DateEra
{
    public static EraSlip Slip(DateOnly date, DateOnly today)
    {
        if (Math.Abs(date.Year + ThaiTime.BuddhistEraOffset - today.Year) <= 1)
        {
            return EraSlip.GregorianTypedAsBuddhist;
        }

        return Math.Abs(date.Year - ThaiTime.BuddhistEraOffset - today.Year) <= 1 ? EraSlip.BuddhistTypedAsGregorian : EraSlip.None;
    }

    /// <summary>What to type instead, in both languages; null when the year is no era slip.</summary>
    public static PortalMessage? Message(DateOnly date, DateOnly today)
    {
        switch (Slip(date, today))
        {
            case EraSlip.GregorianTypedAsBuddhist:
            {
                // The officer typed the Gregorian year; the field read it as a Buddhist one.
                var typed = date.Year + ThaiTime.BuddhistEraOffset;
                var meant = Typed(date.Day, date.Month, typed + ThaiTime.BuddhistEraOffset);
                return new PortalMessage("date-gregorian-year",
                    string.Create(CultureInfo.InvariantCulture, $"ปี {typed} เป็นปี ค.ศ. แต่ช่องนี้ใช้ปี พ.ศ. กรุณากรอกเป็น วัน/เดือน/ปี พ.ศ. เช่น {meant}"),
                    string.Create(CultureInfo.InvariantCulture, $"{typed} is a Gregorian (AD) year, but this field takes the Buddhist-era year: type {meant}."));
            }

            case EraSlip.BuddhistTypedAsGregorian:
            {
                var meant = Typed(date.Day, date.Month, date.Year - ThaiTime.BuddhistEraOffset);
                var iso = new DateOnly(date.Year - ThaiTime.BuddhistEraOffset, date.Month, Math.Min(date.Day, DateTime.DaysInMonth(date.Year - ThaiTime.BuddhistEraOffset, date.Month)))
                    .ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                return new PortalMessage("date-buddhist-year",
                    string.Create(CultureInfo.InvariantCulture, $"ปี {date.Year} เป็นปี พ.ศ. แต่ช่องนี้ใช้ปี ค.ศ. (หน้าภาษาอังกฤษและ API) กรุณาระบุเป็น {meant} หรือ {iso} ใน API"),
                    string.Create(CultureInfo.InvariantCulture, $"{date.Year} is a Buddhist-era year, but this field takes the Gregorian (AD) year: type {meant} ({iso} in the API)."));
            }

            default:
                return null;
        }
    }

    private static string Typed(int day, int month, int year) => string.Create(CultureInfo.InvariantCulture, $"{day:00}/{month:00}/{year}");
}
