using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace TokenMatch.Benchmarks.Matching;

/// <summary>
/// The job of the matching benchmarks: in-process; one invocation per iteration, each running a whole
/// prepared batch (the benchmark's OperationsPerInvoke makes the figures per command); iteration
/// set-up prepares the batch and cleanup restores the depth, neither measured. No forced GC between
/// iterations: the measured code allocates nothing, and a full collection over a million-account
/// heap would only slow the run down.
/// </summary>
public sealed class MatchingConfig : ManualConfig
{
    /// <summary>Warm-up iterations.</summary>
    public const int WarmupCount = 3;

    /// <summary>Measured iterations.</summary>
    public const int IterationCount = 15;

    /// <summary>Creates the config.</summary>
    public MatchingConfig()
    {
        AddJob(Job.Default
            .WithToolchain(InProcessEmitToolchain.Instance)
            .WithInvocationCount(1)
            .WithUnrollFactor(1)
            .WithWarmupCount(WarmupCount)
            .WithIterationCount(IterationCount)
            .WithGcForce(false)
            .WithId("core"));
        AddDiagnoser(MemoryDiagnoser.Default);
    }
}
