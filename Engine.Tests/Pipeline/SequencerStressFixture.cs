using NUnit.Framework;
using TokenMatch.Pipeline;
using TokenMatch.Pipeline.WaitStrategies;
using TokenMatch.Tests.Pipeline.Support;

namespace TokenMatch.Tests.Pipeline;

/// <summary>
/// Producer threads × many items through a small ring (it wraps hundreds of times), run once per
/// wait strategy: every item is consumed exactly once, in order per producer, and a consumer
/// behind another never overtakes it. Sizes are bounded so a run stays well under a second.
/// </summary>
public abstract class SequencerStressFixture
{
    private const int RingSize = 128;
    private const int ItemsPerProducer = 20_000;

    /// <summary>The strategy under test (a new one per ring).</summary>
    private protected abstract IWaitStrategy CreateWaitStrategy();

    /// <summary>Most threads (producers + consumers) the strategy may run with on this machine.</summary>
    private protected virtual int MaxThreads => int.MaxValue;

    [TestCase(1, false, TestName = "{m}(1 producer, single-producer sequencer)")]
    [TestCase(1, true, TestName = "{m}(1 producer, multi-producer sequencer)")]
    [TestCase(3, true, TestName = "{m}(3 producers)")]
    public void EveryItemIsConsumedOnceInOrderPerProducer(int producers, bool multiProducer)
    {
        RequireThreads(producers + 1);
        RingBuffer<StressItem> ring = multiProducer
            ? RingBuffer<StressItem>.CreateMultiProducer(RingSize, CreateWaitStrategy())
            : RingBuffer<StressItem>.CreateSingleProducer(RingSize, CreateWaitStrategy());
        var verifier = new StressVerifier(producers);
        var consumer = new BatchProcessor<StressItem, StressHandler>(ring, ring.Sequencer.NewBarrier(),
            new StressHandler(verifier, isFirst: false, followsFirst: false));
        ring.Sequencer.AddGatingSequences(consumer.Sequence);

        Run(ring, producers, [consumer]);

        Assert.That(verifier.Error, Is.Null);
        Assert.That(verifier.Count, Is.EqualTo((long)producers * ItemsPerProducer));
    }

    [TestCase(1, TestName = "{m}(1 producer)")]
    [TestCase(2, TestName = "{m}(2 producers)")]
    public void ChainedConsumersSeeEveryItemAfterTheFirst(int producers)
    {
        RequireThreads(producers + 2);
        RingBuffer<StressItem> ring = RingBuffer<StressItem>.CreateMultiProducer(RingSize, CreateWaitStrategy());
        var firstVerifier = new StressVerifier(producers);
        var secondVerifier = new StressVerifier(producers);
        var first = new BatchProcessor<StressItem, StressHandler>(ring, ring.Sequencer.NewBarrier(),
            new StressHandler(firstVerifier, isFirst: true, followsFirst: false));
        var second = new BatchProcessor<StressItem, StressHandler>(ring, ring.Sequencer.NewBarrier(first.Sequence),
            new StressHandler(secondVerifier, isFirst: false, followsFirst: true));
        ring.Sequencer.AddGatingSequences(second.Sequence);

        Run(ring, producers, [first, second]);

        Assert.That(firstVerifier.Error, Is.Null);
        Assert.That(secondVerifier.Error, Is.Null);
        Assert.That(secondVerifier.Count, Is.EqualTo((long)producers * ItemsPerProducer));
    }

    [Test]
    public void TryNextRefusesWhenTheRingIsFullAndSucceedsOnceConsumed()
    {
        RingBuffer<StressItem> ring = RingBuffer<StressItem>.CreateMultiProducer(8, CreateWaitStrategy());
        var gating = new Sequence();
        ring.Sequencer.AddGatingSequences(gating);

        for (int i = 0; i < 8; i++)
        {
            Assert.That(ring.Sequencer.TryNext(out long s), Is.True);
            ring.Sequencer.Publish(s);
        }
        Assert.That(ring.Sequencer.TryNext(out _), Is.False);
        gating.SetValue(2);
        Assert.That(ring.Sequencer.TryNext(3, out long last), Is.True);
        Assert.That(last, Is.EqualTo(10));
        Assert.That(ring.Sequencer.TryNext(out _), Is.False);
    }

    private void RequireThreads(int threads)
    {
        if (threads > MaxThreads) Assert.Ignore($"{threads} threads would need more cores than this machine has for this strategy.");
    }

    private static void Run(RingBuffer<StressItem> ring, int producers, IStageProcessor[] consumers)
    {
        var errors = new List<Exception>();
        Thread[] consumerThreads = [.. consumers.Select((c, i) => TestWait.Start(c.Run, $"consumer-{i}", errors))];
        Thread[] producerThreads = [.. Enumerable.Range(0, producers).Select(p => TestWait.Start(() => Produce(ring, p), $"producer-{p}", errors))];
        try
        {
            foreach (Thread t in producerThreads) TestWait.Join(t, t.Name!);
            long last = (long)producers * ItemsPerProducer - 1;
            TestWait.Until(() => consumers[^1].Sequence.Value >= last, "the consumers to finish");
        }
        finally
        {
            foreach (IStageProcessor c in consumers) c.Halt();
        }
        foreach (Thread t in consumerThreads) TestWait.Join(t, t.Name!);
        Assert.That(errors, Is.Empty);
    }

    /// <summary>Publishes the producer's items, mixing single claims with small batch claims.</summary>
    private static void Produce(RingBuffer<StressItem> ring, int producer)
    {
        Sequencer sequencer = ring.Sequencer;
        long value = 0;
        while (value < ItemsPerProducer)
        {
            int n = (int)Math.Min(1 + value % 4, ItemsPerProducer - value);
            long last = sequencer.Next(n);
            long first = last - n + 1;
            for (long s = first; s <= last; s++)
            {
                ref StressItem item = ref ring[s];
                item.Producer = producer;
                item.Value = value++;
                item.SeenByFirst = false;
            }
            sequencer.Publish(first, last);
        }
    }
}
