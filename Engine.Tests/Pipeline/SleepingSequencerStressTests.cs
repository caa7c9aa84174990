using NUnit.Framework;
using TokenMatch.Pipeline.WaitStrategies;

namespace TokenMatch.Tests.Pipeline;

/// <summary>The sequencer stress tests with the sleeping wait strategy.</summary>
[TestFixture]
public sealed class SleepingSequencerStressTests : SequencerStressFixture
{
    private protected override IWaitStrategy CreateWaitStrategy() => new SleepingWaitStrategy();
}
