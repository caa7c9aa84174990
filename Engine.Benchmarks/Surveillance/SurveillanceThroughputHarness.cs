using System.Diagnostics;
using TokenMatch.Commands;
using TokenMatch.Pipeline;
using TokenMatch.Surveillance;
using TokenMatch.Surveillance.Hosting;
using TokenMatch.Surveillance.Simulation;
using JournalWriter = TokenMatch.Journal.Writing.JournalWriter;

namespace TokenMatch.Benchmarks.Surveillance;

/// <summary>
/// <c>surveillance [--honest N] [--reps N] [--journal]</c>: the whole pipeline's throughput on the labelled
/// population (seed 1) with live surveillance off and on (the journal tap, the event tap, the
/// detector thread with the four standard detectors). One producer posts every command with a
/// reused callback and waits until all are answered; with surveillance on, it also reports how
/// long the detectors took to catch up and whether they had to drop (degraded). <c>--journal</c>
/// puts a real journal (fsync per batch, in a temporary directory) under the tap, as
/// <c>tokenmatch serve</c> runs it. Off and on alternate, and which goes first alternates per rep.
/// </summary>
public static class SurveillanceThroughputHarness
{
    /// <summary>Runs the harness; prints one line per run.</summary>
    public static int Run(string[] args)
    {
        int honest = Arg(args, "--honest", 3_000), reps = Arg(args, "--reps", 3);
        bool journal = Array.IndexOf(args, "--journal") >= 0;
        Population p = PopulationGenerator.Generate(new PopulationOptions { Seed = 1, HonestUsers = honest, BotFarmSize = 200 });
        Console.WriteLine($"population: {p.Commands.Count} commands, {p.Labels.Count} accounts; {Environment.ProcessorCount} cores; journal {(journal ? "fsync per batch" : "none")}");
        for (int r = 0; r < reps; r++)
        {
            foreach (bool on in r % 2 == 0 ? new[] { false, true } : new[] { true, false })
                RunOnce(p, on, journal);
        }
        return 0;
    }

    private static void RunOnce(Population p, bool surveillanceOn, bool journal)
    {
        string? directory = journal ? Path.Combine(Path.GetTempPath(), $"tokenmatch-bench-surveillance-{Guid.NewGuid():N}") : null;
        JournalWriter? writer = directory is null ? null : new JournalWriter(directory);
        IJournalConsumer inner = (IJournalConsumer?)writer ?? NullJournalConsumer.Instance;
        var engine = new SurveillanceEngine();
        SurveillanceHost? surveillance = surveillanceOn ? new SurveillanceHost(engine, inner) : null;
        var clock = new SetClock();
        var host = new EngineHost(new EngineHostOptions
        {
            Clock = clock, SingleProducer = true, Journal = surveillance?.Journal ?? inner,
        });
        surveillance?.Attach(host);
        host.Start();
        var callback = new Counter();
        var watch = Stopwatch.StartNew();
        foreach (Command c in p.Commands)
        {
            clock.Now = c.Timestamp;
            host.Post(c, callback);
        }
        SpinWait spin = default;
        while (callback.Count < p.Commands.Count) spin.SpinOnce();
        double core = watch.Elapsed.TotalSeconds;
        host.Stop();
        surveillance?.Stop();
        double total = watch.Elapsed.TotalSeconds;
        string extra = surveillance is null ? "" :
            $"; detectors done after {total:F3} s ({p.Commands.Count / total:N0} commands/s), alerts {engine.Raised.Count}, degraded {surveillance.Degraded}";
        Console.WriteLine($"surveillance {(surveillanceOn ? "on " : "off")}: {p.Commands.Count / core,12:N0} commands/s through the pipeline ({core:F3} s){extra}");
        writer?.Dispose();
        if (directory is not null) Directory.Delete(directory, recursive: true);
    }

    private static int Arg(string[] args, string name, int fallback)
    {
        int i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length && int.TryParse(args[i + 1], out int v) ? v : fallback;
    }

    private sealed class SetClock : IEngineClock
    {
        private long _now;
        public long Now { set => Volatile.Write(ref _now, value); }
        public long UtcNowNanoseconds() => Volatile.Read(ref _now);
    }

    private sealed class Counter : ICommandCallback
    {
        private long _count;
        public long Count => Volatile.Read(ref _count);
        public void OnResult(in Command command) => Volatile.Write(ref _count, _count + 1);
    }
}
