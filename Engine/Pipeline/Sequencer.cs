using System.Numerics;
using System.Runtime.CompilerServices;
using TokenMatch.Pipeline.WaitStrategies;
using TokenMatch.Util;

namespace TokenMatch.Pipeline;

/// <summary>
/// Hands out ring positions to producers (claim), makes them visible to consumers (publish) and
/// keeps producers from overwriting slots that the slowest gating consumer has not finished.
/// A producer claims with <see cref="Next()"/> or <see cref="TryNext(out long)"/>, writes the
/// slot in place, then calls <see cref="Publish(long)"/>. Gating sequences are set up before the
/// first claim and not changed afterwards.
/// </summary>
public abstract class Sequencer
{
    /// <summary>The cursor: the highest published sequence (single producer) or the highest claimed one (many).</summary>
    protected readonly Sequence CursorSequence;

    private Sequence[] _gatingSequences = [];

    /// <summary>
    /// Creates a sequencer for a ring of <paramref name="bufferSize"/> slots (a power of two) whose
    /// first claim gets <paramref name="initialCursor"/> + 1 (a host that continues after recovery
    /// starts past the journal's last sequence).
    /// </summary>
    protected Sequencer(int bufferSize, IWaitStrategy waitStrategy, long initialCursor = Sequence.InitialValue)
    {
        if (initialCursor < Sequence.InitialValue) ThrowHelper.ThrowArgument("The initial cursor must be -1 or more.", nameof(initialCursor));
        CursorSequence = new Sequence(initialCursor);
        if (bufferSize < 1 || !BitOperations.IsPow2(bufferSize))
        {
            ThrowHelper.ThrowArgument("The ring size must be a positive power of two.", nameof(bufferSize));
        }
        ArgumentNullException.ThrowIfNull(waitStrategy);
        BufferSize = bufferSize;
        WaitStrategy = waitStrategy;
        IsBlocking = waitStrategy.IsBlocking;
    }

    /// <summary>Number of slots in the ring.</summary>
    public int BufferSize { get; }

    /// <summary>How consumers of this ring wait.</summary>
    public IWaitStrategy WaitStrategy { get; }

    /// <summary>The producer cursor (see <see cref="CursorSequence"/>).</summary>
    public Sequence Cursor => CursorSequence;

    /// <summary>Cached <see cref="IWaitStrategy.IsBlocking"/>, so that publish skips the call when nothing can sleep.</summary>
    protected bool IsBlocking { get; }

    /// <summary>Makes producers wait for <paramref name="sequences"/> (the last consumers) before reusing a slot.</summary>
    public void AddGatingSequences(params Sequence[] sequences)
    {
        ArgumentNullException.ThrowIfNull(sequences);
        long cursor = CursorSequence.Value;
        foreach (Sequence s in sequences) s.SetValue(cursor);
        Volatile.Write(ref _gatingSequences, [.. _gatingSequences, .. sequences]);
    }

    /// <summary>A barrier for a consumer that follows the producer and every one of <paramref name="dependencies"/>.</summary>
    public SequenceBarrier NewBarrier(params Sequence[] dependencies) => new(this, dependencies);

    /// <summary>Claims the next slot, waiting while the ring is full.</summary>
    public long Next() => Next(1);

    /// <summary>Claims the next <paramref name="n"/> slots, waiting while the ring is full; returns the last one.</summary>
    public abstract long Next(int n);

    /// <summary>Claims the next slot if the ring has room.</summary>
    public bool TryNext(out long sequence) => TryNext(1, out sequence);

    /// <summary>Claims the next <paramref name="n"/> slots if the ring has room; <paramref name="sequence"/> is the last one.</summary>
    public abstract bool TryNext(int n, out long sequence);

    /// <summary>Publishes a claimed slot.</summary>
    public abstract void Publish(long sequence);

    /// <summary>Publishes the claimed slots <paramref name="low"/> to <paramref name="high"/>.</summary>
    public abstract void Publish(long low, long high);

    /// <summary>True when <paramref name="sequence"/> has been published (and not yet overwritten).</summary>
    public abstract bool IsAvailable(long sequence);

    /// <summary>
    /// The highest sequence from <paramref name="lowerBound"/> up to <paramref name="availableSequence"/>
    /// such that every slot up to it is published (many producers publish out of order).
    /// </summary>
    public abstract long GetHighestPublishedSequence(long lowerBound, long availableSequence);

    /// <summary>The lowest gating sequence, or <paramref name="fallback"/> when there is none.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    protected long MinimumGatingSequence(long fallback)
    {
        Sequence[] gating = Volatile.Read(ref _gatingSequences);
        long minimum = fallback;
        for (int i = 0; i < gating.Length; i++)
        {
            long value = gating[i].Value;
            if (value < minimum) minimum = value;
        }
        return minimum;
    }

    /// <summary>Rejects a claim size outside 1 to the ring size.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    protected void CheckClaimSize(int n)
    {
        if ((uint)(n - 1) >= (uint)BufferSize)
        {
            ThrowHelper.ThrowArgumentOutOfRange(nameof(n), "A claim must be between 1 and the ring size.");
        }
    }
}
