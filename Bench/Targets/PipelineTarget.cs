using System.Diagnostics;
using HdrHistogram;
using TokenMatch.Bench.Results;
using TokenMatch.Bench.Workloads;
using TokenMatch.Commands;
using TokenMatch.Journal.Writing;
using TokenMatch.Pipeline;

namespace TokenMatch.Bench.Targets;

/// <summary>
/// <c>bench pipeline</c> and <c>bench journal</c>: <see cref="EngineHost"/> (the command ring, the core
/// thread, the journal-and-answer thread) around the <see cref="OrderFlow"/>'s twin core, fed the
/// generator's stream by one producer at the generator's timestamps (<see cref="FlowClock"/>); with
/// <c>journal</c>, the real <see cref="JournalWriter"/> under it with the chosen fsync policy, in a
/// temporary directory removed afterwards. Batches are generated (not timed) while nothing is in flight.
/// </summary>
public static class PipelineTarget
{
    private const int PostChunk = 256;

    /// <summary>Throughput at saturation: the producer posts in chunks as fast as the ring takes them.</summary>
    public static ThroughputFigure Throughput(BenchOptions options, bool journal, Action<string, double>? progress)
    {
        progress?.Invoke("set-up", 0);
        using var rig = new Rig(options, journal);
        var batch = new Command[(int)Math.Min(options.Batch, options.Commands)];
        rig.Flow.Prepare(BatchKind.Mix, batch);
        rig.PostFlatOut(batch);
        long fsyncsBefore = rig.Writer?.Fsyncs ?? 0, notOkBefore = rig.Recorder.NotOk;

        long measured = 0, ticks = 0;
        TimeSpan cpu = TimeSpan.Zero;
        long limitTicks = options.Seconds is double s ? (long)(s * Stopwatch.Frequency) : long.MaxValue;
        long target = options.Seconds is null ? options.Commands : long.MaxValue;
        while (measured < target && ticks < limitTicks)
        {
            Span<Command> part = batch.AsSpan(0, (int)Math.Min(batch.Length, target - measured));
            rig.Flow.Prepare(BatchKind.Mix, part);
            TimeSpan cpuBefore = Clock.ProcessCpu();
            long start = Stopwatch.GetTimestamp();
            rig.PostFlatOut(part);
            ticks += Stopwatch.GetTimestamp() - start;
            cpu += Clock.ProcessCpu() - cpuBefore;
            measured += part.Length;
            progress?.Invoke("measuring", options.Seconds is null ? (double)measured / target : (double)ticks / limitTicks);
        }
        double seconds = (double)ticks / Stopwatch.Frequency;
        long fsyncs = (rig.Writer?.Fsyncs ?? 0) - fsyncsBefore;
        return new ThroughputFigure
        {
            Commands = measured, Seconds = seconds, CommandsPerSecond = measured / seconds, NanosecondsPerCommand = seconds * 1e9 / measured,
            CoresBusy = cpu.TotalSeconds / seconds, NotOk = rig.Recorder.NotOk - notOkBefore,
            Detail = journal
                ? $"journal fsync {options.Fsync.ToString().ToLowerInvariant()}: {fsyncs:N0} fsyncs ({(double)measured / Math.Max(1, fsyncs):F0} commands each), {rig.Writer!.BytesWritten / (1 << 20):N0} MiB written"
                : "no journal",
        };
    }

