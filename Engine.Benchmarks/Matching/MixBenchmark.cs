using BenchmarkDotNet.Attributes;
using TokenMatch.Bench.Workloads;

namespace TokenMatch.Benchmarks.Matching;

/// <summary>The realistic mix at constant depth (≈ 50% place, 35% cancel, 10% amend, 5% IOC/market): 200,000 commands per batch.</summary>
public class MixBenchmark : CoreBenchmark
{
    private const int Batch = 200_000;

    /// <inheritdoc/>
    protected override BatchKind Kind => BatchKind.Mix;

    /// <inheritdoc/>
    protected override int BatchLength => Batch;

    /// <summary>Replays one batch; figures are per command.</summary>
    [Benchmark(OperationsPerInvoke = Batch)]
    public void Mix() => ReplayBatch();
}
