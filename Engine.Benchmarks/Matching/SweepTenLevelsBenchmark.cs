using BenchmarkDotNet.Attributes;
using TokenMatch.Bench.Workloads;

namespace TokenMatch.Benchmarks.Matching;

/// <summary>IOC buys each taking ten levels (ten orders of 10 lots) of a 10,000-level ask ladder laid in set-up, in front of the background book.</summary>
public class SweepTenLevelsBenchmark : CoreBenchmark
{
    private const int Batch = 1_000;

    /// <inheritdoc/>
    protected override BatchKind Kind => BatchKind.SweepTenLevels;

    /// <inheritdoc/>
    protected override int BatchLength => Batch;

    /// <inheritdoc/>
    protected override int MinDistanceTicks => 10_001;

    /// <summary>Replays one batch; figures are per command.</summary>
    [Benchmark(OperationsPerInvoke = Batch)]
    public void SweepTenLevels() => ReplayBatch();
}
