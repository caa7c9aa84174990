using System.Diagnostics;
using System.Globalization;
using HdrHistogram;
using TokenMatch.Commands;
using TokenMatch.Pipeline;
using TokenMatch.Pipeline.WaitStrategies;

namespace TokenMatch.Benchmarks.Pipeline;

/// <summary>
/// Open-loop latency of the whole pipeline: one producer sends the trading mix on a fixed
/// schedule (<c>--rate</c> commands/s for <c>--seconds</c>, after <c>--warmup</c> seconds), and
/// each answer records, into an HdrHistogram, the time from when its command was <em>due</em> to be
/// sent to when the responder answered it — so a stall counts against every command it delays
/// (no coordinated omission). <c>--wait</c> picks the wait strategy (yielding by default);
/// <c>--journal none|batch|interval</c> the journal stand-in (<see cref="FileJournal"/>: fsync per
/// batch, or at most every <c>--interval-us</c> µs, 200 by default). Prints p50, p99, p99.9, max,
/// the rate achieved and, with a file journal, batches and fsyncs.
/// </summary>
internal static class PipelineLatencyHarness
{
    /// <summary>Runs the harness; returns the process exit code.</summary>
    public static int Run(string[] args)
    {
        double rate = Option(args, "--rate", 1_000_000);
        double seconds = Option(args, "--seconds", 5);
        double warmup = Option(args, "--warmup", 1);

        var workload = new TradingWorkload();
        WaitStrategyKind wait = Enum.Parse<WaitStrategyKind>(Text(args, "--wait", nameof(WaitStrategyKind.Yielding)), ignoreCase: true);
        string journalKind = Text(args, "--journal", "none");
        using BenchJournal journal = BenchJournal.Open(journalKind, (long)Option(args, "--interval-us", 200), "latency");
        RealJournal? real = journal.Real;
        FileJournal? file = journal.File;
        using var host = new EngineHost(new EngineHostOptions
        {
            SingleProducer = true, WaitStrategy = wait, Journal = journal.Consumer,
        });
        host.Start();
        host.ApplySettingsAsync(workload.Settings()).GetAwaiter().GetResult();

        long interval = (long)(Stopwatch.Frequency / rate);
        long yieldThreshold = Stopwatch.Frequency / 50_000;
        long total = (long)(rate * (warmup + seconds));
        long warmupCount = (long)(rate * warmup);
        // The timed commands take the sequences right after a marker command.
        long firstSequence = host.SubmitAsync(Command.Time(0)).AsTask().GetAwaiter().GetResult().Sequence + 1;
        long start = Stopwatch.GetTimestamp() + Stopwatch.Frequency / 100;
        var recorder = new LatencyRecorder(start, interval, firstSequence, warmupCount);

        for (long i = 0; i < total; i++)
        {
            long due = start + i * interval;
            // Yield while the next send is far off: on 2 cores a spinning producer starves the pipeline.
            long now;
            while ((now = Stopwatch.GetTimestamp()) < due)
            {
                if (due - now > yieldThreshold) Thread.Yield();
                else Thread.SpinWait(1);
            }
            host.Post(workload.Next(), recorder);
        }
        SpinWait spin = default;
        while (recorder.Answered < total) spin.SpinOnce();
        double elapsed = (double)(Stopwatch.GetTimestamp() - start) / Stopwatch.Frequency;

        HistogramBase h = recorder.Histogram;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"offered {rate:N0}/s for {seconds}s (+{warmup}s warm-up), {wait} wait, journal {journalKind}, achieved {total / elapsed:N0}/s"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"submit→result µs: p50 {Micros(h, 50)}  p99 {Micros(h, 99)}  p99.9 {Micros(h, 99.9)}  max {h.GetMaxValue() / 1000.0:N1}  (n={h.TotalCount:N0})"));
        host.Stop();
        if (real is not null) Console.WriteLine(real.Describe(total));
        if (file is not null)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"journal: {file.Batches:N0} batches ({(double)(total + 1) / Math.Max(1, file.Batches):F1} commands each), {file.Syncs:N0} fsyncs"));
        }
        return 0;
    }

    private static string Micros(HistogramBase h, double percentile) =>
        (h.GetValueAtPercentile(percentile) / 1000.0).ToString("N1", CultureInfo.InvariantCulture);

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
