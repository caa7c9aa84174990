using System.Diagnostics;
using HdrHistogram;
using TokenMatch.Bench.Workloads;
using TokenMatch.Commands;
using TokenMatch.Core;

namespace TokenMatch.Benchmarks.Harness;

/// <summary>
/// <c>latency-core</c>: the latency of each command of the realistic mix through the matching core
/// alone, one command at a time (the core's service time, no queueing), recorded into an HdrHistogram
/// with nothing allocated in the loop. Prints percentiles in ns, overall and per kind of command
/// (resting place, cancel, amend, IOC/market), and the cost of the timer itself.
/// </summary>
public static class LatencyHarness
{
    private const long HighestNs = 10_000_000_000;

    private static readonly string[] KindNames = ["place", "cancel", "amend", "IOC/market"];

    /// <summary>Runs the mode; returns the process exit code.</summary>
    public static int Run(string[] args)
    {
        HarnessArgs? options = HarnessArgs.Parse(args);
        if (options is null) return 2;
        Console.WriteLine($"latency-core: {options.Orders:N0} resting orders, {options.Accounts:N0} accounts, {options.Commands:N0} commands, seed {options.Seed}");
        var flow = new OrderFlow(options.ToWorkload());
        var batch = new Command[(int)Math.Min(options.Batch, options.Commands)];
        var sink = new CountingSink();
        ExchangeCore core = flow.Twin;
        var histogram = new LongHistogram(HighestNs, 3);
        var byKind = new LongHistogram[KindNames.Length];
        for (int k = 0; k < byKind.Length; k++) byKind[k] = new LongHistogram(HighestNs, 3);
        double nsPerTick = 1e9 / Stopwatch.Frequency;

        // Warm-up batch, recorded into the histogram and then discarded.
        flow.Prepare(BatchKind.Mix, batch);
        Record(core, batch, sink, histogram, byKind, nsPerTick);
        histogram.Reset();
        foreach (LongHistogram h in byKind) h.Reset();

        long measured = 0, bytes = 0;
        while (measured < options.Commands)
        {
            Span<Command> part = batch.AsSpan(0, (int)Math.Min(batch.Length, options.Commands - measured));
            flow.Prepare(BatchKind.Mix, part);
            long allocated = GC.GetAllocatedBytesForCurrentThread();
            Record(core, part, sink, histogram, byKind, nsPerTick);
            bytes += GC.GetAllocatedBytesForCurrentThread() - allocated;
            measured += part.Length;
        }

        var timer = new LongHistogram(HighestNs, 3);
        for (int i = 0; i < 1_000_000; i++)
        {
            long t0 = Stopwatch.GetTimestamp();
            long t1 = Stopwatch.GetTimestamp();
            timer.RecordValue((long)((t1 - t0) * nsPerTick));
        }

        Console.WriteLine($"replay identical to the generator's run: {(flow.TwinMatchesShadow() ? "yes" : "NO")}");
        Console.WriteLine($"allocated in the loop: {bytes:N0} bytes");
        Console.WriteLine("per-command latency (ns, timer included):");
        foreach (double p in (ReadOnlySpan<double>)[50, 90, 99, 99.9, 99.99])
            Console.WriteLine($"  p{p,-6} {histogram.GetValueAtPercentile(p),8:N0}");
        Console.WriteLine($"  max     {histogram.GetMaxValue(),8:N0}");
        for (int k = 0; k < byKind.Length; k++)
            Console.WriteLine($"  {KindNames[k],-10} p50 {byKind[k].GetValueAtPercentile(50),6:N0}  p99 {byKind[k].GetValueAtPercentile(99),8:N0}  ({byKind[k].TotalCount:N0} commands)");
        Console.WriteLine($"timer alone (two timestamps back to back): p50 {timer.GetValueAtPercentile(50):N0} ns, p99 {timer.GetValueAtPercentile(99):N0} ns");
        return 0;
    }

    /// <summary>The measured loop: each command timed alone and recorded; no allocation.</summary>
    private static void Record(ExchangeCore core, Span<Command> batch, CountingSink sink, LongHistogram histogram,
        LongHistogram[] byKind, double nsPerTick)
    {
        for (int i = 0; i < batch.Length; i++)
        {
            long t0 = Stopwatch.GetTimestamp();
            core.Execute(ref batch[i], sink);
            long t1 = Stopwatch.GetTimestamp();
            long ns = (long)((t1 - t0) * nsPerTick);
            histogram.RecordValue(ns);
            byKind[KindOf(in batch[i])].RecordValue(ns);
        }
    }

    private static int KindOf(in Command c) => c.Type switch
    {
        CommandType.Cancel => 1,
        CommandType.Amend => 2,
        _ => c.Tif == TimeInForce.Ioc || c.OrderType == OrderType.Market ? 3 : 0,
    };
}
