using SmartCity.Portal.Submissions;

namespace SmartCity.Portal.Web.Features.Submissions;

/// <summary>
/// Lapses Draft and Returned submissions whose deadline has passed, once a minute. The sweep is
/// idempotent and safe with several instances (see <see cref="SubmissionService.LapseOverdueAsync"/>);
/// a failed round is logged and the next one runs as usual.
/// </summary>
public sealed partial class LapseSweepService(SubmissionService submissions, TimeProvider clock, ILogger<LapseSweepService> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, clock);
        do
        {
            await SweepOnceAsync(stoppingToken);
        }
        while (await WaitAsync(timer, stoppingToken));
    }

    /// <summary>One round; never throws except when the host is stopping.</summary>
    public async Task SweepOnceAsync(CancellationToken cancellationToken)
    {
        try
        {
            var lapsed = await submissions.LapseOverdueAsync(cancellationToken);
            if (lapsed > 0)
            {
                LogLapsed(logger, lapsed);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Shutting down.
        }
#pragma warning disable CA1031 // A background loop must survive any one failed round.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            LogFailed(logger, ex);
        }
    }

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken cancellationToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    [LoggerMessage(LogLevel.Information, "Lapse sweep: {Count} overdue submission(s) lapsed")]
    private static partial void LogLapsed(ILogger logger, int count);

    [LoggerMessage(LogLevel.Error, "Lapse sweep failed; it runs again at the next tick")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
