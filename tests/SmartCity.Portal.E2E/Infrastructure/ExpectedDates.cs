using System.Globalization;

namespace SmartCity.Portal.E2E.Infrastructure;

/// <summary>
/// The date the header should show, worked out here rather than with the portal's own
/// formatter: Bangkok is UTC+7 all year, years are Buddhist era (+543).
/// </summary>
public static class ExpectedDates
{
    private static readonly string[] ThaiMonths =
    [
        "มกราคม", "กุมภาพันธ์", "มีนาคม", "เมษายน", "พฤษภาคม", "มิถุนายน",
        "กรกฎาคม", "สิงหาคม", "กันยายน", "ตุลาคม", "พฤศจิกายน", "ธันวาคม",
    ];

    private static readonly string[] EnglishMonths =
    [
        "January", "February", "March", "April", "May", "June",
        "July", "August", "September", "October", "November", "December",
    ];

    /// <summary>"25 พฤศจิกายน 2569".</summary>
    public static string Thai(DateTimeOffset now)
    {
        var bangkok = now.ToOffset(TimeSpan.FromHours(7));
        return string.Create(CultureInfo.InvariantCulture, $"{bangkok.Day} {ThaiMonths[bangkok.Month - 1]} {bangkok.Year + 543}");
    }

    /// <summary>"25 November 2569 BE".</summary>
    public static string English(DateTimeOffset now)
    {
        var bangkok = now.ToOffset(TimeSpan.FromHours(7));
        return string.Create(CultureInfo.InvariantCulture, $"{bangkok.Day} {EnglishMonths[bangkok.Month - 1]} {bangkok.Year + 543} BE");
    }
}
