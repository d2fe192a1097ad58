using System.Diagnostics;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using SmartCity.Portal.Campaigns;
using SmartCity.Portal.Core.Tests.Infrastructure;
using SmartCity.Portal.Dashboards;
using SmartCity.Portal.Data;
using SmartCity.Portal.Organisations;
using SmartCity.Portal.Security;
using SmartCity.Portal.Submissions;
using Xunit.Abstractions;

namespace SmartCity.Portal.Core.Tests.Dashboards;

/// <summary>The demo database plus the synthetic national data set (about 2,500 municipalities, 20k events), seeded once for the class.</summary>
public sealed class DashboardNationalDatabase : SqliteTestDatabase
{
    public static readonly DateTimeOffset SeededAt = new(2026, 11, 25, 3, 0, 0, TimeSpan.Zero);

    public int CampaignId { get; private set; }

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        var clock = new FakeTimeProvider(SeededAt);
        await using (var db = CreateContext())
        {
            await OrgTreeSeeder.SeedAsync(db);
            await DemoOrganisations.SeedAsync(db);
            CampaignId = (await DemoCampaign.SeedAsync(db, clock)).Id;
        }

        await SyntheticNationalData.SeedAsync(Factory, clock);
    }

    /// <summary>The identity the web app builds for an officer of this office (no account needed: the service reads only claims).</summary>
    public async Task<ClaimsPrincipal> OfficerAsync(string officeCode, string role)
    {
        await using var db = CreateContext();
        var office = await db.OrgUnits.SingleAsync(o => o.Code == officeCode && o.Kind != OrgUnitKind.Municipality);
        var membership = new ActiveMembership("user-" + officeCode, "officer-" + officeCode, "เจ้าหน้าที่ทดสอบ", role, office.Id, office.Path, 1);
        return new ClaimsPrincipal(new ClaimsIdentity(ActiveMembershipResolver.ToClaims(membership), "test"));
    }
}

/// <summary>
/// Dashboard figures against counts written independently here, straight over OrgUnits and Submissions
/// (not through the tracker), at national scale.
/// </summary>
public sealed class DashboardNationalTests(DashboardNationalDatabase database, ITestOutputHelper output) : IClassFixture<DashboardNationalDatabase>
{
    // Far past every deadline of the demo round, so that "late" has one independent definition below.
    private static readonly DateTimeOffset AfterEveryDeadline = DashboardNationalDatabase.SeededAt.AddDays(400);

    private sealed record Cell(string? ProvinceCode, string ParentCode, OrgUnitKind ParentKind, SubmissionState? State, int Count);

    [Fact]
    public async Task Dashboard_figures_equal_a_direct_count_of_the_database_for_each_tier_at_national_scale()
    {
        var cells = await DirectCountsAsync();
        var service = Service();

        // DLA: one row per province office (all 76), every status column, totals, submitted, share and late.
        var dlaUser = await database.OfficerAsync("DLA-LAD", PortalRoles.DlaOfficer);
        var dla = await Timed("DLA", () => service.LoadAsync(dlaUser, database.CampaignId));
        Assert.InRange(dla.Rows.Count, 2_400, 2_600);
        Assert.Equal(76, dla.Provinces.Count);
        AssertCounts(cells, dla.Counts, "DLA cards");
        foreach (var row in dla.Provinces)
        {
            AssertCounts(cells.Where(c => c.ProvinceCode == row.ProvinceCode), row.Counts, "DLA row " + row.ProvinceCode);
        }

        // A province: the cards, and districts × statuses with the row of municipalities that skip the district.
        var provinceCode = cells.Where(c => c.ParentKind == OrgUnitKind.ProvinceOffice && c.ProvinceCode != DemoOrganisations.ProvinceCode)
            .GroupBy(c => c.ProvinceCode!).MaxBy(g => g.Sum(c => c.Count))!.Key;
        var provinceUser = await database.OfficerAsync(provinceCode, PortalRoles.ProvinceOfficer);
        var province = await Timed("province " + provinceCode, () => service.LoadAsync(provinceUser, database.CampaignId));
        var inProvince = cells.Where(c => c.ProvinceCode == provinceCode).ToList();
        AssertCounts(inProvince, province.Counts, "province cards");
        var districtOffices = await DistrictCodesAsync(provinceCode);
        Assert.Equal([.. districtOffices, DashboardFilter.DirectToProvince], province.Matrix.Select(r => r.DistrictCode));
        foreach (var row in province.Matrix)
        {
            var expected = row.DistrictCode == DashboardFilter.DirectToProvince
                ? inProvince.Where(c => c.ParentKind == OrgUnitKind.ProvinceOffice)
                : inProvince.Where(c => c.ParentKind == OrgUnitKind.DistrictOffice && c.ParentCode == row.DistrictCode);
            AssertCounts(expected, row.Counts, "matrix " + row.DistrictCode);
        }

        Assert.Equal(province.Counts.Total, province.Matrix.Sum(r => r.Counts.Total));
        Assert.All(TrackerStatuses.All, s => Assert.Equal(province.Counts[s], province.Matrix.Sum(r => r.Counts[s])));

        // A district: every municipality whose report passes it, started or not (the largest district that has both).
        var districtCode = cells.Where(c => c.ParentKind == OrgUnitKind.DistrictOffice).GroupBy(c => c.ParentCode)
            .Where(g => g.Any(c => c.State is null) && g.Any(c => c.State is not null)).MaxBy(g => g.Sum(c => c.Count))!.Key;
        var districtUser = await database.OfficerAsync(districtCode, PortalRoles.DistrictOfficer);
        var district = await Timed("district " + districtCode, () => service.LoadAsync(districtUser, database.CampaignId));
        AssertCounts(cells.Where(c => c.ParentKind == OrgUnitKind.DistrictOffice && c.ParentCode == districtCode), district.Counts, "district cards");
        Assert.InRange(district.Counts[TrackerStatus.NotStarted], 1, district.Counts.Total - 1);

        // The table's totals agree with the cards it is filtered from.
        foreach (var status in TrackerStatuses.All)
        {
            Assert.Equal(dla.Counts[status], DashboardService.Query(dla.Rows, new DashboardFilter { Status = status, PageSize = 1 }).Total);
        }

        Assert.Equal(dla.Counts.Late, DashboardService.Query(dla.Rows, new DashboardFilter { Late = true, PageSize = 1 }).Total);
    }

