using Microsoft.Extensions.Options;

namespace SmartCity.Portal.Reports;

/// <summary>
/// The one door every workbook build passes (a singleton): at most
/// <see cref="ExportOptions.MaxConcurrentExports"/> run at once, the rest wait in line with their
/// request's cancellation token, and one that waits longer than the queue timeout gets
/// <see cref="ExportBusyException"/>. The counters are there so that tests can see the limit held.
/// </summary>
public sealed class ExportGate : IDisposable
{
    private readonly SemaphoreSlim slots;
    private readonly TimeSpan queueTimeout;
    private int running;
    private int peakRunning;
    private int waiting;

    public ExportGate(IOptions<ExportOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var value = options.Value;
        Capacity = Math.Max(1, value.MaxConcurrentExports);
        queueTimeout = TimeSpan.FromSeconds(Math.Max(0, value.QueueTimeoutSeconds));
        slots = new SemaphoreSlim(Capacity, Capacity);
    }

    public int Capacity { get; }

    /// <summary>Exports holding a slot now.</summary>
    public int Running => Volatile.Read(ref running);

    /// <summary>The most that ever held a slot at the same moment.</summary>
    public int PeakRunning => Volatile.Read(ref peakRunning);

    /// <summary>Exports waiting for a slot now.</summary>
    public int Waiting => Volatile.Read(ref waiting);

    /// <summary>Free slots; equals <see cref="Capacity"/> when nobody is inside.</summary>
    public int Available => slots.CurrentCount;

    /// <summary>Waits for a slot; dispose the result to give it back. A cancelled or timed-out wait takes nothing.</summary>
    public async Task<IDisposable> EnterAsync(CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref waiting);
        bool entered;
        try
        {
            entered = await slots.WaitAsync(queueTimeout, cancellationToken);
        }
        finally
        {
            Interlocked.Decrement(ref waiting);
        }

        if (!entered)
        {
            throw new ExportBusyException();
        }

        var now = Interlocked.Increment(ref running);
        int peak;
        while (now > (peak = Volatile.Read(ref peakRunning)) && Interlocked.CompareExchange(ref peakRunning, now, peak) != peak)
        {
        }

        return new Slot(this);
    }

    public void Dispose() => slots.Dispose();

    private void Leave()
    {
        Interlocked.Decrement(ref running);
        slots.Release();
    }

    private sealed class Slot(ExportGate gate) : IDisposable
    {
        private int released;

        public void Dispose()
        {
            // Twice must not free a slot someone else holds.
            if (Interlocked.Exchange(ref released, 1) == 0)
            {
                gate.Leave();
            }
        }
    }
}
