using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SmartCity.Portal.Benchmarks;
using SmartCity.Portal.Campaigns;
using SmartCity.Portal.Data;
using SmartCity.Portal.Organisations;

// Usage: scripts/bench.sh [--keep]   (--keep leaves the seeded database in place and prints where)
var keep = args.Contains("--keep");
var dataDirectory = Path.Combine(Path.GetTempPath(), "smartcity-bench", Guid.NewGuid().ToString("N"));
Directory.CreateDirectory(dataDirectory);
var table = new FigureTable();
try
{
    await using var services = BenchHost.Build(dataDirectory);
    var factory = services.GetRequiredService<IDbContextFactory<PortalDbContext>>();

    var started = Stopwatch.GetTimestamp();
    await using (var scope = services.CreateAsyncScope())
    {
        await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitializeAsync();
    }

    table.Add("Migrate + org tree + demo seed", Measure.Seconds(Stopwatch.GetElapsedTime(started)), "as the web app starts on an empty file");
    var cpuBefore = Measure.ProcessorTime();
    var summary = await SyntheticNationalData.SeedAsync(factory, TimeProvider.System);
    table.Add("National seed (SyntheticNationalData)", Measure.Seconds(summary.Elapsed),
        $"{summary.Municipalities:N0} municipalities, {summary.Submissions:N0} submissions, {summary.Events:N0} events, {summary.RegisterEntries:N0} register lines, {summary.Dispatches:N0} dispatches");
    // Wall-clock time on a shared machine says as much about the neighbours as about the code.
    table.Add("National seed, CPU time", Measure.Seconds(Measure.ProcessorTime() - cpuBefore), "this process, all threads");

    var connectionString = services.GetRequiredService<DatabaseOptions>() is { ConnectionString: { Length: > 0 } cs } ? cs : BenchHost.ConnectionString(dataDirectory);
    var count = await Measure.LatencyAsync(100, () => CountSubmissionsAsync(connectionString));
    table.Add("SELECT COUNT(*) FROM Submissions, median", Measure.Milliseconds(count.Median), "pooled connection opened per run, 100 runs after 5 warm-ups");
    table.Add("SELECT COUNT(*) FROM Submissions, p95", Measure.Milliseconds(count.P95), "");
    // The floor for anything written the portal's way: a fresh context from the factory per operation.
    var efCount = await Measure.LatencyAsync(100, async () =>
    {
        await using var db = await factory.CreateDbContextAsync();
        _ = await db.Submissions.CountAsync();
    });
    table.Add("EF context + Submissions.CountAsync(), median", Measure.Milliseconds(efCount.Median), "new context from the factory per run, 100 runs after 5 warm-ups");
    table.Add("EF context + Submissions.CountAsync(), p95", Measure.Milliseconds(efCount.P95), "");

    int municipalities;
    await using (var db = await factory.CreateDbContextAsync())
    {
        municipalities = await db.OrgUnits.CountAsync(o => o.Kind == OrgUnitKind.Municipality);
    }

    var workbook = Path.Combine(dataDirectory, "baseline.xlsx");
    var excel = await Measure.CostAsync(() => BareWorkbook.WriteAsync(workbook, municipalities, BareWorkbook.TrackerColumns));
    var cells = (municipalities + 1) * BareWorkbook.TrackerColumns;
    table.Add("Bare ClosedXML write, time", Measure.Seconds(excel.Elapsed), $"{municipalities + 1:N0} rows x {BareWorkbook.TrackerColumns} columns = {cells:N0} cells, median of 3 after a warm-up");
    table.Add("Bare ClosedXML write, allocated", Measure.Megabytes(excel.AllocatedBytes), "GC.GetTotalAllocatedBytes over one write");
    table.Add("Bare ClosedXML write, peak working set", Measure.Megabytes(excel.PeakWorkingSetBytes), "whole process, after the writes");

    await using (var db = await factory.CreateDbContextAsync())
    {
        var campaignId = await db.Campaigns.Where(c => c.FiscalYear == DemoCampaign.FiscalYear && c.LetterNo == DemoCampaign.LetterNo).Select(c => c.Id).SingleAsync();
        var context = new BenchContext(services, factory, await BenchHost.SignInAsync(factory, "dla"), campaignId, dataDirectory);

        if (ExtensionPoints.DlaDashboardLoad(context) is { } dashboardLoad)
        {
            var dashboard = await Measure.LatencyAsync(100, dashboardLoad);
            table.Add("DLA dashboard load, median", Measure.Milliseconds(dashboard.Median),
                $"{Measure.Ratio(dashboard.Median, count.Median, "bare COUNT(*)")}, {Measure.Ratio(dashboard.Median, efCount.Median, "EF count")} (medians)");
            table.Add("DLA dashboard load, p95", Measure.Milliseconds(dashboard.P95),
                $"{Measure.Ratio(dashboard.P95, count.P95, "bare COUNT(*)")}, {Measure.Ratio(dashboard.P95, efCount.P95, "EF count")} (p95s)");
        }
        else
        {
            table.Add("DLA dashboard load", "not measured", "extension point ExtensionPoints.DlaDashboardLoad returns null");
        }

        if (ExtensionPoints.TrackerExport(context) is { } trackerExport)
        {
            var export = await Measure.CostAsync(trackerExport);
            table.Add("Tracker export, time", Measure.Seconds(export.Elapsed), Measure.Ratio(export.Elapsed, excel.Elapsed, "bare write"));
            table.Add("Tracker export, allocated", Measure.Megabytes(export.AllocatedBytes), Measure.Ratio(export.AllocatedBytes, excel.AllocatedBytes, "bare write"));
            table.Add("Tracker export, peak working set", Measure.Megabytes(export.PeakWorkingSetBytes), "whole process, after the exports");
        }
        else
        {
            table.Add("Tracker export", "not measured", "extension point ExtensionPoints.TrackerExport returns null");
        }
    }

    table.Print(Console.Out, Environment.ProcessorCount);
}
finally
{
    SqliteConnection.ClearAllPools();
    if (keep)
    {
        Console.WriteLine($"Database kept: {Path.Combine(dataDirectory, "portal.db")}");
    }
    else
    {
        Directory.Delete(dataDirectory, recursive: true);
    }
}

return 0;

static async Task CountSubmissionsAsync(string connectionString)
{
    await using var connection = new SqliteConnection(connectionString);
    await connection.OpenAsync();
    await using var command = connection.CreateCommand();
    command.CommandText = "SELECT COUNT(*) FROM Submissions";
    _ = await command.ExecuteScalarAsync();
}
