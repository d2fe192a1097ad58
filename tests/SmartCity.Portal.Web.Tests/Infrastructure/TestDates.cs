using System.Globalization;
using SmartCity.Portal.Common;

namespace SmartCity.Portal.Web.Tests.Infrastructure;

/// <summary>
/// Dates the tests send to a host running on the real clock, relative to today in Bangkok: a fixed date would
/// fall out of the register window (decision 0019) and into another Buddhist year as the calendar moves on.
/// </summary>
public static class TestDates
{
    public static DateOnly BangkokToday => ThaiTime.Today(TimeProvider.System);

    /// <summary>A day this many days before today in Bangkok, as the API takes it (yyyy-MM-dd).</summary>
    public static string DaysAgo(int days) => Iso(BangkokToday.AddDays(-days));

    public static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The Buddhist-era year of an ISO date, as register numbers end ("/2569").</summary>
    public static int BuddhistYear(string isoDate) =>
        DateOnly.ParseExact(isoDate, "yyyy-MM-dd", CultureInfo.InvariantCulture).Year + ThaiTime.BuddhistEraOffset;
}
