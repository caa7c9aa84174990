using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using TokenMatch.Pipeline.WaitStrategies;

namespace TokenMatch.Pipeline;

/// <summary>
/// Sequencer for any number of producer threads. A claim advances the cursor by compare-and-swap;
/// each slot has an availability flag (the round in which it was last published), so producers
/// may publish out of order and consumers still see only a contiguous published prefix.
/// Shared by all producer threads: the cursor and <see cref="_cachedGating"/> are updated
/// atomically; <see cref="_available"/>[i] is written by the producer that claimed slot i.
/// </summary>
public sealed class MultiProducerSequencer : Sequencer
{
    private PaddedLong _cachedGating;
    private readonly int[] _available;
    private readonly int _indexMask;
    private readonly int _indexShift;

    /// <summary>Creates a sequencer for a ring of <paramref name="bufferSize"/> slots (a power of two); the first claim gets <paramref name="initialCursor"/> + 1.</summary>
    public MultiProducerSequencer(int bufferSize, IWaitStrategy waitStrategy, long initialCursor = Sequence.InitialValue)
        : base(bufferSize, waitStrategy, initialCursor)
    {
        _cachedGating.Value = initialCursor;
        _available = new int[bufferSize];
        _indexMask = bufferSize - 1;
        _indexShift = BitOperations.Log2((uint)bufferSize);
        _available.AsSpan().Fill(-1);
    }

    /// <summary>The producers' cached view of the slowest consumer, for the layout test.</summary>
    internal ref long CachedGatingRef => ref _cachedGating.Value;

    /// <inheritdoc/>
    public override long Next(int n)
    {
        CheckClaimSize(n);
        while (true)
        {
            long current = CursorSequence.Value;
            long next = current + n;
            long wrapPoint = next - BufferSize;
            long cached = Volatile.Read(ref _cachedGating.Value);
            if (wrapPoint > cached || cached > current)
            {
                RefreshGatingOrWait(current, wrapPoint);
            }
            else if (CursorSequence.CompareAndSet(current, next))
            {
                return next;
            }
        }
    }

    /// <inheritdoc/>
    public override bool TryNext(int n, out long sequence)
    {
        CheckClaimSize(n);
        while (true)
        {
            long current = CursorSequence.Value;
            long next = current + n;
            long wrapPoint = next - BufferSize;
            long cached = Volatile.Read(ref _cachedGating.Value);
            if ((wrapPoint > cached || cached > current) && !RefreshGating(current, wrapPoint))
            {
                sequence = 0;
                return false;
            }
            if (CursorSequence.CompareAndSet(current, next))
            {
                sequence = next;
                return true;
            }
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void RefreshGatingOrWait(long current, long wrapPoint)
    {
        if (!RefreshGating(current, wrapPoint))
        {
            // Full: give the consumers time, then let the caller re-read the cursor (another
            // producer may have claimed in the meantime).
            Thread.Yield();
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private bool RefreshGating(long current, long wrapPoint)
    {
        long minimum = MinimumGatingSequence(current);
        if (wrapPoint > minimum) return false;
        Volatile.Write(ref _cachedGating.Value, minimum);
        return true;
    }

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public override void Publish(long sequence)
    {
        SetAvailable(sequence);
        if (IsBlocking) WaitStrategy.SignalAllWhenBlocking();
    }

    /// <inheritdoc/>
    public override void Publish(long low, long high)
    {
        for (long s = low; s <= high; s++) SetAvailable(s);
        if (IsBlocking) WaitStrategy.SignalAllWhenBlocking();
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void SetAvailable(long sequence) =>
        Volatile.Write(ref Flag(sequence), (int)(sequence >>> _indexShift));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private ref int Flag(long sequence) =>
        ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_available), (int)sequence & _indexMask);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public override bool IsAvailable(long sequence) =>
        Volatile.Read(ref Flag(sequence)) == (int)(sequence >>> _indexShift);

    /// <inheritdoc/>
    public override long GetHighestPublishedSequence(long lowerBound, long availableSequence)
    {
        for (long s = lowerBound; s <= availableSequence; s++)
        {
            if (!IsAvailable(s)) return s - 1;
        }
        return availableSequence;
    }
}
