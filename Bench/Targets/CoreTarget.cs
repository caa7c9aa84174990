using System.Diagnostics;
using HdrHistogram;
using TokenMatch.Bench.Results;
using TokenMatch.Bench.Workloads;
using TokenMatch.Commands;
using TokenMatch.Core;

namespace TokenMatch.Bench.Targets;

/// <summary>
/// <c>bench core</c>: the matching core and ledger on one thread. Batches of the mix are generated on
/// the <see cref="OrderFlow"/>'s shadow core (never timed) and replayed into its twin (timed).
/// Throughput: the replay flat out. Latency: each command waits for its scheduled send time, runs,
/// and records the time from that schedule to its end, so a slow command delays (and counts against)
/// the ones behind it, as a queue would.
/// </summary>
public static class CoreTarget
{
    /// <summary>Throughput at saturation.</summary>
    public static ThroughputFigure Throughput(BenchOptions options, Action<string, double>? progress)
    {
        progress?.Invoke("set-up", 0);
        var flow = new OrderFlow(options.ToWorkload(withTwin: true));
        var batch = new Command[(int)Math.Min(options.Batch, options.Commands)];
        var sink = new CountingSink();
        ExchangeCore core = flow.Twin;
        // Warm-up: one batch unmeasured, so the hot path runs tier-1 code.
        flow.Prepare(BatchKind.Mix, batch);
        Replay(core, batch, sink);
        MixCounts before = flow.Counts;
        sink.Reset();

        long measured = 0, ticks = 0, bytes = 0;
        TimeSpan cpu = TimeSpan.Zero;
        long limitTicks = options.Seconds is double s ? (long)(s * Stopwatch.Frequency) : long.MaxValue;
        long target = options.Seconds is null ? options.Commands : long.MaxValue;
        while (measured < target && ticks < limitTicks)
        {
            Span<Command> part = batch.AsSpan(0, (int)Math.Min(batch.Length, target - measured));
            flow.Prepare(BatchKind.Mix, part);
            TimeSpan cpuBefore = Clock.ProcessCpu();
            long allocated = GC.GetAllocatedBytesForCurrentThread();
            long start = Stopwatch.GetTimestamp();
            Replay(core, part, sink);
            ticks += Stopwatch.GetTimestamp() - start;
            bytes += GC.GetAllocatedBytesForCurrentThread() - allocated;
            cpu += Clock.ProcessCpu() - cpuBefore;
            measured += part.Length;
            progress?.Invoke("measuring", options.Seconds is null ? (double)measured / target : (double)ticks / limitTicks);
        }
        double seconds = (double)ticks / Stopwatch.Frequency;
        MixCounts counts = flow.Counts;
        return new ThroughputFigure
        {
            Commands = measured, Seconds = seconds, CommandsPerSecond = measured / seconds, NanosecondsPerCommand = seconds * 1e9 / measured,
            CoresBusy = cpu.TotalSeconds / seconds, AllocatedBytesPerCommand = (double)bytes / measured,
            EventsPerCommand = (double)sink.Events / measured, ReplayIdentical = flow.TwinMatchesShadow(),
            Detail = $"{Describe(counts, before)}; {flow.LiveCount:N0} resting at the end; {sink.Trades:N0} trades",
        };
    }

    /// <summary>Open-loop latency, one step per offered rate.</summary>
    public static List<LatencyStep> Latency(BenchOptions options, Action<string, double>? progress, out string stoppedBecause)
    {
        progress?.Invoke("set-up", 0);
        var flow = new OrderFlow(options.ToWorkload(withTwin: true));
        var batch = new Command[options.Batch];
        var sink = new CountingSink();
        ExchangeCore core = flow.Twin;
        flow.Prepare(BatchKind.Mix, batch);
        Replay(core, batch, sink);
        var histogram = new LongHistogram(3_600_000_000_000L, 3);
        var steps = new List<LatencyStep>();
        double[] rates = [.. options.Rates()];
        stoppedBecause = $"reached --rate-max {options.RateMax:N0}/s";
        for (int r = 0; r < rates.Length; r++)
        {
            double rate = rates[r];
            histogram.Reset();
            long count = Math.Max(10, (long)(rate * options.StepSeconds));
            long warmup = count / 10;
            double ticksPerCommand = Stopwatch.Frequency / rate;
            long done = 0, busyTicks = 0;
            while (done < count)
            {
                Span<Command> part = batch.AsSpan(0, (int)Math.Min(batch.Length, count - done));
                flow.Prepare(BatchKind.Mix, part);
                // Each batch is its own stretch of the schedule: the generator's pause between batches is the harness's, not the core's.
                long start = Stopwatch.GetTimestamp() + Stopwatch.Frequency / 1000;
                for (int i = 0; i < part.Length; i++)
                {
                    long due = start + (long)(i * ticksPerCommand);
                    Clock.WaitUntil(due);
                    core.Execute(ref part[i], sink);
                    if (done + i >= warmup) histogram.RecordValue(Math.Max(0, Clock.Nanos(Stopwatch.GetTimestamp() - due)));
                }
                busyTicks += Stopwatch.GetTimestamp() - start;
                done += part.Length;
                progress?.Invoke($"{rate:N0}/s", (r + (double)done / count) / rates.Length);
            }
            LatencyStep step = LatencyStep.From(histogram, rate, count / ((double)busyTicks / Stopwatch.Frequency), 0);
            steps.Add(step);
            if (step.P50 > options.MedianBoundMicroseconds * 1000)
            {
                stoppedBecause = $"median {step.P50 / 1000.0:N1} µs passed the bound of {options.MedianBoundMicroseconds:N0} µs at {rate:N0}/s";
                break;
            }
        }
        progress?.Invoke("done", 1);
        return steps;
    }

    /// <summary>The measured loop: every command of the batch through the core, nothing else.</summary>
    private static void Replay(ExchangeCore core, Span<Command> batch, CountingSink sink)
    {
        for (int i = 0; i < batch.Length; i++) core.Execute(ref batch[i], sink);
    }

    private static string Describe(MixCounts after, MixCounts before) => new MixCounts
    {
        Places = after.Places - before.Places,
        Cancels = after.Cancels - before.Cancels,
        AmendReduces = after.AmendReduces - before.AmendReduces,
        AmendReprices = after.AmendReprices - before.AmendReprices,
        Iocs = after.Iocs - before.Iocs,
        Markets = after.Markets - before.Markets,
    }.ToString();
}
