using System.CommandLine;
using System.Globalization;
using Spectre.Console;
using TokenMatch.Bench;
using TokenMatch.Bench.Results;
using TokenMatch.Bench.Workloads;
using TokenMatch.Journal.Writing;

namespace TokenMatch.Cli.Commands;

/// <summary>
/// <c>tokenmatch bench &lt;target&gt; [options]</c>: throughput at saturation, or with <c>--latency</c>
/// open-loop latency at stepped offered rates, of the core, the pipeline, the journal, the gateway or
/// journal replay (the work is <see cref="BenchRunner"/>'s, in <c>Bench/</c>); <c>--json</c> writes
/// every figure with the machine; the last line is always <c>commands/s: N</c>.
/// <c>bench report</c> (<see cref="BenchReportCommand"/>) turns result files into docs/benchmarks.md.
/// </summary>
public static class BenchCommand
{
    /// <summary>Exit code when the measured run itself failed (a refused command, a lost connection, a full disk).</summary>
    public const int RunFailed = 5;

    private static readonly string[] Targets = ["core", "pipeline", "journal", "gateway", "replay"];

    /// <summary>The <c>bench</c> subcommand and its <c>report</c> subcommand.</summary>
    public static System.CommandLine.Command Create()
    {
        var target = new Argument<string>("target") { Description = "core, pipeline, journal, gateway or replay" };
        var latency = new Option<bool>("--latency") { Description = "Open-loop latency at stepped offered rates (HdrHistogram percentiles per rate) instead of throughput" };
        var quick = new Option<bool>("--quick") { Description = "A short run (under a minute): 1,000,000 commands, or 0.5 s latency steps up to 4,000,000/s" };
        var json = new Option<FileInfo?>("--json") { HelpName = "file", Description = "Write every figure, the machine, runtime, GC mode, git revision, date and command line as JSON" };
        var mix = new Option<string?>("--mix") { HelpName = "p,c,a,i,m", Description = "Percentages of place, cancel, amend, IOC and market commands, adding up to 100 (default 50,35,10,2.5,2.5)" };
        var markets = new Option<int?>("--markets") { HelpName = "N", Description = "Markets traded (default 1)" };
        var accounts = new Option<int?>("--accounts") { HelpName = "N", Description = "Trader accounts (default 10,000; up to 1,000,000)" };
        var depth = new Option<int?>("--depth") { HelpName = "N", Description = "Resting orders the book is held at (default 10,000; 0 to 1,000,000)" };
        var commands = new Option<long?>("--commands") { HelpName = "N", Description = "Measured commands in throughput mode (default 5,000,000; --quick 1,000,000)" };
        var seconds = new Option<double?>("--seconds") { HelpName = "S", Description = "Measure for this many seconds instead of a command count" };
        var batch = new Option<int?>("--batch") { HelpName = "N", Description = "Commands generated (untimed) per batch (default 200,000)" };
        var seed = new Option<ulong?>("--seed") { HelpName = "N", Description = "Workload seed (default 20261201)" };
        var fsync = new Option<string?>("--fsync") { HelpName = "batch|interval|none", Description = "Journal target: fsync per batch (default), at most every --fsync-interval-us, or never" };
        var fsyncInterval = new Option<long?>("--fsync-interval-us") { HelpName = "µs", Description = "Fsync interval of --fsync interval (default 200)" };
        var connections = new Option<int?>("--connections") { HelpName = "N", Description = "Gateway target: TCP connections over loopback (default 4)" };
        var rateStart = new Option<double?>("--rate-start") { HelpName = "N", Description = "Latency: first offered rate, commands/s (default 100,000)" };
        var rateFactor = new Option<double?>("--rate-factor") { HelpName = "F", Description = "Latency: each step offers F times the previous rate (default 2)" };
        var rateMax = new Option<double?>("--rate-max") { HelpName = "N", Description = "Latency: highest offered rate (default 16,000,000; --quick 4,000,000)" };
        var stepSeconds = new Option<double?>("--step-seconds") { HelpName = "S", Description = "Latency: seconds per step, the first tenth unrecorded (default 2; --quick 0.5)" };
        var medianBound = new Option<double?>("--median-bound-us") { HelpName = "µs", Description = "Latency: stop after the first step whose median passes this bound (default 100)" };
        var noProgress = new Option<bool>("--no-progress") { Description = "No progress bar even on a terminal" };
        var command = new System.CommandLine.Command("bench", "Measure throughput or open-loop latency of the core, pipeline, journal, gateway or replay")
        {
            target, latency, quick, json, mix, markets, accounts, depth, commands, seconds, batch, seed, fsync, fsyncInterval, connections,
            rateStart, rateFactor, rateMax, stepSeconds, medianBound, noProgress,
        };
        command.Subcommands.Add(BenchReportCommand.Create());
        command.SetAction(r =>
        {
            TextWriter output = r.InvocationConfiguration.Output, error = r.InvocationConfiguration.Error;
            string name = r.GetRequiredValue(target);
            if (!TryParseTarget(name, out BenchTarget chosen))
            {
                error.WriteLine($"tokenmatch bench: unknown target '{name}' (targets: {string.Join(", ", Targets)}, or report)");
                return ExitCodes.Usage;
            }
            bool isQuick = r.GetValue(quick);
            MixPercent parsedMix = MixPercent.Default;
            if (r.GetValue(mix) is string mixText)
            {
                if (MixPercent.Parse(mixText, out string? mixProblem) is not MixPercent parsed)
                {
                    error.WriteLine($"tokenmatch bench: --mix {mixProblem}");
                    return ExitCodes.Usage;
                }
                parsedMix = parsed;
            }
            FsyncPolicy policy = FsyncPolicy.Batch;
            if (r.GetValue(fsync) is string fsyncText && !TryParseFsync(fsyncText, out policy))
            {
                error.WriteLine($"tokenmatch bench: --fsync '{fsyncText}': expected batch, interval or none");
                return ExitCodes.Usage;
            }
            var options = new BenchOptions
            {
                Target = chosen, Latency = r.GetValue(latency), Mix = parsedMix,
                Markets = r.GetValue(markets) ?? 1,
                Accounts = r.GetValue(accounts) ?? 10_000,
                Depth = r.GetValue(depth) ?? 10_000,
                Commands = r.GetValue(commands) ?? (isQuick ? 1_000_000 : 5_000_000),
                Seconds = r.GetValue(seconds),
                Batch = r.GetValue(batch) ?? 200_000,
                Seed = r.GetValue(seed) ?? 20261201,
                Fsync = policy,
                FsyncIntervalMicroseconds = r.GetValue(fsyncInterval) ?? 200,
                Connections = r.GetValue(connections) ?? 4,
                RateStart = r.GetValue(rateStart) ?? 100_000,
                RateFactor = r.GetValue(rateFactor) ?? 2,
                RateMax = r.GetValue(rateMax) ?? (isQuick ? 4_000_000 : 16_000_000),
                StepSeconds = r.GetValue(stepSeconds) ?? (isQuick ? 0.5 : 2),
                MedianBoundMicroseconds = r.GetValue(medianBound) ?? 100,
            };
            IReadOnlyList<string> problems = options.Problems();
            if (problems.Count > 0)
            {
                foreach (string p in problems) error.WriteLine($"tokenmatch bench: {p}");
                return ExitCodes.Usage;
            }
            string commandLine = "tokenmatch " + string.Join(" ", r.Tokens.Select(t => Quote(t.Value)));
            bool showProgress = !r.GetValue(noProgress) && ReferenceEquals(output, Console.Out) && !Console.IsOutputRedirected && AnsiConsole.Profile.Capabilities.Interactive;
            return Run(options, commandLine, r.GetValue(json), showProgress, output, error);
        });
        return command;
    }

