using BenchmarkDotNet.Attributes;
using TokenMatch.Bench.Workloads;

namespace TokenMatch.Benchmarks.Matching;

/// <summary>Amends reducing a live order's quantity (priority kept): 5,000 per batch.</summary>
public class AmendReduceBenchmark : CoreBenchmark
{
    private const int Batch = 5_000;

    /// <inheritdoc/>
    protected override BatchKind Kind => BatchKind.AmendReduce;

    /// <inheritdoc/>
    protected override int BatchLength => Batch;

    /// <summary>Replays one batch; figures are per command.</summary>
    [Benchmark(OperationsPerInvoke = Batch)]
    public void AmendReduce() => ReplayBatch();
}
