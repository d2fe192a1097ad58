using System.Globalization;

namespace SmartCity.Portal.Web.Features.Reports;

/// <summary>The export endpoints' addresses, for pages that place an <c>ExportButton</c>.</summary>
public static class ExportLinks
{
    public static string Tracker(int campaignId) =>
        string.Create(CultureInfo.InvariantCulture, $"/api/v1/exports/tracker.xlsx?campaignId={campaignId}");

    public static string ReceiveRegister(int buddhistYear) =>
        string.Create(CultureInfo.InvariantCulture, $"/api/v1/exports/receive-register.xlsx?year={buddhistYear}");

    public static string Dispatches(int? campaignId) => campaignId is { } id
        ? string.Create(CultureInfo.InvariantCulture, $"/api/v1/exports/dispatches.xlsx?campaignId={id}")
        : "/api/v1/exports/dispatches.xlsx";
}
