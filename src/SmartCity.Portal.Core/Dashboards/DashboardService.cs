using System.Globalization;
using System.Security.Claims;
using System.Text;
using Microsoft.EntityFrameworkCore;
using SmartCity.Portal.Campaigns;
using SmartCity.Portal.Common;
using SmartCity.Portal.Data;
using SmartCity.Portal.Organisations;
using SmartCity.Portal.Security;
using SmartCity.Portal.Submissions;
using SmartCity.Portal.Submissions.Workflow;

namespace SmartCity.Portal.Dashboards;

/// <summary>
/// The tier dashboards. Every figure is a count of the <see cref="TrackerService"/> rows of one load, so
/// the cards, the province matrix, the DLA province table and the table pages cannot disagree with each
/// other or with the tracker export (docs/decisions/0009). Authorization: the tracker refuses
/// municipalities (403); a drill-down target outside the caller's subtree does not exist for it (404).
/// </summary>
public sealed class DashboardService(TrackerService tracker, IDbContextFactory<PortalDbContext> dbFactory, TimeProvider clock)
{
    public const int MaxPageSize = 200;

    private static readonly string SubmitAction = WorkflowActions.Name(WorkflowAction.Submit);
    private static readonly string AtDlaState = nameof(SubmissionState.AtDla);

    // Thai dictionary order (leading vowels เ แ โ ใ ไ are skipped when ordering), not code-point order.
    private static readonly StringComparer ThaiNames = StringComparer.Create(CultureInfo.GetCultureInfo("th-TH"), ignoreCase: true);

    /// <summary>
    /// Reads the rows of the scope once and computes everything the dashboard shows from them. The
    /// scope is the caller's whole jurisdiction, or a province or district office inside it (drill-down).
    /// </summary>
    public async Task<DashboardSnapshot> LoadAsync(ClaimsPrincipal user, int campaignId, DashboardScope? scope = null, CancellationToken cancellationToken = default)
    {
        var actor = PortalActor.From(user);
        if (actor.Tier is not (Tier.District or Tier.Province or Tier.Dla or Tier.Admin))
        {
            throw new PortalAccessDeniedException(TrackerMessages.NotForMunicipality);
        }

        scope = Normalise(scope);
        OrgUnit office;
        Campaign campaign;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            campaign = await db.Campaigns.AsNoTracking().SingleOrDefaultAsync(c => c.Id == campaignId, cancellationToken) ?? throw new PortalNotFoundException(WorkflowMessages.CampaignNotFound);
            if (campaign.State == CampaignState.Draft && actor.Tier is not (Tier.Dla or Tier.Admin))
            {
                throw new PortalNotFoundException(WorkflowMessages.CampaignNotFound);
            }

            office = await ScopeOfficeAsync(db, actor, scope, cancellationToken);
        }

        var all = await tracker.RowsAsync(user, campaignId, cancellationToken);
        var rows = office.Kind switch
        {
            OrgUnitKind.DistrictOffice => all.Where(r => r.UnderDistrict && r.DistrictCode == office.Code).ToList(),
            OrgUnitKind.ProvinceOffice => all.Where(r => r.ProvinceCode == office.Code).ToList(),
            _ => all,
        };

        await using var db2 = await dbFactory.CreateDbContextAsync(cancellationToken);
        var submissionDeadline = await Deadlines.EffectiveForPathAsync(db2, campaign, office.Path, cancellationToken);
        var matrix = office.Kind == OrgUnitKind.ProvinceOffice ? await MatrixAsync(db2, office, rows, cancellationToken) : [];
        var provinces = office.Kind is OrgUnitKind.Department or OrgUnitKind.Division ? await ProvincesAsync(db2, office, rows, cancellationToken) : [];
        var timeline = await TimelineAsync(db2, campaignId, office.Path, rows, cancellationToken);
        string? provinceName = null;
        if (office.Kind == OrgUnitKind.DistrictOffice)
        {
            provinceName = await db2.OrgUnits.AsNoTracking()
                .Where(o => o.Kind == OrgUnitKind.ProvinceOffice && o.Code == office.ProvinceCode)
                .Select(o => o.NameTh).FirstOrDefaultAsync(cancellationToken);
        }

