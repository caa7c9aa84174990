using BenchmarkDotNet.Attributes;
using TokenMatch.Bench.Workloads;

namespace TokenMatch.Benchmarks.Matching;

/// <summary>IOC buys each taking one level (one order of 10 lots) of a 5,000-level ask ladder laid in set-up, in front of the background book.</summary>
public class SweepOneLevelBenchmark : CoreBenchmark
{
    private const int Batch = 5_000;

    /// <inheritdoc/>
    protected override BatchKind Kind => BatchKind.SweepOneLevel;

    /// <inheritdoc/>
    protected override int BatchLength => Batch;

    /// <inheritdoc/>
    protected override int MinDistanceTicks => 5_001;

    /// <summary>Replays one batch; figures are per command.</summary>
    [Benchmark(OperationsPerInvoke = Batch)]
    public void SweepOneLevel() => ReplayBatch();
}
