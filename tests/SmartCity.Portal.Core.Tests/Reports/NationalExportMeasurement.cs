using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using SmartCity.Portal.Core.Tests.Submissions;
using SmartCity.Portal.Organisations;
using SmartCity.Portal.Reports;
using SmartCity.Portal.Submissions;
using Xunit.Abstractions;
using static SmartCity.Portal.Core.Tests.Reports.ExportTestKit;
using static SmartCity.Portal.Core.Tests.Submissions.WorkflowTestKit;

namespace SmartCity.Portal.Core.Tests.Reports;

/// <summary>
/// The national tracker (about 2,500 municipalities) exported as DLA, into a temp file as the
/// endpoint does. It checks the rows and prints time and memory for the record; it asserts no
/// figure, because the shared two-core runners make timings noise.
/// </summary>
public sealed class NationalExportMeasurement(ITestOutputHelper output)
{
    private const int Synthetic = 2_500;

    [Fact]
    public async Task The_national_tracker_exports_every_municipality_once()
    {
        await using var isolated = await IsolatedDemoDatabase.CreateAsync();
        var db0 = isolated.Database;
        var campaignId = await AddCampaignAsync(db0);
        await SeedNationalAsync(db0, campaignId);
        var exports = Exports(db0, ClockAt(Early));
        var dla = await db0.SignInAsync("dla");

        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        var baseline = GC.GetTotalMemory(forceFullCollection: true);
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        long peak = baseline;
        using var stop = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                peak = Math.Max(peak, GC.GetTotalMemory(forceFullCollection: false));
                await Task.Delay(2, CancellationToken.None);
            }
        });

        var watch = Stopwatch.StartNew();
        await using var spool = ExportSpool.Create(db0.DataDirectory);
        var file = await exports.WriteTrackerAsync(dla, campaignId, spool);
        watch.Stop();
        await stop.CancelAsync();
        await sampler;
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;

        output.WriteLine(
            $"national tracker: {file.Rows} rows, {spool.Length / 1024} KiB file, {watch.Elapsed.TotalSeconds:F2} s, " +
            $"managed heap peak +{(peak - baseline) / (1024 * 1024)} MiB over {baseline / (1024 * 1024)} MiB, allocated {allocated / (1024 * 1024)} MiB, " +
            $"process peak working set {Environment.WorkingSet / (1024 * 1024)} MiB now / {Process.GetCurrentProcess().PeakWorkingSet64 / (1024 * 1024)} MiB ever");

        Assert.Equal(Synthetic + DemoOrganisations.Municipalities.Count, file.Rows);
        spool.Position = 0;
        using var workbook = new ClosedXML.Excel.XLWorkbook(spool);
        var codes = Rows(workbook.Worksheet(1)).Select(r => r["รหัส อปท."].GetString()).ToList();
        Assert.Equal(file.Rows, codes.Count);
        Assert.Equal(codes.Count, codes.Distinct(StringComparer.Ordinal).Count());
    }

    /// <summary>2,500 made-up municipalities spread over the real district offices, three in five with a submitted report.</summary>
    private static async Task SeedNationalAsync(Infrastructure.DemoDatabase db0, int campaignId)
    {
        await using var db = db0.CreateContext();
        var districts = await db.OrgUnits.AsNoTracking().Where(o => o.Kind == OrgUnitKind.DistrictOffice).OrderBy(o => o.Code).ToListAsync();
        var classes = new[] { MunicipalityClass.Subdistrict, MunicipalityClass.Subdistrict, MunicipalityClass.Subdistrict, MunicipalityClass.Town };
        var units = Enumerable.Range(0, Synthetic).Select(i =>
        {
            var district = districts[i % districts.Count];
            var code = $"S{i:D6}";
            return new OrgUnit
            {
                Code = code, NameTh = $"เทศบาลตำบลทดสอบที่ {i + 1}", NameEn = $"Test Municipality {i + 1}", Kind = OrgUnitKind.Municipality,
                Class = classes[i % classes.Length], ParentId = district.Id, Path = OrgUnit.ChildPath(district.Path, code),
                ProvinceCode = district.ProvinceCode, DistrictCode = district.Code, IsSynthetic = true,
            };
        }).ToList();
        db.OrgUnits.AddRange(units);
        await db.SaveChangesAsync();

        db.Submissions.AddRange(units.Where((_, i) => i % 5 < 3).Select((u, i) => new Submission
        {
            CampaignId = campaignId, MunicipalityId = u.Id, State = SubmissionState.AtDistrict, HolderOrgUnitId = u.ParentId!.Value,
            ReferenceNo = $"SC2567-{u.ProvinceCode}-{i + 1:D4}", CreatedUtc = Early, UpdatedUtc = Early, SubmittedUtc = Early.AddMinutes(i),
        }));
        await db.SaveChangesAsync();
    }
}
