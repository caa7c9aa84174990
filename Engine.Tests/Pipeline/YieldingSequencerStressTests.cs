using NUnit.Framework;
using TokenMatch.Pipeline.WaitStrategies;

namespace TokenMatch.Tests.Pipeline;

/// <summary>The sequencer stress tests with the yielding wait strategy.</summary>
[TestFixture]
public sealed class YieldingSequencerStressTests : SequencerStressFixture
{
    private protected override IWaitStrategy CreateWaitStrategy() => new YieldingWaitStrategy();
}
