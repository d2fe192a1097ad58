using SmartCity.Portal.Core.Tests.Submissions;
using SmartCity.Portal.Organisations;
using SmartCity.Portal.Reports;
using static SmartCity.Portal.Core.Tests.Reports.ExportTestKit;
using static SmartCity.Portal.Core.Tests.Submissions.WorkflowTestKit;

namespace SmartCity.Portal.Core.Tests.Reports;

/// <summary>Exports queue at the gate instead of building many workbooks at once. Counted, never timed.</summary>
public sealed class ExportGateTests
{
    [Fact]
    public async Task Four_exports_at_once_run_two_at_a_time_and_all_finish()
    {
        await using var isolated = await IsolatedDemoDatabase.CreateAsync();
        var db0 = isolated.Database;
        var campaignId = await AddCampaignAsync(db0);
        using var gate = Gate(maxConcurrent: 2);
        var exports = Exports(db0, ClockAt(Early), gate);
        var province = await db0.SignInAsync("province-81");
        using var release = new ManualResetEventSlim(false);
        var outputs = Enumerable.Range(0, 4).Select(_ => new HeldStream(release)).ToList();

        // Each export blocks on its first write, inside the gate, until released.
        var running = outputs.Select(o => Task.Run(() => exports.WriteTrackerAsync(province, campaignId, o))).ToList();
        await WaitUntilAsync(() => gate.Running == 2 && gate.Waiting == 2 && outputs.Count(o => o.Entered) == 2);

        release.Set();
        var files = await Task.WhenAll(running).WaitAsync(TimeSpan.FromMinutes(2));

        Assert.Equal(2, gate.PeakRunning);
        Assert.Equal(0, gate.Running);
        Assert.Equal(gate.Capacity, gate.Available);
        Assert.All(files, f => Assert.Equal(DemoOrganisations.Municipalities.Count, f.Rows));
        foreach (var output in outputs)
        {
            using var workbook = Reopen(output);
            Assert.Equal(DemoOrganisations.Municipalities.Count, Rows(workbook.Worksheet(1)).Count);
            output.Dispose();
        }
    }

    [Fact]
    public async Task An_export_that_waits_past_the_queue_timeout_is_told_to_try_again_and_writes_nothing()
    {
        await using var isolated = await IsolatedDemoDatabase.CreateAsync();
        var db0 = isolated.Database;
        var campaignId = await AddCampaignAsync(db0);
        using var gate = Gate(maxConcurrent: 1, queueTimeoutSeconds: 1);
        var exports = Exports(db0, ClockAt(Early), gate);
        using var output = new MemoryStream();

        using (await gate.EnterAsync(CancellationToken.None))
        {
            var busy = await Assert.ThrowsAsync<ExportBusyException>(() => exports.WriteTrackerAsync(db0.SignInAsync("province-81").Result, campaignId, output));
            Assert.Equal("exports-busy", busy.PortalMessage.Code);
            Assert.Equal("ระบบกำลังจัดทำรายงานอื่นอยู่ กรุณาลองใหม่อีกครั้ง", busy.PortalMessage.Th);
            Assert.Equal(0, output.Length);
            Assert.Equal(1, gate.Running);
        }

        Assert.Equal(1, gate.Available);
        await exports.WriteTrackerAsync(await db0.SignInAsync("province-81"), campaignId, output);
        Assert.True(output.Length > 0);
    }

    [Fact]
    public async Task Cancelling_a_wait_gives_back_nothing_it_did_not_take()
    {
        using var gate = Gate(maxConcurrent: 1);
        var held = await gate.EnterAsync(CancellationToken.None);
        using var cancel = new CancellationTokenSource();

        var waiting = gate.EnterAsync(cancel.Token);
        await WaitUntilAsync(() => gate.Waiting == 1);
        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);

        Assert.Equal(0, gate.Waiting);
        Assert.Equal(1, gate.Running);
        Assert.Equal(0, gate.Available);
        held.Dispose();
        held.Dispose();
        Assert.Equal(0, gate.Running);
        Assert.Equal(1, gate.Available);

        // Still exactly one slot: a second entrant waits.
        using var again = await gate.EnterAsync(CancellationToken.None);
        using var quick = new CancellationTokenSource();
        var second = gate.EnterAsync(quick.Token);
        Assert.False(second.IsCompleted);
        await quick.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => second);
        Assert.Equal(1, gate.PeakRunning);
    }

    /// <summary>Polls a condition on the gate's counters; the bound is a safety net, not a timing assertion.</summary>
    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var until = DateTime.UtcNow.AddSeconds(30);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < until, "the gate never reached the expected state");
            await Task.Delay(10);
        }
    }

    /// <summary>A seekable output whose first write waits for a signal: the export holds its slot until then.</summary>
    private sealed class HeldStream(ManualResetEventSlim release) : MemoryStream
    {
        private volatile bool entered;

        public bool Entered => entered;

        public override void Write(byte[] buffer, int offset, int count)
        {
            entered = true;
            release.Wait(TimeSpan.FromMinutes(1));
            base.Write(buffer, offset, count);
        }

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            entered = true;
            release.Wait(TimeSpan.FromMinutes(1));
            base.Write(buffer);
        }
    }
}
