using System.Diagnostics;
using TokenMatch.Bench.Results;
using TokenMatch.Bench.Targets;

namespace TokenMatch.Bench;

/// <summary>Runs one target in one mode and gathers the figures with the machine they were measured on.</summary>
public static class BenchRunner
{
    /// <summary>
    /// Runs <paramref name="options"/> (already checked with <see cref="BenchOptions.Problems"/>);
    /// <paramref name="commandLine"/> is recorded as the command that reproduces the result;
    /// <paramref name="progress"/> (may be null) hears the stage and the fraction done.
    /// </summary>
    public static BenchResult Run(BenchOptions options, string commandLine, Action<string, double>? progress = null)
    {
        var result = new BenchResult
        {
            Target = options.Target.ToString().ToLowerInvariant(),
            Mode = options.Latency ? "latency" : "throughput",
            Command = commandLine,
            Settings = BenchSettings.Of(options),
            Machine = MachineInfo.Current(),
        };
        long start = Stopwatch.GetTimestamp();
        if (options.Latency)
        {
            string stopped;
            result.Latency = options.Target switch
            {
                BenchTarget.Core => CoreTarget.Latency(options, progress, out stopped),
                BenchTarget.Pipeline => PipelineTarget.Latency(options, journal: false, progress, out stopped),
                BenchTarget.Journal => PipelineTarget.Latency(options, journal: true, progress, out stopped),
                BenchTarget.Gateway => GatewayTarget.Latency(options, progress, out stopped),
                _ => throw new ArgumentException($"{options.Target} has no latency mode", nameof(options)),
            };
            result.StoppedBecause = stopped;
        }
        else
        {
            result.Throughput = options.Target switch
            {
                BenchTarget.Core => CoreTarget.Throughput(options, progress),
                BenchTarget.Pipeline => PipelineTarget.Throughput(options, journal: false, progress),
                BenchTarget.Journal => PipelineTarget.Throughput(options, journal: true, progress),
                BenchTarget.Gateway => GatewayTarget.Throughput(options, progress),
                BenchTarget.Replay => ReplayTarget.Throughput(options, progress),
                _ => throw new ArgumentOutOfRangeException(nameof(options)),
            };
        }
        result.TotalSeconds = Stopwatch.GetElapsedTime(start).TotalSeconds;
        return result;
    }
}
