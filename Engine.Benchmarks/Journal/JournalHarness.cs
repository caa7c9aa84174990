using System.Diagnostics;
using System.Globalization;
using TokenMatch.Bench.Workloads;
using TokenMatch.Commands;
using TokenMatch.Core;
using TokenMatch.Journal.Format;
using TokenMatch.Journal.Reading;
using TokenMatch.Journal.Recovery;
using TokenMatch.Journal.Snapshots;
using TokenMatch.Journal.Writing;

namespace TokenMatch.Benchmarks.Journal;

/// <summary>
/// <c>journal [--records N] [--batch B] [--resting R] [--accounts A] [--dir D] [--snapshot-orders S] [--tail T]</c>:
/// the journal's figures on this machine's disk. (1) append: N records in batches of B with one
/// fsync per batch (the <c>batch</c> policy), and once more with <c>none</c>; (2) replay: read only,
/// then read + core; (3) recovery of the whole journal; (4) with a snapshot of S resting orders and
/// a T-record tail: snapshot write time and recovery time. Prints one line per figure.
/// </summary>
public static class JournalHarness
{
    /// <summary>Runs the mode; returns the process exit code.</summary>
    public static int Run(string[] args)
    {
        long records = Arg(args, "--records", 10_000_000);
        int batch = (int)Arg(args, "--batch", 4096);
        long resting = Arg(args, "--resting", 10_000);
        int accounts = (int)Arg(args, "--accounts", 10_000);
        long snapshotOrders = Arg(args, "--snapshot-orders", 1_000_000);
        long tail = Arg(args, "--tail", 1_000_000);
        string root = Path.Combine(ArgText(args, "--dir") ?? Path.GetTempPath(), "tokenmatch-journal-bench-" + Environment.ProcessId);
        Directory.CreateDirectory(root);
        try
        {
            Console.WriteLine($"journal: {records:N0} records, batches of {batch:N0}, {resting:N0} resting orders, {accounts:N0} accounts, in {root}");
            string dir = Path.Combine(root, "full");
            Append(dir, records, batch, accounts, resting, FsyncPolicy.Batch, "append, fsync per batch");
            Append(Path.Combine(root, "nofsync"), Math.Min(records, 2_000_000), batch, accounts, resting, FsyncPolicy.None, "append, no fsync");
            ReadOnly(dir);
            ReadAndRun(dir, resting);
            Recover(dir, "recovery, whole journal (no snapshot)");
            if (snapshotOrders > 0) SnapshotScenario(Path.Combine(root, "snap"), snapshotOrders, tail, batch, accounts);
            return 0;
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private static void Append(string dir, long records, int batch, int accounts, long resting, FsyncPolicy policy, string what)
    {
        var workload = new JournalWorkload(accounts, resting, 20261201);
        var commands = new Command[batch];
        using var writer = new JournalWriter(dir, 0, new JournalWriterOptions { Fsync = policy });
        long ticks = 0;
        for (long done = 0; done < records;)
        {
            int n = (int)Math.Min(batch, records - done);
            workload.Next(commands.AsSpan(0, n));
            long start = Stopwatch.GetTimestamp();
            writer.OnCommands(commands.AsSpan(0, n), true);
            ticks += Stopwatch.GetTimestamp() - start;
            done += n;
        }
        double seconds = ticks / (double)Stopwatch.Frequency;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{what}: {records / seconds / 1e6:F2} M records/s, {writer.BytesWritten / seconds / 1e6:F0} MB/s, {writer.BytesWritten / (double)records:F1} bytes/record, {writer.Fsyncs:N0} fsyncs{(writer.Fsyncs > 0 ? $" ({seconds * 1e6 / writer.Fsyncs:F0} µs per batch, write + fsync)" : "")}, {writer.SegmentsStarted} segments"));
    }

    private static void ReadOnly(string dir)
    {
        var reader = new JournalReader(dir);
        var entry = new JournalEntry();
        long count = 0;
        var clock = Stopwatch.StartNew();
        while (reader.Read(ref entry)) count++;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"replay, read and check only: {count / clock.Elapsed.TotalSeconds / 1e6:F2} M records/s ({clock.Elapsed.TotalSeconds:F2} s)"));
    }

    private static void ReadAndRun(string dir, long resting)
    {
        var core = new ExchangeCore(new CoreOptions { InitialOrderCapacity = (int)Math.Max(1 << 16, resting * 2) });
        var sink = new CountingSink();
        var reader = new JournalReader(dir);
        var entry = new JournalEntry();
        long count = 0, rejected = 0;
        TimeSpan cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        while (reader.Read(ref entry))
        {
            if (entry.Kind != RecordKind.Command) continue;
            core.Execute(ref entry.Command, sink);
            if (entry.Command.Result != ResultCode.Ok) rejected++;
            count++;
        }
        double seconds = clock.Elapsed.TotalSeconds;
        double cpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"replay, read + core: {count / seconds / 1e6:F2} M records/s wall, {count / cpuSeconds / 1e6:F2} M records/s of process CPU time ({seconds:F2} s; {rejected * 100.0 / count:F1}% rejected, mostly cancels of filled orders)"));
    }

    private static void Recover(string dir, string what)
    {
        var clock = Stopwatch.StartNew();
        RecoveryResult result = JournalRecovery.Recover(dir);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{what}: {clock.Elapsed.TotalSeconds:F2} s ({result.CommandsReplayed:N0} commands replayed, snapshot {(result.SnapshotSequence is long s ? s.ToString("N0", CultureInfo.InvariantCulture) : "none")})"));
    }

    private static void SnapshotScenario(string dir, long orders, long tail, int batch, int accounts)
    {
        var workload = new JournalWorkload(accounts, orders, 7);
        var core = new ExchangeCore(new CoreOptions { InitialOrderCapacity = (int)(orders * 2) });
        var sink = new CountingSink();
        var commands = new Command[batch];
        using (var writer = new JournalWriter(dir, 0, new JournalWriterOptions { Fsync = FsyncPolicy.None }))
        {
            // The book first: the set-up, then the resting phase, whose places all rest (buys below the mid, sells above).
            long book = WorkloadMarket.SetupCommands().Length + 3L * accounts + orders;
            for (long done = 0; done < book;)
            {
                Span<Command> part = commands.AsSpan(0, (int)Math.Min(commands.Length, book - done));
                workload.Next(part);
                writer.OnCommands(part, true);
                for (int i = 0; i < part.Length; i++) core.Execute(ref part[i], sink);
                done += part.Length;
            }
            var clock = Stopwatch.StartNew();
            string path = SnapshotPayload.Save(core, dir);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"snapshot of {orders:N0} resting orders: written in {clock.Elapsed.TotalSeconds:F2} s (serialise + fsync), {new FileInfo(path).Length / 1e6:F0} MB"));
            for (long done = 0; done < tail; done += commands.Length)
            {
                workload.Next(commands);
                writer.OnCommands(commands, true);
            }
        }
        Recover(dir, $"recovery, snapshot + {tail:N0}-record tail");
    }

    private static long Arg(string[] args, string name, long fallback)
    {
        string? text = ArgText(args, name);
        return text is null ? fallback : long.Parse(text.Replace("_", "", StringComparison.Ordinal), CultureInfo.InvariantCulture);
    }

    private static string? ArgText(string[] args, string name)
    {
        int i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }
}
