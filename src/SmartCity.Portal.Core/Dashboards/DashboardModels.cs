using SmartCity.Portal.Organisations;
using SmartCity.Portal.Submissions;

namespace SmartCity.Portal.Dashboards;

/// <summary>
/// Where a municipality stands on a dashboard: <see cref="NotStarted"/> when it has no report yet,
/// otherwise its report's <see cref="SubmissionState"/> (same names, same order after NotStarted).
/// </summary>
public enum TrackerStatus
{
    NotStarted,
    Draft,
    AtDistrict,
    AtProvince,
    AtDla,
    Returned,
    Accepted,
    Withdrawn,
    Lapsed,
}

public static class TrackerStatuses
{
    public static readonly IReadOnlyList<TrackerStatus> All = Enum.GetValues<TrackerStatus>();

    public static TrackerStatus Of(SubmissionState? state) => state switch
    {
        null => TrackerStatus.NotStarted,
        SubmissionState.Draft => TrackerStatus.Draft,
        SubmissionState.AtDistrict => TrackerStatus.AtDistrict,
        SubmissionState.AtProvince => TrackerStatus.AtProvince,
        SubmissionState.AtDla => TrackerStatus.AtDla,
        SubmissionState.Returned => TrackerStatus.Returned,
        SubmissionState.Accepted => TrackerStatus.Accepted,
        SubmissionState.Withdrawn => TrackerStatus.Withdrawn,
        SubmissionState.Lapsed => TrackerStatus.Lapsed,
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, null),
    };

    public static TrackerStatus Status(this TrackerRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return Of(row.State);
    }

    /// <summary>
    /// "Submitted" on the dashboards: the report is on its way up or has arrived (at the district, the
    /// province, DLA, or accepted). Returned reports are back with the municipality and do not count;
    /// nor do drafts, withdrawn or lapsed ones.
    /// </summary>
    public static bool IsSubmitted(TrackerStatus status) =>
        status is TrackerStatus.AtDistrict or TrackerStatus.AtProvince or TrackerStatus.AtDla or TrackerStatus.Accepted;

    /// <summary>"Forwarded to DLA": the report has reached DLA (waiting there, or accepted).</summary>
    public static bool IsAtDla(TrackerStatus status) => status is TrackerStatus.AtDla or TrackerStatus.Accepted;
}

/// <summary>How many municipalities stand in each status, how many are late, and how many there are.</summary>
public sealed class StatusCounts
{
    private readonly int[] counts = new int[TrackerStatuses.All.Count];

    public int Total { get; private set; }

    public int Late { get; private set; }

    /// <summary>Reports on their way up or arrived; see <see cref="TrackerStatuses.IsSubmitted"/>.</summary>
    public int Submitted { get; private set; }

    /// <summary>Reports that reached DLA (AtDla or Accepted).</summary>
    public int AtDla { get; private set; }

    public int this[TrackerStatus status] => counts[(int)status];

    /// <summary>
    /// Share of the submitted reports that have reached DLA, 0 to 1: (AtDla + Accepted) / (AtDistrict +
    /// AtProvince + AtDla + Accepted). Null when nothing has been submitted (no share to speak of).
    /// </summary>
    public double? ForwardedShare => Submitted == 0 ? null : (double)AtDla / Submitted;

    public static StatusCounts Of(IEnumerable<TrackerRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var result = new StatusCounts();
        foreach (var row in rows)
        {
            result.Add(row);
        }

        return result;
    }

    private void Add(TrackerRow row)
    {
        var status = row.Status();
        counts[(int)status]++;
        Total++;
        if (row.IsLate)
        {
            Late++;
        }

        if (TrackerStatuses.IsSubmitted(status))
        {
            Submitted++;
        }

        if (TrackerStatuses.IsAtDla(status))
        {
            AtDla++;
        }
    }
}

/// <summary>Which part of the caller's jurisdiction a dashboard shows: all of it, one province, or one district.</summary>
public sealed record DashboardScope(string? ProvinceCode = null, string? DistrictCode = null)
{
    public static readonly DashboardScope Whole = new();
}

public enum DashboardSort
{
    Name,
    District,
    Status,
    Updated,
    Deadline,
}

