using SmartCity.Portal.Organisations;
using SmartCity.Portal.Submissions;

namespace SmartCity.Portal.Dashboards;

/// <summary>Why a municipality counts as late; <see cref="None"/> when it does not.</summary>
public enum LateReason
{
    None,

    /// <summary>Its submission deadline has passed and it has not submitted (not started, draft or returned).</summary>
    NotSubmitted,

    /// <summary>The sweep lapsed it: treated as not taking part.</summary>
    Lapsed,

    /// <summary>Submitted, but still below DLA after the campaign's DLA deadline.</summary>
    NotAtDla,
}

/// <summary>
/// One municipality of the caller's jurisdiction in one campaign, whether or not it has started.
/// Dashboards count these rows and exports write them, so the figures and the lists cannot disagree.
/// </summary>
public sealed record TrackerRow
{
    public required int MunicipalityId { get; init; }

    public required string MunicipalityCode { get; init; }

    public required string MunicipalityNameTh { get; init; }

    public string? MunicipalityNameEn { get; init; }

    public MunicipalityClass? Class { get; init; }

    public required string ProvinceCode { get; init; }

    public required string ProvinceNameTh { get; init; }

    /// <summary>Set for every municipality (also นคร/เมือง, which report to the province directly).</summary>
    public string? DistrictCode { get; init; }

    public string? DistrictNameTh { get; init; }

    /// <summary>True when the municipality hangs under its district office (its report passes the district).</summary>
    public bool UnderDistrict { get; init; }

    public int? SubmissionId { get; init; }

    /// <summary>Null when the municipality has not started a report.</summary>
    public SubmissionState? State { get; init; }

    public int? HolderOrgUnitId { get; init; }

    public string? HolderNameTh { get; init; }

    public string? HolderNameEn { get; init; }

    public string? ReferenceNo { get; init; }

    public DateTime? SubmittedUtc { get; init; }

    /// <summary>The latest forward by any office (district to province, or province to DLA).</summary>
    public DateTime? ForwardedUtc { get; init; }

    /// <summary>When DLA recorded the arrival of the dispatch carrying the paper copy.</summary>
    public DateTime? DlaReceivedUtc { get; init; }

    public DateTime? PaperCopyReceivedUtc { get; init; }

    /// <summary>The province's receive number of the paper copy, "15/2567" (cancelled entries are not shown).</summary>
    public string? PaperReceiveNo { get; init; }

    /// <summary>The letter number of the latest dispatch that carried it, Thai digits as printed.</summary>
    public string? DispatchLetterNo { get; init; }

    /// <summary>The municipality's own submission deadline: its extension, or the earliest on its office path.</summary>
    public required DateTime DeadlineUtc { get; init; }

    public LateReason LateReason { get; init; }

    public bool IsLate => LateReason != LateReason.None;

    public DateTime? UpdatedUtc { get; init; }

    public bool IsDemo { get; init; }

    public bool IsSynthetic { get; init; }
}
