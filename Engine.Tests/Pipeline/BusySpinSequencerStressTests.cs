using NUnit.Framework;
using TokenMatch.Pipeline.WaitStrategies;

namespace TokenMatch.Tests.Pipeline;

/// <summary>The sequencer stress tests with the busy-spin wait strategy.</summary>
[TestFixture]
public sealed class BusySpinSequencerStressTests : SequencerStressFixture
{
    private protected override IWaitStrategy CreateWaitStrategy() => new BusySpinWaitStrategy();

    /// <summary>Busy-spin burns a core per thread: only where threads fit the cores.</summary>
    private protected override int MaxThreads => Math.Min(2, Environment.ProcessorCount);
}
