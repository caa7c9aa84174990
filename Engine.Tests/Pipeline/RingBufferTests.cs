using NUnit.Framework;
using TokenMatch.Pipeline;
using TokenMatch.Pipeline.WaitStrategies;

namespace TokenMatch.Tests.Pipeline;

/// <summary>Single-threaded checks of the ring and its sequencers.</summary>
public sealed class RingBufferTests
{
    [TestCase(0)]
    [TestCase(3)]
    [TestCase(100)]
    public void SizeMustBeAPowerOfTwo(int size) =>
        Assert.Throws<ArgumentException>(() => RingBuffer<long>.CreateSingleProducer(size, new YieldingWaitStrategy()));

    [Test]
    public void SlotsAreReusedModuloTheSize()
    {
        var ring = RingBuffer<long>.CreateSingleProducer(4, new YieldingWaitStrategy());
        ring[1] = 42;
        Assert.That(ring[5], Is.EqualTo(42));
        Assert.That(ring.IndexOf(6), Is.EqualTo(2));
    }

    [Test]
    public void SpansSplitWhereTheRangeWraps()
    {
        var ring = RingBuffer<long>.CreateSingleProducer(8, new YieldingWaitStrategy());
        for (long s = 0; s < 8; s++) ring[s] = s;
        ring.GetSpans(6, 9, out Span<long> head, out Span<long> tail);
        Assert.That(head.ToArray(), Is.EqualTo(new long[] { 6, 7 }));
        Assert.That(tail.ToArray(), Is.EqualTo(new long[] { 0, 1 }));
        ring.GetSpans(2, 4, out head, out tail);
        Assert.That(head.ToArray(), Is.EqualTo(new long[] { 2, 3, 4 }));
        Assert.That(tail.IsEmpty, Is.True);
    }

    [Test]
    public void ClaimsMustFitTheRing()
    {
        var sequencer = new SingleProducerSequencer(8, new YieldingWaitStrategy());
        Assert.Throws<ArgumentOutOfRangeException>(() => sequencer.Next(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => sequencer.Next(9));
        Assert.That(sequencer.Next(8), Is.EqualTo(7));
    }

    [Test]
    public void SingleProducerRefusesToWrapOntoTheSlowestConsumer()
    {
        var sequencer = new SingleProducerSequencer(4, new YieldingWaitStrategy());
        var slow = new Sequence();
        var fast = new Sequence();
        sequencer.AddGatingSequences(slow, fast);
        Assert.That(sequencer.TryNext(4, out long last), Is.True);
        sequencer.Publish(0, last);
        fast.SetValue(3);
        Assert.That(sequencer.TryNext(out _), Is.False, "the slow consumer still holds slot 0");
        slow.SetValue(0);
        Assert.That(sequencer.TryNext(out long next), Is.True);
        Assert.That(next, Is.EqualTo(4));
    }

    [Test]
    public void ManyProducersPublishOutOfOrderButConsumersSeeOnlyTheContiguousPrefix()
    {
        var sequencer = new MultiProducerSequencer(8, new YieldingWaitStrategy());
        SequenceBarrier barrier = sequencer.NewBarrier();
        long a = sequencer.Next();
        long b = sequencer.Next();
        long c = sequencer.Next();
        sequencer.Publish(c);
        sequencer.Publish(a);
        Assert.That(sequencer.IsAvailable(b), Is.False);
        Assert.That(sequencer.GetHighestPublishedSequence(0, c), Is.EqualTo(a));
        Assert.That(barrier.WaitFor(0), Is.EqualTo(a));
        sequencer.Publish(b);
        Assert.That(barrier.WaitFor(1), Is.EqualTo(c));
    }

    [Test]
    public void AnAlertedBarrierReturnsWithoutWaiting()
    {
        foreach (WaitStrategyKind kind in Enum.GetValues<WaitStrategyKind>())
        {
            var sequencer = new SingleProducerSequencer(8, WaitStrategyFactory.Create(kind));
            SequenceBarrier barrier = sequencer.NewBarrier();
            barrier.Alert();
            Assert.That(barrier.WaitFor(0), Is.LessThan(0), kind.ToString());
            barrier.ClearAlert();
            Assert.That(barrier.IsAlerted, Is.False);
        }
    }
}
