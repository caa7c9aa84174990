using System.Diagnostics;
using System.Globalization;
using TokenMatch.Commands;
using TokenMatch.Pipeline;
using TokenMatch.Pipeline.WaitStrategies;

namespace TokenMatch.Benchmarks.Pipeline;

/// <summary>
/// <c>throughput [--commands N] [--batch N] [--journal none|batch|interval] [--interval-us N] [--wait K]</c>:
/// the whole pipeline flat out — one producer posting the trading mix with <c>PostBatch</c>
/// (<c>--batch</c> per claim, 64 by default) as fast as the ring takes them, answers counted by a
/// reused callback — with no journal or <see cref="FileJournal"/> under it. Prints commands/s
/// (after a warm-up of a tenth of the run) and, with a file journal, batches and fsyncs.
/// </summary>
internal static class PipelineThroughputHarness
{
    /// <summary>Runs the harness; returns the process exit code.</summary>
    public static int Run(string[] args)
    {
        long commands = (long)Option(args, "--commands", 10_000_000);
        int batchSize = (int)Option(args, "--batch", 64);
        WaitStrategyKind wait = Enum.Parse<WaitStrategyKind>(Text(args, "--wait", nameof(WaitStrategyKind.Yielding)), ignoreCase: true);
        string journalKind = Text(args, "--journal", "none");
        using BenchJournal journal = BenchJournal.Open(journalKind, (long)Option(args, "--interval-us", 200), "throughput");
        RealJournal? real = journal.Real;
        FileJournal? file = journal.File;
        var workload = new TradingWorkload();
        var host = new EngineHost(new EngineHostOptions
        {
            SingleProducer = true, WaitStrategy = wait, Journal = journal.Consumer,
        });
        host.Start();
        host.ApplySettingsAsync(workload.Settings()).GetAwaiter().GetResult();
        var callback = new CountingCallback();
        var batch = new Command[batchSize];

        long warmup = commands / 10;
        Post(host, workload, callback, batch, warmup);
        long batchesBefore = file?.Batches ?? 0, syncsBefore = file?.Syncs ?? 0;
        TimeSpan cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        long start = Stopwatch.GetTimestamp();
        Post(host, workload, callback, batch, commands);
        double seconds = Stopwatch.GetElapsedTime(start).TotalSeconds;
        TimeSpan cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
        host.Stop();

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"throughput: {commands:N0} commands, PostBatch {batchSize}, {wait} wait, journal {journalKind}: {commands / seconds:N0} commands/s ({seconds * 1e9 / commands:F0} ns each, {cpu.TotalSeconds / seconds:F2} cores busy)"));
        if (real is not null) Console.WriteLine(real.Describe(commands));
        if (file is not null)
        {
            long batches = file.Batches - batchesBefore;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"journal: {batches:N0} batches ({(double)commands / Math.Max(1, batches):F0} commands each), {file.Syncs - syncsBefore:N0} fsyncs"));
        }
        return 0;
    }

    private static void Post(EngineHost host, TradingWorkload workload, CountingCallback callback, Command[] batch, long count)
    {
        long target = callback.Count + count;
        for (long i = 0; i < count; i += batch.Length)
        {
            int n = (int)Math.Min(batch.Length, count - i);
            for (int j = 0; j < n; j++) batch[j] = workload.Next();
            host.PostBatch(batch.AsSpan(0, n), callback);
        }
        SpinWait spin = default;
        while (callback.Count < target) spin.SpinOnce();
    }

    private static string Text(string[] args, string name, string fallback)
    {
        int i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
    }

    private static double Option(string[] args, string name, double fallback)
    {
        int i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? double.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
    }
}
