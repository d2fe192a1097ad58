using System.Diagnostics;
using System.Globalization;

namespace SmartCity.Portal.Benchmarks;

public sealed record Latency(TimeSpan Median, TimeSpan P95);

public sealed record Cost(TimeSpan Elapsed, long AllocatedBytes, long PeakWorkingSetBytes);

public static class Measure
{
    /// <summary>Runs <paramref name="operation"/> 5 times to warm up, then <paramref name="runs"/> times one after the other.</summary>
    public static async Task<Latency> LatencyAsync(int runs, Func<Task> operation)
    {
        ArgumentNullException.ThrowIfNull(operation);
        for (var i = 0; i < 5; i++)
        {
            await operation();
        }

        var times = new List<TimeSpan>(runs);
        for (var i = 0; i < runs; i++)
        {
            var started = Stopwatch.GetTimestamp();
            await operation();
            times.Add(Stopwatch.GetElapsedTime(started));
        }

        times.Sort();
        return new Latency(Percentile(times, 0.50), Percentile(times, 0.95));
    }

    /// <summary>
    /// One warm-up (JIT, caches), then 3 runs: the median time, the most any run allocated, and the
    /// process's peak working set afterwards (it only grows, so it bounds what the runs needed).
    /// </summary>
    public static async Task<Cost> CostAsync(Func<Task> operation)
    {
        ArgumentNullException.ThrowIfNull(operation);
        await operation();
        var times = new List<TimeSpan>();
        long allocated = 0;
        for (var i = 0; i < 3; i++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            var before = GC.GetTotalAllocatedBytes(precise: true);
            var started = Stopwatch.GetTimestamp();
            await operation();
            times.Add(Stopwatch.GetElapsedTime(started));
            allocated = Math.Max(allocated, GC.GetTotalAllocatedBytes(precise: true) - before);
        }

        times.Sort();
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        return new Cost(times[1], allocated, process.PeakWorkingSet64);
    }

    public static TimeSpan ProcessorTime()
    {
        using var process = Process.GetCurrentProcess();
        return process.TotalProcessorTime;
    }

    /// <summary>Nearest-rank percentile of sorted values.</summary>
    private static TimeSpan Percentile(List<TimeSpan> sorted, double p) =>
        sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];

    public static string Seconds(TimeSpan t) => t.TotalSeconds.ToString("0.00 s", CultureInfo.InvariantCulture);

    public static string Milliseconds(TimeSpan t) => t.TotalMilliseconds.ToString("0.000 ms", CultureInfo.InvariantCulture);

    public static string Megabytes(long bytes) => (bytes / 1024d / 1024d).ToString("0.0 MB", CultureInfo.InvariantCulture);

    public static string Ratio(TimeSpan value, TimeSpan baseline, string against) => Ratio(value.Ticks, baseline.Ticks, against);

    public static string Ratio(long value, long baseline, string against) =>
        baseline <= 0 ? "" : string.Create(CultureInfo.InvariantCulture, $"{(double)value / baseline:0.0}x {against}");
}

/// <summary>The figures as a Markdown table, ready to paste into docs/benchmarks.md.</summary>
public sealed class FigureTable
{
    private readonly List<(string Figure, string Value, string Note)> rows = [];

    public void Add(string figure, string value, string note) => rows.Add((figure, value, note));

    public void Print(TextWriter writer, int processors)
    {
        ArgumentNullException.ThrowIfNull(writer);
        var w1 = Math.Max("figure".Length, rows.Max(r => r.Figure.Length));
        var w2 = Math.Max("value".Length, rows.Max(r => r.Value.Length));
        writer.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"SmartCity.Portal benchmarks: {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, .NET {Environment.Version}, {processors} logical processors, SQLite"));
        writer.WriteLine();
        writer.WriteLine($"| {"figure".PadRight(w1)} | {"value".PadRight(w2)} | note / ratio |");
        writer.WriteLine($"| {new string('-', w1)} | {new string('-', w2)} | --- |");
        foreach (var (figure, value, note) in rows)
        {
            writer.WriteLine($"| {figure.PadRight(w1)} | {value.PadLeft(w2)} | {note} |");
        }
    }
}
