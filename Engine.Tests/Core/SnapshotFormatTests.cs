using System.Buffers.Binary;
using TokenMatch.Commands;
using TokenMatch.Core;
using TokenMatch.Tests.Support;

namespace TokenMatch.Tests.Core;

/// <summary>The snapshot payload's framing and damage: every malformed payload is a clear <see cref="InvalidDataException"/>, never a crash.</summary>
public sealed class SnapshotFormatTests
{
    private static byte[] Rich() => SnapshotProperties.Snapshot(new RichState().H.Core);

    /// <summary>Small pools: these tests restore thousands of cores.</summary>
    private static readonly CoreOptions Small = new() { InitialOrderCapacity = 16, InitialAccountCapacity = 16, InitialClientIdCapacity = 4, EventBufferSize = 16 };

    [Test]
    public void AnEmptyCoreAndARichOneRoundTripToTheSameHash()
    {
        var empty = new ExchangeCore();
        ExchangeCore restoredEmpty = ExchangeCore.ReadSnapshot(SnapshotProperties.Snapshot(empty));
        Assert.That(restoredEmpty.StateHash(), Is.EqualTo(empty.StateHash()));
        Assert.That(restoredEmpty.LastSequence, Is.EqualTo(-1));

        ExchangeCore rich = new RichState().H.Core;
        ExchangeCore restored = ExchangeCore.ReadSnapshot(SnapshotProperties.Snapshot(rich));
        Assert.That(restored.StateHash(), Is.EqualTo(rich.StateHash()));
        Assert.That(restored.Clock, Is.EqualTo(rich.Clock));
        Assert.That(restored.LastSequence, Is.EqualTo(rich.LastSequence));
        // A restored core writes the same bytes apart from the claimed client ids' order, which is the table's.
        Assert.That(SnapshotProperties.Snapshot(restored).Length, Is.EqualTo(SnapshotProperties.Snapshot(rich).Length));
    }

    [Test]
    public void TheHeaderStartsWithMagicVersionAndLastSequence()
    {
        byte[] bytes = Rich();
        Assert.That(BinaryPrimitives.ReadUInt32LittleEndian(bytes), Is.EqualTo(SnapshotDescriptor.Magic));
        Assert.That("TMSS"u8.SequenceEqual(bytes.AsSpan(0, 4)), Is.True);
        Assert.That(BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(4)), Is.EqualTo(SnapshotDescriptor.Version));
        Assert.That("TMSE"u8.SequenceEqual(bytes.AsSpan(bytes.Length - 4)), Is.True);
    }

    [Test]
    public void ANewerVersionIsRefusedWithAMessageSayingSo()
    {
        byte[] bytes = Rich();
        BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(SnapshotDescriptor.VersionOffset), SnapshotDescriptor.Version + 1);
        var e = Assert.Throws<InvalidDataException>(() => ExchangeCore.ReadSnapshot(bytes));
        Assert.That(e!.Message, Does.Contain("newer").And.Contain($"{SnapshotDescriptor.Version + 1}"));
    }

    [Test]
    public void SomethingElseIsRefusedAsNotASnapshot()
    {
        byte[] bytes = Rich();
        bytes[0] ^= 0xFF;
        Assert.That(Assert.Throws<InvalidDataException>(() => ExchangeCore.ReadSnapshot(bytes))!.Message, Does.Contain("magic"));
    }

    [Test]
    public void EveryTruncationIsRefused()
    {
        byte[] bytes = Rich();
        for (int length = 0; length < bytes.Length; length++)
        {
            byte[] cut = bytes[..length];
            Assert.Throws<InvalidDataException>(() => ExchangeCore.ReadSnapshot(cut, Small), $"cut at {length} of {bytes.Length}");
        }
        byte[] longer = [.. bytes, 0];
        Assert.That(Assert.Throws<InvalidDataException>(() => ExchangeCore.ReadSnapshot(longer))!.Message, Does.Contain("follow the trailer"));
    }

    [Test]
    public void FlippedBitsAreRefusedOrGiveAConsistentStateButNeverCrash()
    {
        byte[] bytes = Rich();
        var random = new Random(20261202);
        int refused = 0;
        for (int trial = 0; trial < 2_000; trial++)
        {
            byte[] damaged = (byte[])bytes.Clone();
            int offset = trial < bytes.Length ? trial : random.Next(bytes.Length);
            damaged[offset] ^= (byte)(1 << random.Next(8));
            try
            {
                // A flip the format cannot detect (a balance moved with its counterpart, a clock, a
                // group) still gives a state that passes every invariant; the journal's CRC catches those.
                ExchangeCore.ReadSnapshot(damaged, Small).ValidateInternalState();
            }
            catch (InvalidDataException)
            {
                refused++;
            }
        }
        Assert.That(refused, Is.GreaterThan(700));
    }
}
