using System.Globalization;

namespace SmartCity.Portal.Common;

/// <summary>
/// Storage is UTC; people read Asia/Bangkok wall-clock time with Buddhist-era years.
/// Bangkok has been UTC+7 without daylight saving since 1920, so a fixed offset is used
/// instead of the host's tz database, which slim containers often lack.
/// </summary>
public static class ThaiTime
{
    public static readonly TimeSpan BangkokOffset = TimeSpan.FromHours(7);

    public const int BuddhistEraOffset = 543;

    /// <summary>
    /// Bangkok as a time zone of its own (fixed +07:00, named so that it reads well in logs), for what asks
    /// a <see cref="TimeProvider"/> for local time: MudBlazor's date picker circles "today" from it.
    /// </summary>
    public static readonly TimeZoneInfo Bangkok = TimeZoneInfo.CreateCustomTimeZone("Asia/Bangkok", BangkokOffset, "Bangkok (UTC+07:00)", "Bangkok");

    private static readonly CultureInfo Thai = CultureInfo.GetCultureInfo("th-TH");
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");

    public static DateTime ToBangkok(DateTime utc) =>
        DateTime.SpecifyKind(EnsureUtc(utc).Add(BangkokOffset), DateTimeKind.Unspecified);

    /// <summary>A Bangkok wall-clock time (e.g. a deadline from a DLA letter) as the UTC instant to store.</summary>
    public static DateTime FromBangkok(DateTime bangkokWallClock) =>
        DateTime.SpecifyKind(DateTime.SpecifyKind(bangkokWallClock, DateTimeKind.Unspecified).Subtract(BangkokOffset), DateTimeKind.Utc);

    /// <summary>A date picked on screen plus a time of day, read as Bangkok wall-clock time, as the UTC instant to store.</summary>
    public static DateTime FromBangkok(DateTime date, TimeSpan timeOfDay) =>
        FromBangkok(DateTime.SpecifyKind(date.Date, DateTimeKind.Unspecified) + timeOfDay);

    /// <summary>The Bangkok calendar date of an instant: the day an officer in Thailand would write.</summary>
    public static DateOnly BangkokDate(DateTime utc) => DateOnly.FromDateTime(ToBangkok(utc));

    /// <summary>
    /// Today as an officer in Thailand reads it, whatever the server's own time zone (containers run on UTC,
    /// which is still yesterday until 07:00 Bangkok time). Every "today" of the portal comes from here.
    /// </summary>
    public static DateOnly Today(TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        return BangkokDate(clock.GetUtcNow().UtcDateTime);
    }

    public static int BuddhistYear(DateTime utc) => ToBangkok(utc).Year + BuddhistEraOffset;

    /// <summary>"25 พฤศจิกายน 2569" or "25 November 2569 BE".</summary>
    public static string FormatDate(DateTime utc, bool english = false)
    {
        var local = ToBangkok(utc);
        var culture = english ? English : Thai;
        // MonthGenitiveNames equal MonthNames for both cultures; Gregorian month names regardless of calendar.
        var month = culture.DateTimeFormat.GetMonthName(local.Month);
        var year = local.Year + BuddhistEraOffset;
        return english
            ? string.Create(CultureInfo.InvariantCulture, $"{local.Day} {month} {year} BE")
            : string.Create(CultureInfo.InvariantCulture, $"{local.Day} {month} {year}");
    }

    /// <summary>A calendar date (already a Bangkok date: a date picked or typed, a register date) in the same words.</summary>
    public static string FormatDate(DateOnly date, bool english = false) =>
        // Midnight UTC of that date is 07:00 in Bangkok on the same date, so the instant overload reads it back unchanged.
        FormatDate(date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc), english);

    /// <summary>"25 พฤศจิกายน 2569 เวลา 16:30 น." or "25 November 2569 BE, 16:30".</summary>
    public static string FormatDateTime(DateTime utc, bool english = false)
    {
        var local = ToBangkok(utc);
        var time = local.ToString("HH:mm", CultureInfo.InvariantCulture);
        return english ? $"{FormatDate(utc, true)}, {time}" : $"{FormatDate(utc)} เวลา {time} น.";
    }

    private static DateTime EnsureUtc(DateTime value) => value.Kind switch
    {
        DateTimeKind.Utc => value,
        DateTimeKind.Local => value.ToUniversalTime(),
        // EF hands back Unspecified for values it stored as UTC.
        _ => DateTime.SpecifyKind(value, DateTimeKind.Utc),
    };
}
