using System.Diagnostics;
using System.Runtime.CompilerServices;
using HdrHistogram;
using TokenMatch.Bench.Results;
using TokenMatch.Bench.Workloads;
using TokenMatch.Commands;
using TokenMatch.Core;

namespace TokenMatch.Bench.Targets;

/// <summary>
/// <c>bench core</c>: the matching core and ledger on one thread. The mix is generated on the
/// <see cref="OrderFlow"/>'s shadow core (never timed) and replayed into its twin (timed); a stream of
/// up to 2 GiB is generated whole before the clock starts, so the shadow never runs between measured
/// commands and evicts the twin's caches.
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
        // A stream that fits is generated whole before the clock starts, so the shadow core's run
        // between batches does not evict the measured core's caches; a longer one (or --seconds) is
        // generated batch by batch, between measured stretches.
        Command[]? stream = options.Seconds is null && Fits(target) ? Generate(flow, target, batch.Length, progress) : null;
        while (measured < target && ticks < limitTicks)
        {
            Span<Command> part;
            if (stream is not null) part = stream.AsSpan((int)measured, (int)Math.Min(batch.Length, target - measured));
            else
            {
                part = batch.AsSpan(0, (int)Math.Min(batch.Length, target - measured));
                flow.Prepare(BatchKind.Mix, part);
            }
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
            Detail = $"{Describe(counts, before)}; {flow.LiveCount:N0} resting at the end; {sink.Trades:N0} trades; "
                + (stream is not null ? "stream generated before the clock started" : $"generated in batches of {batch.Length:N0} between measured stretches"),
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
            long scheduleStart = 0;
            long done = 0, busyTicks = 0;
            // The step's commands generated before its schedule starts when they fit: one stretch of
            // schedule, no generator between commands. Otherwise each batch is its own stretch (the
            // generator's pause between batches is the harness's, not the core's).
            Command[]? stream = Fits(count) ? Generate(flow, count, batch.Length, null) : null;
            while (done < count)
            {
                Span<Command> part;
                if (stream is not null) part = stream.AsSpan((int)done, (int)Math.Min(batch.Length, count - done));
                else
                {
                    part = batch.AsSpan(0, (int)Math.Min(batch.Length, count - done));
                    flow.Prepare(BatchKind.Mix, part);
                }
                // A whole stream keeps one schedule; a batch starts its own a millisecond from now.
                long start = stream is not null && done > 0
                    ? scheduleStart + (long)(done * ticksPerCommand)
                    : Stopwatch.GetTimestamp() + Stopwatch.Frequency / 1000;
                if (done == 0) scheduleStart = start;
                for (int i = 0; i < part.Length; i++)
                {
                    long due = start + (long)(i * ticksPerCommand);
                    Clock.WaitUntil(due);
                    core.Execute(ref part[i], sink);
                    if (done + i >= warmup) histogram.RecordValue(Math.Max(0, Clock.Nanos(Stopwatch.GetTimestamp() - due)));
                }
                long end = Stopwatch.GetTimestamp();
                if (stream is not null) busyTicks = end - scheduleStart; // one stretch from its start
                else busyTicks += end - start;
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

    /// <summary>Streams up to 2 GiB are generated whole before they are measured.</summary>
    private static bool Fits(long commands) => commands <= (2L << 30) / Unsafe.SizeOf<Command>();

    /// <summary>The next <paramref name="count"/> commands of the mix, generated (on the shadow) in batches.</summary>
    private static Command[] Generate(OrderFlow flow, long count, int batch, Action<string, double>? progress)
    {
        var stream = new Command[count];
        for (long at = 0; at < count; at += batch)
        {
            flow.Prepare(BatchKind.Mix, stream.AsSpan((int)at, (int)Math.Min(batch, count - at)));
            progress?.Invoke("generating", (double)at / count);
        }
        return stream;
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
