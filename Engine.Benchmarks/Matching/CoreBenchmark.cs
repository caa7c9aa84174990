using BenchmarkDotNet.Attributes;
using TokenMatch.Bench.Workloads;
using TokenMatch.Commands;
using TokenMatch.Core;

namespace TokenMatch.Benchmarks.Matching;

/// <summary>
/// A batch of one <see cref="BatchKind"/> through the matching core alone, at 10,000 and at 1,000,000
/// resting orders (as many accounts). Iteration set-up writes the batch (run on the generator's shadow
/// core); the benchmark replays it into the twin core with a counting sink; cleanup restores the depth.
/// Derived classes fix the kind and the batch length, which their OperationsPerInvoke repeats.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(MatchingConfig))]
public abstract class CoreBenchmark
{
    private readonly CountingSink _sink = new();
    private OrderFlow _flow = null!;
    private ExchangeCore _core = null!;
    private Command[] _batch = [];

    /// <summary>Resting orders the book is held at; the workload has as many trader accounts.</summary>
    [Params(10_000, 1_000_000)]
    public int Depth { get; set; }

    /// <summary>What the batch exercises.</summary>
    protected abstract BatchKind Kind { get; }

    /// <summary>Commands per batch: must equal the benchmark's OperationsPerInvoke.</summary>
    protected abstract int BatchLength { get; }

    /// <summary>Closest a background order sits to the mid, in ticks (sweeps keep room for their ladder).</summary>
    protected virtual int MinDistanceTicks => 1;

    /// <summary>Builds (or reuses) the workload at <see cref="Depth"/>.</summary>
    [GlobalSetup]
    public void GlobalSetup()
    {
        _flow = SharedFlows.Get(Depth, MinDistanceTicks);
        _core = _flow.Twin;
        _batch = new Command[BatchLength];
    }

    /// <summary>Writes the next batch (not measured).</summary>
    [IterationSetup]
    public void IterationSetup() => _flow.Prepare(Kind, _batch);

    /// <summary>Restores the target depth (not measured).</summary>
    [IterationCleanup]
    public void IterationCleanup() => _flow.Restore(Kind, _batch.Length);

    /// <summary>The measured part: every command of the batch through the core.</summary>
    protected void ReplayBatch()
    {
        Command[] batch = _batch;
        ExchangeCore core = _core;
        CountingSink sink = _sink;
        for (int i = 0; i < batch.Length; i++) core.Execute(ref batch[i], sink);
    }
}