    /// <summary>Open-loop latency: each command is posted at its scheduled time; latency is from that time to its answer.</summary>
    public static List<LatencyStep> Latency(BenchOptions options, bool journal, Action<string, double>? progress, out string stoppedBecause)
    {
        progress?.Invoke("set-up", 0);
        using var rig = new Rig(options, journal);
        var batch = new Command[options.Batch];
        rig.Flow.Prepare(BatchKind.Mix, batch);
        rig.PostFlatOut(batch);
        var histogram = new LongHistogram(3_600_000_000_000L, 3);
        var steps = new List<LatencyStep>();
        double[] rates = [.. options.Rates()];
        stoppedBecause = $"reached --rate-max {options.RateMax:N0}/s";
        for (int r = 0; r < rates.Length; r++)
        {
            double rate = rates[r];
            histogram.Reset();
            long count = Math.Max(10, (long)(rate * options.StepSeconds));
            long warmup = count / 10, done = 0, busyTicks = 0, notOkBefore = rig.Recorder.NotOk;
            double ticksPerCommand = Stopwatch.Frequency / rate;
            while (done < count)
            {
                Span<Command> part = batch.AsSpan(0, (int)Math.Min(batch.Length, count - done));
                rig.Flow.Prepare(BatchKind.Mix, part);
                rig.Recorder.Arm(rig.NextSequence, part.Length, Math.Max(0, warmup - done), histogram);
                long[] dueTimes = rig.Recorder.Due;
                long start = Stopwatch.GetTimestamp() + Stopwatch.Frequency / 1000;
                for (int i = 0; i < part.Length; i++) dueTimes[i] = start + (long)(i * ticksPerCommand);
                long expected = rig.Recorder.Answered + part.Length;
                for (int i = 0; i < part.Length; i++)
                {
                    Clock.WaitUntil(dueTimes[i]);
                    rig.Clock.Now = part[i].Timestamp;
                    rig.Post(in part[i]);
                }
                rig.Recorder.WaitFor(expected, rig.Host);
                busyTicks += Stopwatch.GetTimestamp() - start;
                rig.Recorder.Disarm();
                done += part.Length;
                progress?.Invoke($"{rate:N0}/s", (r + (double)done / count) / rates.Length);
            }
            LatencyStep step = LatencyStep.From(histogram, rate, count / ((double)busyTicks / Stopwatch.Frequency), rig.Recorder.NotOk - notOkBefore);
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

    /// <summary>The generator, the host around its twin, the clock, the callback and the journal of one run.</summary>
    private sealed class Rig : IDisposable
    {
        private readonly string? _directory;

        public Rig(BenchOptions options, bool journal)
        {
            Flow = new OrderFlow(options.ToWorkload(withTwin: true));
            NextSequence = Flow.Issued + 1;
            if (journal)
            {
                _directory = Path.Combine(Path.GetTempPath(), $"tokenmatch-bench-{Environment.ProcessId}-{Guid.NewGuid():N}");
                Writer = new JournalWriter(_directory, NextSequence, new JournalWriterOptions
                {
                    Fsync = options.Fsync, FsyncIntervalMicroseconds = options.FsyncIntervalMicroseconds, SegmentSize = 1L << 30,
                });
            }
            Host = new EngineHost(Flow.Twin, new EngineHostOptions
            {
                SingleProducer = true, FirstSequence = NextSequence, Clock = Clock,
                Journal = (IJournalConsumer?)Writer ?? NullJournalConsumer.Instance,
            });
            Host.Start();
        }

        public OrderFlow Flow { get; }
        public EngineHost Host { get; }
        public FlowClock Clock { get; } = new();
        public ResultRecorder Recorder { get; } = new();
        public JournalWriter? Writer { get; }

        /// <summary>The sequence the next posted command gets.</summary>
        public long NextSequence { get; private set; }

        /// <summary>Posts one command (waiting while the ring is full, the host's policy).</summary>
        public void Post(in Command command)
        {
            ResultCode posted = Host.Post(in command, Recorder);
            if (posted != ResultCode.Ok) throw new InvalidOperationException($"the host refused a command: {posted}");
            NextSequence++;
        }

        /// <summary>Posts <paramref name="commands"/> in chunks, each stamped with its first command's time, and waits for every answer.</summary>
        public void PostFlatOut(ReadOnlySpan<Command> commands)
        {
            long expected = Recorder.Answered + commands.Length;
            for (int i = 0; i < commands.Length; i += PostChunk)
            {
                ReadOnlySpan<Command> chunk = commands.Slice(i, Math.Min(PostChunk, commands.Length - i));
                Clock.Now = chunk[0].Timestamp;
                int posted = Host.PostBatch(chunk, Recorder);
                if (posted != chunk.Length) throw new InvalidOperationException($"the host took {posted} of {chunk.Length} commands");
                NextSequence += posted;
            }
            Recorder.WaitFor(expected, Host);
        }

        public void Dispose()
        {
            Host.Stop();
            Writer?.Dispose();
            if (_directory is not null && Directory.Exists(_directory)) Directory.Delete(_directory, recursive: true);
        }
    }
}