    [Fact]
    public async Task The_timeline_ends_at_a_direct_count_of_first_submissions_and_arrivals_at_DLA()
    {
        var dla = await Service().LoadAsync(await database.OfficerAsync("DLA-LAD", PortalRoles.DlaOfficer), database.CampaignId);

        await using var db = database.CreateContext();
        var submitted = await db.WorkflowEvents.Where(e => e.Action == "submit").Select(e => e.SubmissionId).Distinct().CountAsync();
        var reachedDla = await db.WorkflowEvents.Where(e => e.ToState == "AtDla").Select(e => e.SubmissionId).Distinct().CountAsync();
        var last = dla.Timeline[^1];
        Assert.Equal(submitted, last.Submitted);
        Assert.Equal(reachedDla, last.ReachedDla);
        Assert.True(dla.Timeline.Count > 30, "the national set spreads its events over weeks");
        // Running totals never go down.
        Assert.All(dla.Timeline.Zip(dla.Timeline.Skip(1)), p => Assert.True(p.First.Submitted <= p.Second.Submitted && p.First.ReachedDla <= p.Second.ReachedDla));
    }

    private DashboardService Service()
    {
        var clock = new FakeTimeProvider(AfterEveryDeadline);
        return new DashboardService(new TrackerService(database.Factory, clock), database.Factory, clock);
    }

    private async Task<DashboardSnapshot> Timed(string what, Func<Task<DashboardSnapshot>> load)
    {
        await load(); // warm up: the first query of a context pays for EF's model and query compilation
        var watch = Stopwatch.StartNew();
        var snapshot = await load();
        output.WriteLine($"{what}: {snapshot.Rows.Count} rows loaded in {watch.ElapsedMilliseconds} ms");
        return snapshot;
    }

    /// <summary>Every municipality of the database with its parent office and its report's state in the demo round: one grouped query.</summary>
    private async Task<List<Cell>> DirectCountsAsync()
    {
        await using var db = database.CreateContext();
        var campaignId = database.CampaignId;
        var grouped = await (
                from m in db.OrgUnits
                where m.Kind == OrgUnitKind.Municipality
                join s in db.Submissions.Where(s => s.CampaignId == campaignId) on m.Id equals s.MunicipalityId into reports
                from s in reports.DefaultIfEmpty()
                group m by new { m.ProvinceCode, ParentCode = m.Parent!.Code, ParentKind = m.Parent.Kind, State = (SubmissionState?)s!.State } into g
                select new { g.Key.ProvinceCode, g.Key.ParentCode, g.Key.ParentKind, g.Key.State, Count = g.Count() })
            .ToListAsync();
        return grouped.Select(g => new Cell(g.ProvinceCode, g.ParentCode, g.ParentKind, g.State, g.Count)).ToList();
    }

    private async Task<List<string>> DistrictCodesAsync(string provinceCode)
    {
        await using var db = database.CreateContext();
        return await db.OrgUnits.Where(o => o.Kind == OrgUnitKind.DistrictOffice && o.ProvinceCode == provinceCode).OrderBy(o => o.Code).Select(o => o.Code).ToListAsync();
    }

    /// <summary>
    /// The expected figures, by the rules stated plainly: after every deadline, a municipality is late
    /// unless its report reached DLA or was withdrawn; submitted means on its way up or arrived.
    /// </summary>
    private static void AssertCounts(IEnumerable<Cell> cells, StatusCounts actual, string where)
    {
        var list = cells.ToList();
        int Count(Func<SubmissionState?, bool> predicate) => list.Where(c => predicate(c.State)).Sum(c => c.Count);

        List<string> expected =
        [
            $"{where} total {Count(_ => true)}",
            .. TrackerStatuses.All.Select(t => $"{where} {t} {Count(s => TrackerStatuses.Of(s) == t)}"),
            $"{where} submitted {Count(s => s is SubmissionState.AtDistrict or SubmissionState.AtProvince or SubmissionState.AtDla or SubmissionState.Accepted)}",
            $"{where} at DLA {Count(s => s is SubmissionState.AtDla or SubmissionState.Accepted)}",
            $"{where} late {Count(s => s is not (SubmissionState.AtDla or SubmissionState.Accepted or SubmissionState.Withdrawn))}",
        ];
        List<string> figures =
        [
            $"{where} total {actual.Total}",
            .. TrackerStatuses.All.Select(t => $"{where} {t} {actual[t]}"),
            $"{where} submitted {actual.Submitted}",
            $"{where} at DLA {actual.AtDla}",
            $"{where} late {actual.Late}",
        ];
        Assert.Equal(expected, figures);
    }
}
