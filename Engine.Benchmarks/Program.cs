using BenchmarkDotNet.Running;
using TokenMatch.Benchmarks.Harness;
using TokenMatch.Benchmarks.Pipeline;

// BenchmarkDotNet by default; "mix", "latency-core", "latency" (the whole pipeline, open loop),
// "throughput" (the whole pipeline flat out) and (the gateway load test moved to `tokenmatch bench gateway`)
// "snapshot" (snapshot, checkpoint and restore times at a large state) are the project's own quick harnesses.
return args.FirstOrDefault() switch
{
    "mix" => MixHarness.Run(args[1..]),
    "latency-core" => LatencyHarness.Run(args[1..]),
    "latency" => PipelineLatencyHarness.Run(args[1..]),
    "throughput" => PipelineThroughputHarness.Run(args[1..]),
    "snapshot" => SnapshotHarness.Run(args[1..]),
    "surveillance" => TokenMatch.Benchmarks.Surveillance.SurveillanceThroughputHarness.Run(args[1..]),
    "journal" => TokenMatch.Benchmarks.Journal.JournalHarness.Run(args[1..]),
    _ => RunBenchmarks(args),
};

static int RunBenchmarks(string[] args)
{
    // In-process by default: the project and assembly names differ, which BenchmarkDotNet's
    // out-of-process build cannot resolve.
    if (!args.Contains("--inProcess", StringComparer.OrdinalIgnoreCase)) args = [.. args, "--inProcess"];
    BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
    return 0;
}
