namespace SmartCity.Portal.Web.Features.Dashboards;

/// <summary>
/// Turns a burst of "something moved" signals into one reload: the first signal starts the delay, the
/// ones that arrive before it ends ride along, and the reload runs once at its end. A dashboard recounts
/// every row of its scope, so twenty forwards in one dispatch must not mean twenty recounts.
/// </summary>
public sealed class ReloadDebouncer(TimeProvider clock, TimeSpan delay, Func<Task> reload) : IDisposable
{
    private readonly Lock gate = new();
    private ITimer? timer;
    private bool pending;
    private bool disposed;

    public void Signal()
    {
        lock (gate)
        {
            if (disposed || pending)
            {
                return;
            }

            pending = true;
            timer ??= clock.CreateTimer(_ => Fire(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
            timer.Change(delay, Timeout.InfiniteTimeSpan);
        }
    }

    private void Fire()
    {
        lock (gate)
        {
            if (disposed)
            {
                return;
            }

            pending = false;
        }

        _ = reload();
    }

    public void Dispose()
    {
        lock (gate)
        {
            disposed = true;
            timer?.Dispose();
            timer = null;
        }
    }
}
