using BenchmarkDotNet.Running;
using TokenMatch.Benchmarks.Pipeline;

namespace TokenMatch.Benchmarks;

/// <summary>
/// Entry point: BenchmarkDotNet's switcher over every benchmark in this assembly (pick with
/// <c>--filter</c>; runs in-process), or <c>latency [options]</c> for the open-loop latency harness.
/// </summary>
public static class Program
{
    /// <summary>Runs the benchmarks or a harness named by the first argument.</summary>
    public static int Main(string[] args)
    {
        if (args.Length > 0 && args[0] == "latency") return PipelineLatencyHarness.Run(args[1..]);
        // In-process by default: the project and assembly names differ, which BenchmarkDotNet's
        // out-of-process build cannot resolve, and in-process keeps runs short on a small machine.
        if (!args.Contains("--inProcess", StringComparer.OrdinalIgnoreCase)) args = [.. args, "--inProcess"];
        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        return 0;
    }
}
