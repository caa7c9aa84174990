using BenchmarkDotNet.Running;
using TokenMatch.Benchmarks.Harness;

// BenchmarkDotNet by default; "mix" and "latency-core" are the project's own quick harnesses.
return args.FirstOrDefault() switch
{
    "mix" => MixHarness.Run(args[1..]),
    "latency-core" => LatencyHarness.Run(args[1..]),
    _ => RunBenchmarks(args),
};

static int RunBenchmarks(string[] args)
{
    BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
    return 0;
}
