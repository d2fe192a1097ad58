using System.Text;
using SmartCity.Portal.Common;
using SmartCity.Portal.Core.Tests.Infrastructure;
using SmartCity.Portal.Core.Tests.Submissions;
using SmartCity.Portal.Dashboards;
using SmartCity.Portal.Organisations;
using SmartCity.Portal.Submissions;
using SmartCity.Portal.Submissions.Workflow;
using static SmartCity.Portal.Core.Tests.Submissions.WorkflowTestKit;

namespace SmartCity.Portal.Core.Tests.Dashboards;

/// <summary>
/// Krabi's demo municipalities in one round: 810116 (ตำบล, via district 8101) submitted and forwarded to
/// the province, 810101 (เมือง, straight to the province) submitted, 810103 in draft, the other five not started.
/// </summary>
public sealed class DashboardFixture : IAsyncLifetime
{
    private IsolatedDemoDatabase? isolated;

    public DemoDatabase Database => isolated!.Database;

    public int CampaignId { get; private set; }

    public string AoNangReference { get; private set; } = "";

    public async Task InitializeAsync()
    {
        isolated = await IsolatedDemoDatabase.CreateAsync();
        await AddForeignProvinceAsync(Database);
        CampaignId = await AddCampaignAsync(Database);
        var clock = ClockAt(Early);
        var service = WorkflowTestKit.Service(Database, clock);

        var aoNang = await FilledDraftAsync(service, await Database.SignInAsync("muni-810116"), CampaignId);
        await ActAsync(service, await Database.SignInAsync("muni-810116"), aoNang.Id, WorkflowAction.Submit);
        clock.Advance(TimeSpan.FromDays(1));
        await ActAsync(service, await Database.SignInAsync("district-8101"), aoNang.Id, WorkflowAction.Forward);
        AoNangReference = (await service.GetAsync(await Database.SignInAsync("province-81"), aoNang.Id)).ReferenceNo!;

        clock.Advance(TimeSpan.FromDays(1));
        var town = await FilledDraftAsync(service, await Database.SignInAsync("muni-810101"), CampaignId);
        await ActAsync(service, await Database.SignInAsync("muni-810101"), town.Id, WorkflowAction.Submit);
        await FilledDraftAsync(service, await Database.SignInAsync("muni-810103"), CampaignId);
    }

    public async Task DisposeAsync()
    {
        if (isolated is not null)
        {
            await isolated.DisposeAsync();
        }
    }

    /// <summary>The service on a clock after Krabi's round closed for municipalities (but before the DLA deadline).</summary>
    public DashboardService Dashboards(DateTime? nowUtc = null)
    {
        var clock = ClockAt(nowUtc ?? Early.AddDays(3));
        return new DashboardService(new TrackerService(Database.Factory, clock), Database.Factory, clock);
    }
}

public sealed class DashboardServiceTests(DashboardFixture fixture) : IClassFixture<DashboardFixture>
{
    [Fact]
    public async Task The_province_dashboard_counts_its_municipalities_by_state_including_those_not_started()
    {
        var snapshot = await fixture.Dashboards().LoadAsync(await fixture.Database.SignInAsync("province-81"), fixture.CampaignId);

        Assert.Equal(8, snapshot.Counts.Total);
        Assert.Equal(5, snapshot.Counts[TrackerStatus.NotStarted]);
        Assert.Equal(1, snapshot.Counts[TrackerStatus.Draft]);
        Assert.Equal(2, snapshot.Counts[TrackerStatus.AtProvince]);
        Assert.Equal(2, snapshot.Counts.Submitted);
        Assert.Equal(0.0, snapshot.Counts.ForwardedShare);
        Assert.Equal(0, snapshot.Counts.Late);
        Assert.Empty(snapshot.Provinces);
        Assert.Equal(Deadline, snapshot.SubmissionDeadlineUtc);
        Assert.Equal(DlaDeadline, snapshot.DlaDeadlineUtc);
    }

