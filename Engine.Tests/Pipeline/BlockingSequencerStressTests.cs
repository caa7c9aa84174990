using NUnit.Framework;
using TokenMatch.Pipeline.WaitStrategies;

namespace TokenMatch.Tests.Pipeline;

/// <summary>The sequencer stress tests with the blocking wait strategy.</summary>
[TestFixture]
public sealed class BlockingSequencerStressTests : SequencerStressFixture
{
    private protected override IWaitStrategy CreateWaitStrategy() => new BlockingWaitStrategy();
}