    /// <summary>Runs a checked set of options, prints the figures and writes the JSON; returns an exit code.</summary>
    public static int Run(BenchOptions options, string commandLine, FileInfo? json, bool showProgress, TextWriter output, TextWriter error)
    {
        BenchResult result;
        try
        {
            output.WriteLine($"{commandLine}");
            output.WriteLine($"load average {MachineInfo.LoadAverageNow()} on {Environment.ProcessorCount} cores: on a shared machine the figures are a floor");
            if (showProgress)
            {
                BenchResult? done = null;
                AnsiConsole.Progress().AutoClear(true).Start(ctx =>
                {
                    ProgressTask task = ctx.AddTask($"bench {options.Target.ToString().ToLowerInvariant()}", maxValue: 1);
                    done = BenchRunner.Run(options, commandLine, (stage, fraction) =>
                    {
                        task.Description = $"bench {options.Target.ToString().ToLowerInvariant()}: {stage}";
                        task.Value = Math.Clamp(fraction, 0, 1);
                    });
                    task.Value = 1;
                });
                result = done!;
            }
            else result = BenchRunner.Run(options, commandLine);
        }
        catch (Exception e) when (e is IOException or InvalidOperationException or UnauthorizedAccessException or System.Net.Sockets.SocketException)
        {
            error.WriteLine($"tokenmatch bench: the run failed: {e.Message}");
            return RunFailed;
        }
        Print(result, output);
        if (json is not null)
        {
            try
            {
                BenchJson.Write(result, json.FullName);
                output.WriteLine($"wrote {json.FullName}");
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                error.WriteLine($"tokenmatch bench: cannot write {json.FullName}: {e.Message}");
                return ExitCodes.FileError;
            }
        }
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"commands/s: {HeadlineRate(result):F0}"));
        return ExitCodes.Ok;
    }

    /// <summary>
    /// The figure of the last line: throughput, or in latency mode the highest achieved rate among
    /// the steps whose median stayed within the bound (0 when none did).
    /// </summary>
    public static double HeadlineRate(BenchResult result)
    {
        if (result.Throughput is ThroughputFigure t) return Math.Round(t.CommandsPerSecond);
        double bound = (result.Settings.MedianBoundMicroseconds ?? double.MaxValue) * 1000;
        double best = 0;
        foreach (LatencyStep s in result.Latency)
            if (s.P50 <= bound) best = Math.Max(best, Math.Round(Math.Min(s.AchievedRate, s.OfferedRate)));
        return best;
    }

    private static void Print(BenchResult result, TextWriter output)
    {
        BenchSettings s = result.Settings;
        output.WriteLine($"{result.Target} {result.Mode}: depth {s.Depth:N0}, {s.Accounts:N0} accounts, {s.Markets} market(s), mix {s.Mix}, seed {s.Seed}"
            + (s.Fsync is null ? "" : $", fsync {s.Fsync}") + (s.Connections is null ? "" : $", {s.Connections} connections"));
        if (result.Throughput is ThroughputFigure t)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{t.Commands:N0} commands in {t.Seconds:F3} s: {t.NanosecondsPerCommand:F1} ns each, {t.CoresBusy:F2} cores busy, {t.NotOk:N0} not ok"));
            if (t.AllocatedBytesPerCommand is double b) output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"allocated: {b:F3} B/command"));
            if (t.EventsPerCommand is double e) output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"events: {e:F2} per command"));
            if (t.ReplayIdentical is bool same) output.WriteLine($"replay identical to the generator's run: {(same ? "yes" : "NO")}");
            if (t.Detail is not null) output.WriteLine(t.Detail);
        }
        else
        {
            output.WriteLine("offered/s     achieved/s       p50 µs     p90 µs     p99 µs   p99.9 µs  p99.99 µs     max µs   not ok");
            foreach (LatencyStep step in result.Latency)
            {
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{step.OfferedRate,10:N0} {step.AchievedRate,13:N0} {Us(step.P50)} {Us(step.P90)} {Us(step.P99)} {Us(step.P999)} {Us(step.P9999)} {Us(step.Max)} {step.NotOk,8:N0}"));
            }
            output.WriteLine($"stopped: {result.StoppedBecause}");
        }
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"took {result.TotalSeconds:F1} s in all (set-up included)"));
    }

    private static string Us(long ns) => (ns / 1000.0).ToString("F1", CultureInfo.InvariantCulture).PadLeft(10);

    private static bool TryParseTarget(string name, out BenchTarget target)
    {
        int index = Array.IndexOf(Targets, name.ToLowerInvariant());
        target = index < 0 ? default : (BenchTarget)index;
        return index >= 0;
    }

    private static bool TryParseFsync(string text, out FsyncPolicy policy)
    {
        policy = text.ToLowerInvariant() switch { "batch" => FsyncPolicy.Batch, "interval" => FsyncPolicy.Interval, "none" => FsyncPolicy.None, _ => (FsyncPolicy)(-1) };
        return (int)policy >= 0;
    }

    private static string Quote(string token) => token.Length > 0 && token.All(c => char.IsLetterOrDigit(c) || "-_./,=:+@".Contains(c)) ? token : $"'{token.Replace("'", "'\\''", StringComparison.Ordinal)}'";
}
