using TokenMatch.Bench.Workloads;
using TokenMatch.Journal.Writing;

namespace TokenMatch.Bench;

/// <summary>Everything one <c>tokenmatch bench</c> run is told: target, workload, mode and sizes. Immutable once built.</summary>
public sealed class BenchOptions
{
    /// <summary>Largest resting depth the harness builds.</summary>
    public const int MaxDepth = 1_000_000;

    /// <summary>Largest number of trader accounts.</summary>
    public const int MaxAccounts = 1_000_000;

    /// <summary>What is measured.</summary>
    public BenchTarget Target { get; init; } = BenchTarget.Core;

    /// <summary>Open-loop latency at stepped offered rates instead of throughput at saturation.</summary>
    public bool Latency { get; init; }

    /// <summary>The command mix.</summary>
    public MixPercent Mix { get; init; } = MixPercent.Default;

    /// <summary>Markets traded.</summary>
    public int Markets { get; init; } = 1;

    /// <summary>Trader accounts.</summary>
    public int Accounts { get; init; } = 10_000;

    /// <summary>Resting orders the book is filled to and held at (0..<see cref="MaxDepth"/>).</summary>
    public int Depth { get; init; } = 10_000;

    /// <summary>Measured commands (throughput mode), unless <see cref="Seconds"/> is set.</summary>
    public long Commands { get; init; } = 5_000_000;

    /// <summary>Measured seconds (throughput mode): commands are run until this much measured time has passed.</summary>
    public double? Seconds { get; init; }

    /// <summary>Commands generated per batch (generation is never timed).</summary>
    public int Batch { get; init; } = 200_000;

    /// <summary>Workload seed.</summary>
    public ulong Seed { get; init; } = 20261201;

    /// <summary>The journal's fsync policy (journal target).</summary>
    public FsyncPolicy Fsync { get; init; } = FsyncPolicy.Batch;

    /// <summary>Fsync interval for <see cref="FsyncPolicy.Interval"/>, µs.</summary>
    public long FsyncIntervalMicroseconds { get; init; } = 200;

    /// <summary>TCP connections (gateway target).</summary>
    public int Connections { get; init; } = 4;

    /// <summary>First offered rate of the latency mode, commands/s.</summary>
    public double RateStart { get; init; } = 100_000;

    /// <summary>Each step offers this many times the previous rate.</summary>
    public double RateFactor { get; init; } = 2;

    /// <summary>Highest offered rate tried.</summary>
    public double RateMax { get; init; } = 16_000_000;

    /// <summary>Seconds per latency step (the first tenth is warm-up, not recorded).</summary>
    public double StepSeconds { get; init; } = 2;

    /// <summary>The latency steps stop after the first whose median is above this bound, µs.</summary>
    public double MedianBoundMicroseconds { get; init; } = 100;

    /// <summary>Every problem with these options, in words (empty when they are usable).</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (Depth is < 0 or > MaxDepth) problems.Add($"--depth {Depth}: expected 0 to {MaxDepth:N0} resting orders");
        if (Accounts is < 2 or > MaxAccounts) problems.Add($"--accounts {Accounts}: expected 2 to {MaxAccounts:N0}");
        if (Markets is < 1 or > 64) problems.Add($"--markets {Markets}: expected 1 to 64");
        if (Mix.Problem() is string mix) problems.Add($"--mix {Mix}: {mix}");
        if (Commands < 1) problems.Add($"--commands {Commands}: expected at least 1");
        if (Seconds is double s && !(s > 0 && s <= 3600)) problems.Add($"--seconds {s}: expected more than 0, at most 3600");
        if (Batch is < 1 or > 10_000_000) problems.Add($"--batch {Batch}: expected 1 to 10,000,000");
        if (Connections is < 1 or > 256) problems.Add($"--connections {Connections}: expected 1 to 256");
        if (!(RateStart >= 1)) problems.Add($"--rate-start {RateStart}: expected at least 1 command/s");
        if (!(RateFactor > 1)) problems.Add($"--rate-factor {RateFactor}: expected more than 1");
        if (!(RateMax >= RateStart)) problems.Add($"--rate-max {RateMax}: expected at least --rate-start ({RateStart})");
        if (!(StepSeconds > 0 && StepSeconds <= 600)) problems.Add($"--step-seconds {StepSeconds}: expected more than 0, at most 600");
        if (!(MedianBoundMicroseconds > 0)) problems.Add($"--median-bound-us {MedianBoundMicroseconds}: expected more than 0");
        if (FsyncIntervalMicroseconds < 1) problems.Add($"--fsync-interval-us {FsyncIntervalMicroseconds}: expected at least 1");
        if (Latency && Target == BenchTarget.Replay) problems.Add("replay has no offered rate: --latency applies to core, pipeline, journal and gateway");
        return problems;
    }

    /// <summary>The workload these options describe (no twin, no tap: the targets add theirs).</summary>
    public WorkloadOptions ToWorkload(bool withTwin) => new()
    {
        Seed = Seed, Accounts = Accounts, Depth = Depth, Mix = Mix, Markets = Markets, WithTwin = withTwin,
    };

    /// <summary>The offered rates of the latency mode, in order.</summary>
    public IEnumerable<double> Rates()
    {
        for (double rate = RateStart; rate <= RateMax * 1.0000001; rate *= RateFactor) yield return Math.Round(rate);
    }
}
