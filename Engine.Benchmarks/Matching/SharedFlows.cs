using TokenMatch.Bench.Workloads;

namespace TokenMatch.Benchmarks.Matching;

/// <summary>
/// One <see cref="OrderFlow"/> per (depth, closest distance) for the whole in-process run, so that the
/// million-order set-up (two cores, four million commands) is paid once rather than per benchmark.
/// Each benchmark restores the depth it found, so a flow is always handed over at its target depth;
/// the commands a benchmark measures therefore depend on which benchmarks ran before it in the same
/// run (their figures do not, in any way that matters). Used from BenchmarkDotNet's thread only.
/// </summary>
public static class SharedFlows
{
    private static readonly Dictionary<(int Depth, int MinDistance), OrderFlow> Flows = new();

    /// <summary>The flow at <paramref name="depth"/> resting orders and as many accounts, built on first use.</summary>
    public static OrderFlow Get(int depth, int minDistanceTicks)
    {
        if (!Flows.TryGetValue((depth, minDistanceTicks), out OrderFlow? flow))
        {
            flow = new OrderFlow(new WorkloadOptions { Depth = depth, Accounts = depth, MinDistanceTicks = minDistanceTicks });
            Flows.Add((depth, minDistanceTicks), flow);
        }
        return flow;
    }
}