/// <summary>
/// One page request for the dashboard table. Every filter is optional; <see cref="DistrictCode"/> is a
/// district office code (the municipalities whose report passes that district) or
/// <see cref="DashboardFilter.DirectToProvince"/> for those that skip the district.
/// </summary>
public sealed record DashboardFilter
{
    /// <summary>The district "code" of municipalities that report to the province directly (นคร and เมือง by default).</summary>
    public const string DirectToProvince = "direct";

    public TrackerStatus? Status { get; init; }

    public string? DistrictCode { get; init; }

    public MunicipalityClass? Class { get; init; }

    /// <summary>True: only late ones; false: only those not late; null: both.</summary>
    public bool? Late { get; init; }

    /// <summary>Part of the Thai or English name, the municipality code or the report's reference number.</summary>
    public string? Search { get; init; }

    public DashboardSort Sort { get; init; } = DashboardSort.Name;

    public bool Descending { get; init; }

    /// <summary>1-based.</summary>
    public int Page { get; init; } = 1;

    public int PageSize { get; init; } = 25;
}

public sealed record DashboardPage(IReadOnlyList<TrackerRow> Items, int Total, int Page, int PageSize);

/// <summary>One row of a province's districts × statuses matrix; <see cref="DistrictCode"/> is <see cref="DashboardFilter.DirectToProvince"/> for the row of municipalities that skip the district.</summary>
public sealed record DistrictMatrixRow(string DistrictCode, string NameTh, string? NameEn, StatusCounts Counts);

/// <summary>One province on the DLA dashboard (every province office, also those without municipalities yet).</summary>
public sealed record ProvinceSummaryRow(string ProvinceCode, string NameTh, string? NameEn, StatusCounts Counts);

/// <summary>One Bangkok day of the "submissions over time" chart: running totals at the end of that day.</summary>
public sealed record TimelinePoint(DateOnly BangkokDay, int Submitted, int ReachedDla);

/// <summary>A deadline to mark on the chart and to count down to.</summary>
public sealed record DashboardDeadline(DashboardDeadlineKind Kind, DateTime DeadlineUtc);

public enum DashboardDeadlineKind
{
    /// <summary>Municipalities of the scope submit by this instant (the earliest deadline on the scope's office path).</summary>
    Submission,

    /// <summary>Provincial offices forward to DLA by this instant.</summary>
    Dla,
}

/// <summary>
/// Everything one dashboard shows, computed from one read of the tracker rows: the cards, the matrix,
/// the province table and the table pages are all counts of <see cref="Rows"/>, so they agree.
/// </summary>
public sealed class DashboardSnapshot
{
    public required int CampaignId { get; init; }

    public required string CampaignTitle { get; init; }

    public required DashboardScope Scope { get; init; }

    /// <summary>The office the scope names (the caller's own office when the scope is whole).</summary>
    public required string ScopeNameTh { get; init; }

    public string? ScopeNameEn { get; init; }

    public string? ScopeProvinceNameTh { get; init; }

    /// <summary>The rows of the scope, in no particular order; page them with <see cref="DashboardService.Query"/>.</summary>
    public required IReadOnlyList<TrackerRow> Rows { get; init; }

    public required StatusCounts Counts { get; init; }

    /// <summary>Districts × statuses when the scope is one province; empty otherwise.</summary>
    public required IReadOnlyList<DistrictMatrixRow> Matrix { get; init; }

    /// <summary>One row per province when the scope is the whole country (DLA, admin); empty otherwise.</summary>
    public required IReadOnlyList<ProvinceSummaryRow> Provinces { get; init; }

    public required IReadOnlyList<TimelinePoint> Timeline { get; init; }

    /// <summary>The scope's submission deadline first, then the DLA deadline.</summary>
    public required IReadOnlyList<DashboardDeadline> Deadlines { get; init; }

    public required DateTime LoadedUtc { get; init; }

    public DateTime SubmissionDeadlineUtc => Deadlines.First(d => d.Kind == DashboardDeadlineKind.Submission).DeadlineUtc;

    public DateTime DlaDeadlineUtc => Deadlines.First(d => d.Kind == DashboardDeadlineKind.Dla).DeadlineUtc;
}
