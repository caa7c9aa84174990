using NUnit.Framework;
using TokenMatch.Pipeline.WaitStrategies;

namespace TokenMatch.Tests.Pipeline;

/// <summary>The sequencer stress tests with the busy-spin wait strategy.</summary>
[TestFixture]
public sealed class BusySpinSequencerStressTests : SequencerStressFixture
{
    private protected override IWaitStrategy CreateWaitStrategy() => new BusySpinWaitStrategy();

    /// <summary>Busy-spin burns a core per thread: skipped only where the threads do not fit this machine's cores.</summary>
    private protected override int MaxThreads => Environment.ProcessorCount;
}
