using SmartCity.Portal.Dashboards;

namespace SmartCity.Portal.Web.Features.Dashboards;

/// <summary>A click on a matrix cell: list that district's municipalities in that status (or the late ones, or all).</summary>
public sealed record MatrixPick(string DistrictCode, TrackerStatus? Status, bool Late);
