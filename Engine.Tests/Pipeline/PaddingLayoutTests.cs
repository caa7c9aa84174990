using NUnit.Framework;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using TokenMatch.Pipeline;
using TokenMatch.Pipeline.WaitStrategies;
using TokenMatch.Tests.Pipeline.Support;

namespace TokenMatch.Tests.Pipeline;

/// <summary>Values written by different threads must sit on different 64-byte cache lines.</summary>
public sealed class PaddingLayoutTests
{
    private const int CacheLine = 64;

    [Test]
    public void PaddedLongPutsItsValueAloneOnACacheLine()
    {
        int offset = (int)Marshal.OffsetOf<PaddedLong>(nameof(PaddedLong.Value));
        Assert.That(offset, Is.EqualTo(PaddedLong.ValueOffset));
        Assert.That(offset, Is.GreaterThanOrEqualTo(CacheLine), "padding before the value");
        Assert.That(Unsafe.SizeOf<PaddedLong>() - offset - sizeof(long), Is.GreaterThanOrEqualTo(CacheLine - sizeof(long)), "padding after the value");
        Assert.That(Marshal.SizeOf<PaddedLong>(), Is.EqualTo(PaddedLong.Size));
    }

    [Test]
    public void SequenceHoldsOnlyItsPaddedValue()
    {
        FieldInfo[] fields = typeof(Sequence).GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic);
        Assert.That(fields.Select(f => f.FieldType), Is.EqualTo(new[] { typeof(PaddedLong) }));

        var sequence = new Sequence();
        Assert.That(OffsetInObject(sequence, ref sequence.ValueRef), Is.EqualTo(PaddedLong.ValueOffset));
    }

    [Test]
    public void NeighbouringSequencesNeverShareACacheLine()
    {
        var sequences = Enumerable.Range(0, 8).Select(_ => new Sequence()).ToArray();
        for (int i = 1; i < sequences.Length; i++)
        {
            long distance = Math.Abs((long)Unsafe.ByteOffset(ref sequences[i - 1].ValueRef, ref sequences[i].ValueRef));
            Assert.That(distance, Is.GreaterThanOrEqualTo(CacheLine));
        }
    }

    [Test]
    public void SingleProducerFieldsAreOnTheirOwnCacheLines()
    {
        var sequencer = new SingleProducerSequencer(16, new YieldingWaitStrategy());
        Assert.That(OffsetInObject(sequencer, ref sequencer.NextValueRef), Is.GreaterThanOrEqualTo(CacheLine));
        Assert.That(OffsetInObject(sequencer, ref sequencer.CachedGatingRef), Is.GreaterThanOrEqualTo(CacheLine));
        long distance = Math.Abs((long)Unsafe.ByteOffset(ref sequencer.NextValueRef, ref sequencer.CachedGatingRef));
        Assert.That(distance, Is.GreaterThanOrEqualTo(CacheLine));
    }

    [Test]
    public void MultiProducerGatingCacheIsOnItsOwnCacheLine()
    {
        var sequencer = new MultiProducerSequencer(16, new YieldingWaitStrategy());
        Assert.That(OffsetInObject(sequencer, ref sequencer.CachedGatingRef), Is.GreaterThanOrEqualTo(CacheLine));
    }

    [Test]
    public void RingSlotsArePaddedFromNeighbouringObjects()
    {
        var ring = RingBuffer<long>.CreateSingleProducer(16, new YieldingWaitStrategy());
        Assert.That(ring.PaddingSlots * sizeof(long), Is.GreaterThanOrEqualTo(2 * CacheLine));
    }

    /// <summary>Bytes from the start of <paramref name="owner"/>'s fields to <paramref name="field"/>.</summary>
    private static long OffsetInObject(object owner, ref long field) =>
        (long)Unsafe.ByteOffset(ref Unsafe.As<RawObject>(owner).FirstByte, ref Unsafe.As<long, byte>(ref field));
}
