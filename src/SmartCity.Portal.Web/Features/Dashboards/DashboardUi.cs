using Microsoft.Extensions.Localization;
using MudBlazor;
using SmartCity.Portal.Dashboards;
using SmartCity.Portal.Security;

namespace SmartCity.Portal.Web.Features.Dashboards;

/// <summary>The words and colours the dashboards use for statuses and deadlines, in one place.</summary>
public static class DashboardUi
{
    /// <summary>The dashboard of an office tier; null for municipalities and administrators (they have none).</summary>
    public static string? PathFor(Tier tier) => tier switch
    {
        Tier.District => "/district/dashboard",
        Tier.Province => "/province/dashboard",
        Tier.Dla => "/dla/dashboard",
        _ => null,
    };

    /// <summary>
    /// "สำนักงานส่งเสริมการปกครองท้องถิ่นอำเภอเมืองกระบี่" → "อำเภอเมืองกระบี่": in a matrix of districts
    /// the office prefix repeats on every row and pushes the numbers off a phone screen.
    /// </summary>
    public static string ShortOfficeName(string nameTh)
    {
        ArgumentNullException.ThrowIfNull(nameTh);
        const string prefix = "สำนักงานส่งเสริมการปกครองท้องถิ่น";
        return nameTh.StartsWith(prefix, StringComparison.Ordinal) && nameTh.Length > prefix.Length ? nameTh[prefix.Length..] : nameTh;
    }

    public static string StatusText(this IStringLocalizer l, TrackerStatus status)
    {
        ArgumentNullException.ThrowIfNull(l);
        return status == TrackerStatus.NotStarted ? l["Dashboard.Status.NotStarted"] : l["State." + status];
    }

    public static Color StatusColor(TrackerStatus status) => status switch
    {
        TrackerStatus.NotStarted => Color.Default,
        TrackerStatus.Draft => Color.Secondary,
        TrackerStatus.AtDistrict or TrackerStatus.AtProvince => Color.Info,
        TrackerStatus.AtDla => Color.Primary,
        TrackerStatus.Accepted => Color.Success,
        TrackerStatus.Returned => Color.Warning,
        TrackerStatus.Withdrawn or TrackerStatus.Lapsed => Color.Dark,
        _ => Color.Default,
    };

    /// <summary>"เหลืออีก 3 วัน 4 ชั่วโมง", "เหลืออีก 5 ชั่วโมง 10 นาที" on the last day, "เลยกำหนดมาแล้ว 1 วัน 2 ชั่วโมง" after it.</summary>
    public static string Countdown(this IStringLocalizer l, DateTime deadlineUtc, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(l);
        var left = deadlineUtc - nowUtc;
        if (left <= TimeSpan.Zero)
        {
            var over = -left;
            return l["Dashboard.Overdue", (int)over.TotalDays, over.Hours];
        }

        return left.TotalDays >= 1
            ? l["Dashboard.Countdown", (int)left.TotalDays, left.Hours]
            : l["Dashboard.CountdownHours", left.Hours, left.Minutes];
    }
}
