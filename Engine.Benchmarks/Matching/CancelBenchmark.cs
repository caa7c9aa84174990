using BenchmarkDotNet.Attributes;
using TokenMatch.Bench.Workloads;

namespace TokenMatch.Benchmarks.Matching;

/// <summary>Cancels of uniformly chosen live orders: 2,000 per batch (cleanup places back to depth).</summary>
public class CancelBenchmark : CoreBenchmark
{
    private const int Batch = 2_000;

    /// <inheritdoc/>
    protected override BatchKind Kind => BatchKind.Cancel;

    /// <inheritdoc/>
    protected override int BatchLength => Batch;

    /// <summary>Replays one batch; figures are per command.</summary>
    [Benchmark(OperationsPerInvoke = Batch)]
    public void Cancel() => ReplayBatch();
}