    [Fact]
    public async Task The_province_matrix_has_every_district_and_a_row_for_those_that_skip_the_district()
    {
        var snapshot = await fixture.Dashboards().LoadAsync(await fixture.Database.SignInAsync("province-81"), fixture.CampaignId);

        // Krabi has 8 district offices; the demo fills six of them.
        Assert.Equal(["8101", "8102", "8103", "8104", "8105", "8106", "8107", "8108", DashboardFilter.DirectToProvince], snapshot.Matrix.Select(r => r.DistrictCode));
        var muang = snapshot.Matrix.Single(r => r.DistrictCode == "8101");
        Assert.Equal(2, muang.Counts.Total);
        Assert.Equal(1, muang.Counts[TrackerStatus.AtProvince]);
        Assert.Equal(1, muang.Counts[TrackerStatus.Draft]);
        var direct = snapshot.Matrix[^1];
        Assert.Equal("ส่งตรงจังหวัด", direct.NameTh);
        Assert.Equal(1, direct.Counts.Total);
        Assert.Equal(1, direct.Counts[TrackerStatus.AtProvince]);
        Assert.Equal(0, snapshot.Matrix.Single(r => r.DistrictCode == "8107").Counts.Total);
        Assert.All(TrackerStatuses.All, s => Assert.Equal(snapshot.Counts[s], snapshot.Matrix.Sum(r => r.Counts[s])));
    }

