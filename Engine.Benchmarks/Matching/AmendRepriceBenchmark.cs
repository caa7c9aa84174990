using BenchmarkDotNet.Attributes;
using TokenMatch.Bench.Workloads;

namespace TokenMatch.Benchmarks.Matching;

/// <summary>Amends moving a live order to another price on its side (cancel-and-replace, no match): 5,000 per batch.</summary>
public class AmendRepriceBenchmark : CoreBenchmark
{
    private const int Batch = 5_000;

    /// <inheritdoc/>
    protected override BatchKind Kind => BatchKind.AmendReprice;

    /// <inheritdoc/>
    protected override int BatchLength => Batch;

    /// <summary>Replays one batch; figures are per command.</summary>
    [Benchmark(OperationsPerInvoke = Batch)]
    public void AmendReprice() => ReplayBatch();
}
