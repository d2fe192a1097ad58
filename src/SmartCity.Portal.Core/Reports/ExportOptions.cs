namespace SmartCity.Portal.Reports;

/// <summary>Settings of the Excel exports (section <c>Reports</c>).</summary>
public sealed class ExportOptions
{
    public const string Section = "Reports";

    /// <summary>
    /// How many workbooks may be built at once. ClosedXML holds a whole workbook in memory (tens of
    /// MB for the national tracker), so a burst of downloads queues here instead of adding up.
    /// </summary>
    public int MaxConcurrentExports { get; set; } = 2;

    /// <summary>How long a request waits for its turn before it is told to try again (HTTP 503).</summary>
    public int QueueTimeoutSeconds { get; set; } = 60;
}
