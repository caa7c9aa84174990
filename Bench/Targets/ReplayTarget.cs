using System.Diagnostics;
using TokenMatch.Bench.Results;
using TokenMatch.Bench.Workloads;
using TokenMatch.Commands;
using TokenMatch.Core;
using TokenMatch.Journal.Format;
using TokenMatch.Journal.Reading;
using TokenMatch.Journal.Writing;

namespace TokenMatch.Bench.Targets;

/// <summary>
/// <c>bench replay</c>: a journal of the generator's whole run (set-up, depth fill and the measured
/// commands, written untimed without fsync into a temporary directory), then read back once to warm
/// the file cache and time the reader alone, and once more into a fresh core (the figure: records per
/// second, read + check + execute). The final state hash must equal the generator's.
/// </summary>
public static class ReplayTarget
{
    /// <summary>Throughput of read + core.</summary>
    public static ThroughputFigure Throughput(BenchOptions options, Action<string, double>? progress)
    {
        string directory = Path.Combine(Path.GetTempPath(), $"tokenmatch-bench-replay-{Environment.ProcessId}-{Guid.NewGuid():N}");
        try
        {
            progress?.Invoke("writing the journal", 0);
            OrderFlow flow;
            using (var writer = new JournalWriter(directory, 1, new JournalWriterOptions { Fsync = FsyncPolicy.None, SegmentSize = 1L << 30 }))
            {
                WorkloadOptions workload = options.ToWorkload(withTwin: false);
                flow = new OrderFlow(new WorkloadOptions
                {
                    Seed = workload.Seed, Accounts = workload.Accounts, Depth = workload.Depth, Mix = workload.Mix, Markets = workload.Markets,
                    WithTwin = false, Tap = writer,
                });
                var batch = new Command[(int)Math.Min(options.Batch, options.Commands)];
                for (long done = 0; done < options.Commands;)
                {
                    Span<Command> part = batch.AsSpan(0, (int)Math.Min(batch.Length, options.Commands - done));
                    flow.Prepare(BatchKind.Mix, part);
                    writer.OnCommands([], endOfBatch: true);
                    done += part.Length;
                    progress?.Invoke("writing the journal", 0.5 * done / options.Commands);
                }
            }

            progress?.Invoke("reading", 0.5);
            var entry = new JournalEntry();
            long readOnly = 0;
            long readStart = Stopwatch.GetTimestamp();
            var reader = new JournalReader(directory);
            while (reader.Read(ref entry)) readOnly++;
            double readSeconds = Stopwatch.GetElapsedTime(readStart).TotalSeconds;

            progress?.Invoke("replaying", 0.75);
            var core = new ExchangeCore(OrderFlow.CoreOptionsFor(options.ToWorkload(withTwin: false)));
            var sink = new CountingSink();
            long records = 0, notOk = 0;
            reader = new JournalReader(directory);
            TimeSpan cpuBefore = Clock.ProcessCpu();
            long allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
            long start = Stopwatch.GetTimestamp();
            while (reader.Read(ref entry))
            {
                if (entry.Kind != RecordKind.Command) continue;
                core.Execute(ref entry.Command, sink);
                if (entry.Command.Result != ResultCode.Ok) notOk++;
                records++;
            }
            double seconds = Stopwatch.GetElapsedTime(start).TotalSeconds;
            long allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
            double cpu = (Clock.ProcessCpu() - cpuBefore).TotalSeconds;
            progress?.Invoke("done", 1);
            return new ThroughputFigure
            {
                Commands = records, Seconds = seconds, CommandsPerSecond = records / seconds, NanosecondsPerCommand = seconds * 1e9 / records,
                CoresBusy = cpu / seconds, AllocatedBytesPerCommand = (double)allocated / records, NotOk = notOk,
                EventsPerCommand = (double)sink.Events / records, ReplayIdentical = core.StateHash() == flow.Shadow.StateHash(),
                Detail = $"{records:N0} records (set-up and depth fill included); reading alone {readOnly / readSeconds / 1e6:F2} M records/s",
            };
        }
        finally
        {
            if (Directory.Exists(directory)) Directory.Delete(directory, recursive: true);
        }
    }
}
