using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SmartCity.Portal.Dashboards;
using SmartCity.Portal.Reports;
using SmartCity.Portal.Data;

namespace SmartCity.Portal.Benchmarks;

/// <summary>What an extension point gets: the seeded host, a signed-in DLA officer and the demo campaign.</summary>
/// <param name="Services">The benchmark's service provider (add the services under test in <see cref="BenchHost.Build"/>).</param>
/// <param name="Dla">The demo account "dla" as the service layer sees it (DLA division, Dla.Officer).</param>
/// <param name="OutputDirectory">A scratch folder, deleted afterwards unless --keep.</param>
public sealed record BenchContext(IServiceProvider Services, IDbContextFactory<PortalDbContext> Factory, ClaimsPrincipal Dla, int CampaignId, string OutputDirectory);

/// <summary>
/// ===== EXTENSION POINTS =====
/// The figures measured against the baselines. Each returns null until the feature exists; return
/// the one operation to measure and Program prints it beside its baseline as a ratio.
/// </summary>
public static class ExtensionPoints
{
    /// <summary>
    /// EXTENSION POINT "DLA dashboard load": one load of the DLA dashboard for the demo campaign, as
    /// the page does it (the same service call, the same user). Run 100 times after 5 warm-ups;
    /// median and p95 are printed beside the bare SELECT COUNT(*) as ratios.
    /// Example: <c>return () => context.Services.GetRequiredService&lt;DashboardService&gt;().LoadAsync(context.Dla, context.CampaignId);</c>
    /// </summary>
    public static Func<Task>? DlaDashboardLoad(BenchContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var dashboards = new DashboardService(new TrackerService(context.Factory, TimeProvider.System), context.Factory, TimeProvider.System);
        return () => dashboards.LoadAsync(context.Dla, context.CampaignId);
    }

    /// <summary>
    /// EXTENSION POINT "tracker export": one Excel tracker export of all municipalities for the DLA
    /// officer, written to a file under <see cref="BenchContext.OutputDirectory"/>. Run once to warm
    /// up, then 3 times; time, allocation and peak working set are printed beside the bare ClosedXML
    /// write of the same number of cells.
    /// </summary>
    public static Func<Task>? TrackerExport(BenchContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var exports = context.Services.GetRequiredService<ExportService>();
        var path = Path.Combine(context.OutputDirectory, "tracker-export.xlsx");
        return async () =>
        {
            // As the endpoint does it: the gate, the tracker rows of DLA's whole jurisdiction, one file.
            await using var file = new FileStream(path, FileMode.Create, FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.Asynchronous);
            await exports.WriteTrackerAsync(context.Dla, context.CampaignId, file);
        };
    }
}