        return new DashboardSnapshot
        {
            CampaignId = campaign.Id,
            CampaignTitle = campaign.Title,
            Scope = scope,
            ScopeNameTh = office.NameTh,
            ScopeNameEn = office.NameEn,
            ScopeProvinceNameTh = provinceName,
            Rows = rows,
            Counts = StatusCounts.Of(rows),
            Matrix = matrix,
            Provinces = provinces,
            Timeline = timeline,
            Deadlines = [new(DashboardDeadlineKind.Submission, submissionDeadline), new(DashboardDeadlineKind.Dla, campaign.DlaDeadlineUtc)],
            LoadedUtc = clock.GetUtcNow().UtcDateTime,
        };
    }

    /// <summary>
    /// One page of the dashboard table: filtered, sorted (ties broken by code, so pages never overlap)
    /// and cut. The total is the number of rows that pass the filter, before paging.
    /// </summary>
    public static DashboardPage Query(IReadOnlyList<TrackerRow> rows, DashboardFilter filter)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(filter);
        var pageSize = Math.Clamp(filter.PageSize, 1, MaxPageSize);
        var page = Math.Max(filter.Page, 1);
        var needle = SearchKey(filter.Search);

        var matches = rows.Where(r =>
            (filter.Status is not { } status || r.Status() == status)
            && (filter.Class is not { } cls || r.Class == cls)
            && (filter.Late is not { } late || r.IsLate == late)
            && (string.IsNullOrWhiteSpace(filter.DistrictCode) || InDistrict(r, filter.DistrictCode.Trim()))
            && (needle.Length == 0 || Matches(r, needle)));

        var ordered = Sort(matches, filter.Sort, filter.Descending).ToList();
        var items = ordered.Skip((page - 1) * pageSize).Take(pageSize).ToList();
        return new DashboardPage(items, ordered.Count, page, pageSize);
    }

    /// <summary>
    /// Text as people type it, made comparable: trimmed, and compatibility-normalised (NFKC), which also
    /// makes canonically equivalent (e.g. decomposed, NFD) input equal and folds the common Thai typing
    /// of SARA AM (ำ) as NIKHAHIT + SARA AA (ํา) into one form.
    /// </summary>
    public static string SearchKey(string? text) =>
        string.IsNullOrWhiteSpace(text) ? string.Empty : text.Trim().Normalize(NormalizationForm.FormKC);

    private static bool Matches(TrackerRow r, string needle) =>
        Contains(r.MunicipalityNameTh, needle) || Contains(r.MunicipalityNameEn, needle)
        || Contains(r.MunicipalityCode, needle) || Contains(r.ReferenceNo, needle);

    private static bool Contains(string? haystack, string needle) =>
        haystack is not null && SearchKey(haystack).Contains(needle, StringComparison.OrdinalIgnoreCase);

    /// <summary>A district's municipalities are those whose report passes it (the tracker's UnderDistrict), as on the district's own dashboard.</summary>
    private static bool InDistrict(TrackerRow r, string districtCode) =>
        districtCode == DashboardFilter.DirectToProvince ? !r.UnderDistrict : r.UnderDistrict && r.DistrictCode == districtCode;

    private static IEnumerable<TrackerRow> Sort(IEnumerable<TrackerRow> rows, DashboardSort sort, bool descending)
    {
        IOrderedEnumerable<TrackerRow> ordered = sort switch
        {
            DashboardSort.District => By(rows, r => r.DistrictNameTh ?? string.Empty, ThaiNames, descending),
            DashboardSort.Status => By(rows, r => (int)r.Status(), Comparer<int>.Default, descending),
            DashboardSort.Updated => By(rows, r => r.UpdatedUtc ?? DateTime.MinValue, Comparer<DateTime>.Default, descending),
            DashboardSort.Deadline => By(rows, r => r.DeadlineUtc, Comparer<DateTime>.Default, descending),
            _ => By(rows, r => r.MunicipalityNameTh, ThaiNames, descending),
        };
        if (sort != DashboardSort.Name)
        {
            ordered = ordered.ThenBy(r => r.MunicipalityNameTh, ThaiNames);
        }

        return ordered.ThenBy(r => r.MunicipalityCode, StringComparer.Ordinal);
    }

    private static IOrderedEnumerable<TrackerRow> By<TKey>(IEnumerable<TrackerRow> rows, Func<TrackerRow, TKey> key, IComparer<TKey> comparer, bool descending) =>
        descending ? rows.OrderByDescending(key, comparer) : rows.OrderBy(key, comparer);

    private static DashboardScope Normalise(DashboardScope? scope)
    {
        static string? Clean(string? code) => string.IsNullOrWhiteSpace(code) ? null : code.Trim();
        return scope is null ? DashboardScope.Whole : new DashboardScope(Clean(scope.ProvinceCode), Clean(scope.DistrictCode));
    }

    /// <summary>
    /// The office a scope names, checked against the caller's jurisdiction: a province or district outside
    /// it, or a district that is not in the named province, is "not found" (404), as everywhere else.
    /// </summary>
    private static async Task<OrgUnit> ScopeOfficeAsync(PortalDbContext db, PortalActor actor, DashboardScope scope, CancellationToken cancellationToken)
    {
        OrgUnit? office;
        if (scope.DistrictCode is { } district)
        {
            office = await db.OrgUnits.AsNoTracking().SingleOrDefaultAsync(o => o.Kind == OrgUnitKind.DistrictOffice && o.Code == district, cancellationToken);
            if (office is not null && scope.ProvinceCode is { } province && office.ProvinceCode != province)
            {
                office = null;
            }
        }
        else if (scope.ProvinceCode is { } province)
        {
            office = await db.OrgUnits.AsNoTracking().SingleOrDefaultAsync(o => o.Kind == OrgUnitKind.ProvinceOffice && o.Code == province, cancellationToken);
        }
        else
        {
            office = await db.OrgUnits.AsNoTracking().SingleOrDefaultAsync(o => o.Id == actor.OrgUnitId, cancellationToken);
        }

        return office is not null && actor.Covers(office.Path) ? office : throw new PortalNotFoundException(PortalErrors.OrgUnitNotFound);
    }

    /// <summary>Every district office of the province (also those without municipalities), then the row of those that skip the district.</summary>
    private static async Task<IReadOnlyList<DistrictMatrixRow>> MatrixAsync(PortalDbContext db, OrgUnit province, IReadOnlyList<TrackerRow> rows, CancellationToken cancellationToken)
    {
        var districts = await db.OrgUnits.AsNoTracking()
            .Where(o => o.Kind == OrgUnitKind.DistrictOffice && o.Path.StartsWith(province.Path))
            .OrderBy(o => o.Code)
            .Select(o => new { o.Code, o.NameTh, o.NameEn })
            .ToListAsync(cancellationToken);
        var byDistrict = rows.Where(r => r.UnderDistrict).ToLookup(r => r.DistrictCode ?? string.Empty, StringComparer.Ordinal);
        var result = districts.Select(d => new DistrictMatrixRow(d.Code, d.NameTh, d.NameEn, StatusCounts.Of(byDistrict[d.Code]))).ToList();
        result.Add(new DistrictMatrixRow(DashboardFilter.DirectToProvince, "ส่งตรงจังหวัด", "Direct to the province", StatusCounts.Of(rows.Where(r => !r.UnderDistrict))));
        return result;
    }

    private static async Task<IReadOnlyList<ProvinceSummaryRow>> ProvincesAsync(PortalDbContext db, OrgUnit root, IReadOnlyList<TrackerRow> rows, CancellationToken cancellationToken)
    {
        var provinces = await db.OrgUnits.AsNoTracking()
            .Where(o => o.Kind == OrgUnitKind.ProvinceOffice && o.Path.StartsWith(root.Path))
            .OrderBy(o => o.Code)
            .Select(o => new { o.Code, o.NameTh, o.NameEn })
            .ToListAsync(cancellationToken);
        var byProvince = rows.ToLookup(r => r.ProvinceCode, StringComparer.Ordinal);
        return provinces.Select(p => new ProvinceSummaryRow(p.Code, p.NameTh, p.NameEn, StatusCounts.Of(byProvince[p.Code]))).ToList();
    }

    /// <summary>
    /// Running totals per Bangkok day: reports submitted for the first time (the first "submit" event;
    /// the report's SubmittedUtc when it has no such event) and reports that first reached DLA. One
    /// grouped query over the audit events of the scope, not one per report.
    /// </summary>
    private async Task<IReadOnlyList<TimelinePoint>> TimelineAsync(PortalDbContext db, int campaignId, string scopePath, IReadOnlyList<TrackerRow> rows, CancellationToken cancellationToken)
    {
        var firsts = await db.WorkflowEvents.AsNoTracking()
            .Where(e => (e.Action == SubmitAction || e.ToState == AtDlaState)
                && db.Submissions.Any(s => s.Id == e.SubmissionId && s.CampaignId == campaignId && s.Municipality!.Path.StartsWith(scopePath)))
            .GroupBy(e => e.SubmissionId)
            .Select(g => new
            {
                SubmissionId = g.Key,
                Submitted = g.Min(e => e.Action == SubmitAction ? (DateTime?)e.OccurredUtc : null),
                AtDla = g.Min(e => e.ToState == AtDlaState ? (DateTime?)e.OccurredUtc : null),
            })
            .ToDictionaryAsync(x => x.SubmissionId, cancellationToken);

        var submittedDays = new List<DateOnly>();
        var atDlaDays = new List<DateOnly>();
        foreach (var row in rows)
        {
            if (row.SubmissionId is not { } id)
            {
                continue;
            }

            firsts.TryGetValue(id, out var first);
            if ((first?.Submitted ?? row.SubmittedUtc) is { } submitted)
            {
                submittedDays.Add(BangkokDay(submitted));
            }

            var status = row.Status();
            if ((first?.AtDla ?? (TrackerStatuses.IsAtDla(status) ? row.DlaReceivedUtc ?? row.ForwardedUtc ?? row.UpdatedUtc : null)) is { } atDla)
            {
                atDlaDays.Add(BangkokDay(atDla));
            }
        }

        var today = BangkokDay(clock.GetUtcNow().UtcDateTime);
        if (submittedDays.Count == 0 && atDlaDays.Count == 0)
        {
            return [new TimelinePoint(today, 0, 0)];
        }

        var first0 = submittedDays.Concat(atDlaDays).Min();
        var last = submittedDays.Concat(atDlaDays).Append(today).Max();
        var submittedPerDay = submittedDays.CountBy(d => d).ToDictionary();
        var atDlaPerDay = atDlaDays.CountBy(d => d).ToDictionary();
        var points = new List<TimelinePoint>();
        int runningSubmitted = 0, runningAtDla = 0;
        for (var day = first0; day <= last; day = day.AddDays(1))
        {
            runningSubmitted += submittedPerDay.GetValueOrDefault(day);
            runningAtDla += atDlaPerDay.GetValueOrDefault(day);
            points.Add(new TimelinePoint(day, runningSubmitted, runningAtDla));
        }

        return points;
    }

    private static DateOnly BangkokDay(DateTime utc) => DateOnly.FromDateTime(ThaiTime.ToBangkok(utc));
}
