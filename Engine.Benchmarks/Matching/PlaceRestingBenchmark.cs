using BenchmarkDotNet.Attributes;
using TokenMatch.Bench.Workloads;

namespace TokenMatch.Benchmarks.Matching;

/// <summary>Limit orders that rest near the touch: 2,000 per batch (the book grows by them; cleanup cancels back to depth).</summary>
public class PlaceRestingBenchmark : CoreBenchmark
{
    private const int Batch = 2_000;

    /// <inheritdoc/>
    protected override BatchKind Kind => BatchKind.PlaceResting;

    /// <inheritdoc/>
    protected override int BatchLength => Batch;

    /// <summary>Replays one batch; figures are per command.</summary>
    [Benchmark(OperationsPerInvoke = Batch)]
    public void PlaceResting() => ReplayBatch();
}