    [Fact]
    public async Task DLA_gets_every_province_and_drills_down_to_a_province_and_a_district()
    {
        var dla = await fixture.Database.SignInAsync("dla");
        var service = fixture.Dashboards();

        var country = await service.LoadAsync(dla, fixture.CampaignId);
        Assert.Equal(76, country.Provinces.Count);
        Assert.Equal(9, country.Counts.Total);
        Assert.Equal(8, country.Provinces.Single(p => p.ProvinceCode == "81").Counts.Total);
        Assert.Equal(1, country.Provinces.Single(p => p.ProvinceCode == "80").Counts[TrackerStatus.NotStarted]);
        Assert.Equal(0, country.Provinces.Single(p => p.ProvinceCode == "11").Counts.Total);
        Assert.Equal(country.Counts.Total, country.Provinces.Sum(p => p.Counts.Total));
        Assert.Empty(country.Matrix);

        var krabi = await service.LoadAsync(dla, fixture.CampaignId, new DashboardScope("81"));
        Assert.Equal(8, krabi.Rows.Count);
        Assert.Equal(9, krabi.Matrix.Count);
        Assert.Empty(krabi.Provinces);

        var muang = await service.LoadAsync(dla, fixture.CampaignId, new DashboardScope("81", "8101"));
        Assert.Equal(["810103", "810116"], muang.Rows.Select(r => r.MunicipalityCode).Order(StringComparer.Ordinal));
        Assert.Equal("สำนักงานส่งเสริมการปกครองท้องถิ่นจังหวัดกระบี่", muang.ScopeProvinceNameTh);
        // The district's own dashboard shows the same rows.
        var own = await service.LoadAsync(await fixture.Database.SignInAsync("district-8101"), fixture.CampaignId);
        Assert.Equal(muang.Rows.Select(r => r.MunicipalityCode).Order(StringComparer.Ordinal), own.Rows.Select(r => r.MunicipalityCode).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("province-81", "80", null)] // another province
    [InlineData("province-81", null, "8001")] // a district of another province
    [InlineData("province-81", "80", "8101")] // a district that is not in the named province
    [InlineData("district-8101", "81", null)] // above the caller
    [InlineData("district-8101", null, "8102")] // a sibling district
    [InlineData("dla", "99", null)] // no such province
    public async Task A_drill_down_outside_the_jurisdiction_is_not_found(string userName, string? province, string? district)
    {
        var user = await fixture.Database.SignInAsync(userName);

        var error = await Assert.ThrowsAsync<PortalNotFoundException>(() => fixture.Dashboards().LoadAsync(user, fixture.CampaignId, new DashboardScope(province, district)));

        Assert.Equal("org-unit-not-found", error.PortalMessage.Code);
    }

    [Fact]
    public async Task A_municipality_may_not_open_a_dashboard()
    {
        var user = await fixture.Database.SignInAsync("muni-810116");

        var error = await Assert.ThrowsAsync<PortalAccessDeniedException>(() => fixture.Dashboards().LoadAsync(user, fixture.CampaignId));

        Assert.Equal("tracker-offices-only", error.PortalMessage.Code);
    }

    [Fact]
    public async Task Each_filter_narrows_the_table_and_its_total()
    {
        var rows = (await fixture.Dashboards().LoadAsync(await fixture.Database.SignInAsync("province-81"), fixture.CampaignId)).Rows;

        Assert.Equal(5, Codes(rows, new DashboardFilter { Status = TrackerStatus.NotStarted }).Count);
        Assert.Equal(["810101", "810116"], Codes(rows, new DashboardFilter { Status = TrackerStatus.AtProvince }).Order(StringComparer.Ordinal));
        Assert.Equal(["810103", "810116"], Codes(rows, new DashboardFilter { DistrictCode = "8101" }).Order(StringComparer.Ordinal));
        Assert.Equal(["810101"], Codes(rows, new DashboardFilter { DistrictCode = DashboardFilter.DirectToProvince }));
        Assert.Equal(["810101"], Codes(rows, new DashboardFilter { Class = MunicipalityClass.Town }));
        Assert.Equal(["810116"], Codes(rows, new DashboardFilter { Status = TrackerStatus.AtProvince, DistrictCode = "8101", Class = MunicipalityClass.Subdistrict }));
        Assert.Empty(Codes(rows, new DashboardFilter { Late = true }));
        Assert.Equal(8, Codes(rows, new DashboardFilter { Late = false }).Count);

        // At the submission deadline, those not submitted (five not started, one draft) are late.
        var late = (await fixture.Dashboards(Deadline).LoadAsync(await fixture.Database.SignInAsync("province-81"), fixture.CampaignId)).Rows;
        Assert.Equal(6, Codes(late, new DashboardFilter { Late = true }).Count);
        Assert.Equal(["810101", "810116"], Codes(late, new DashboardFilter { Late = false }).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("อ่าวนาง")]
    [InlineData("  อ่าวนาง  ")]
    [InlineData("ao nang")]
    [InlineData("810116")]
    public async Task The_name_search_finds_Thai_and_English_names_and_codes(string search)
    {
        var rows = (await fixture.Dashboards().LoadAsync(await fixture.Database.SignInAsync("province-81"), fixture.CampaignId)).Rows;

        Assert.Equal(["810116"], Codes(rows, new DashboardFilter { Search = search }));
    }

    [Fact]
    public async Task The_name_search_matches_Thai_typed_in_another_Unicode_form_and_the_reference_number()
    {
        var rows = (await fixture.Dashboards().LoadAsync(await fixture.Database.SignInAsync("province-81"), fixture.CampaignId)).Rows;

        Assert.Equal(["810116"], Codes(rows, new DashboardFilter { Search = "อ่าวนาง".Normalize(NormalizationForm.FormD) }));
        // SARA AM typed as NIKHAHIT + SARA AA, as many Thai keyboards and copied PDFs produce it.
        Assert.Equal(["810103"], Codes(rows, new DashboardFilter { Search = "เทศบาลต\u0E4D\u0E32บลกระบี่น้อย" }));
        Assert.Equal(7, Codes(rows, new DashboardFilter { Search = "ต\u0E4D\u0E32บล" }).Count);
        Assert.Equal(7, Codes(rows, new DashboardFilter { Search = "ตำบล" }).Count);
        Assert.Equal(["810116"], Codes(rows, new DashboardFilter { Search = fixture.AoNangReference }));
        Assert.Empty(Codes(rows, new DashboardFilter { Search = "ภูเก็ต" }));
    }

    [Fact]
    public void Sorting_works_on_every_column_both_ways_with_ties_broken_by_code()
    {
        TrackerRow Row(string code, string name, string district, SubmissionState? state, int updatedDay, int deadlineDay) => new()
        {
            MunicipalityId = int.Parse(code, System.Globalization.CultureInfo.InvariantCulture),
            MunicipalityCode = code,
            MunicipalityNameTh = name,
            ProvinceCode = "81",
            ProvinceNameTh = "กระบี่",
            DistrictCode = code[..4],
            DistrictNameTh = district,
            UnderDistrict = true,
            State = state,
            UpdatedUtc = updatedDay == 0 ? null : Early.AddDays(updatedDay),
            DeadlineUtc = Deadline.AddDays(deadlineDay),
        };
        TrackerRow[] rows =
        [
            Row("100001", "เทศบาลตำบลกา", "อำเภอข", SubmissionState.AtDla, 3, 2),
            Row("100002", "เทศบาลตำบลขา", "อำเภอก", null, 0, 1),
            Row("100003", "เทศบาลตำบลเขา", "อำเภอก", SubmissionState.Draft, 1, 3),
            Row("100004", "เทศบาลตำบลคา", "อำเภอข", SubmissionState.Draft, 2, 1),
        ];

        List<string> Sorted(DashboardSort sort, bool descending) => Codes(rows, new DashboardFilter { Sort = sort, Descending = descending });

        // Thai dictionary order: เขา sorts under ข, after ขา, not after every ค as code points would put it.
        Assert.Equal(["100001", "100002", "100003", "100004"], Sorted(DashboardSort.Name, false));
        Assert.Equal(["100004", "100003", "100002", "100001"], Sorted(DashboardSort.Name, true));
        Assert.Equal(["100002", "100003", "100001", "100004"], Sorted(DashboardSort.District, false));
        Assert.Equal(["100001", "100004", "100002", "100003"], Sorted(DashboardSort.District, true));
        Assert.Equal(["100002", "100003", "100004", "100001"], Sorted(DashboardSort.Status, false));
        Assert.Equal(["100001", "100003", "100004", "100002"], Sorted(DashboardSort.Status, true));
        Assert.Equal(["100002", "100003", "100004", "100001"], Sorted(DashboardSort.Updated, false));
        Assert.Equal(["100001", "100004", "100003", "100002"], Sorted(DashboardSort.Updated, true));
        Assert.Equal(["100002", "100004", "100001", "100003"], Sorted(DashboardSort.Deadline, false));
        Assert.Equal(["100003", "100001", "100002", "100004"], Sorted(DashboardSort.Deadline, true));
    }

    [Fact]
    public async Task Pages_cover_the_filtered_rows_once_and_report_the_filtered_total()
    {
        var rows = (await fixture.Dashboards().LoadAsync(await fixture.Database.SignInAsync("dla"), fixture.CampaignId)).Rows;

        var pages = Enumerable.Range(1, 4).Select(p => DashboardService.Query(rows, new DashboardFilter { Page = p, PageSize = 3 })).ToList();

        Assert.All(pages, p => Assert.Equal(9, p.Total));
        Assert.Equal([3, 3, 3, 0], pages.Select(p => p.Items.Count));
        Assert.Equal(9, pages.SelectMany(p => p.Items).Select(r => r.MunicipalityCode).Distinct().Count());
        var notStarted = DashboardService.Query(rows, new DashboardFilter { Status = TrackerStatus.NotStarted, Page = 2, PageSize = 4 });
        Assert.Equal(6, notStarted.Total);
        Assert.Equal(2, notStarted.Items.Count);
        // A page size beyond the limit is cut to it, a page below 1 is the first.
        Assert.Equal(DashboardService.MaxPageSize, DashboardService.Query(rows, new DashboardFilter { PageSize = 10_000 }).PageSize);
        Assert.Equal(1, DashboardService.Query(rows, new DashboardFilter { Page = 0 }).Page);
    }

    [Fact]
    public async Task The_timeline_counts_first_submissions_and_arrivals_at_DLA_per_Bangkok_day()
    {
        var snapshot = await fixture.Dashboards().LoadAsync(await fixture.Database.SignInAsync("province-81"), fixture.CampaignId);

        // Early is 09:00 on 1 Aug 2024 in Bangkok; the town submitted two days later; "now" is a day after that.
        Assert.Equal(
            [new TimelinePoint(new DateOnly(2024, 8, 1), 1, 0), new TimelinePoint(new DateOnly(2024, 8, 2), 1, 0), new TimelinePoint(new DateOnly(2024, 8, 3), 2, 0), new TimelinePoint(new DateOnly(2024, 8, 4), 2, 0)],
            snapshot.Timeline);
    }

    private static List<string> Codes(IReadOnlyList<TrackerRow> rows, DashboardFilter filter)
    {
        var page = DashboardService.Query(rows, filter with { PageSize = DashboardService.MaxPageSize });
        Assert.Equal(page.Total, page.Items.Count);
        return page.Items.Select(r => r.MunicipalityCode).ToList();
    }
}
