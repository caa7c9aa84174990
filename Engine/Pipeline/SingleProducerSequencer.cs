using System.Runtime.CompilerServices;
using TokenMatch.Pipeline.WaitStrategies;

namespace TokenMatch.Pipeline;

/// <summary>
/// Sequencer for exactly one producer thread: claims are plain reads and writes, publish is one
/// release store of the cursor. The claim state (<see cref="_nextValue"/>, <see cref="_cachedGating"/>)
/// is owned by the producer thread; consumers read only the cursor.
/// </summary>
public sealed class SingleProducerSequencer : Sequencer
{
    // Owned by the producer thread. Padded so that the producer's writes do not share a line with
    // the cursor, which every consumer reads.
    private PaddedLong _nextValue;
    private PaddedLong _cachedGating;

    /// <summary>Creates a sequencer for a ring of <paramref name="bufferSize"/> slots (a power of two); the first claim gets <paramref name="initialCursor"/> + 1.</summary>
    public SingleProducerSequencer(int bufferSize, IWaitStrategy waitStrategy, long initialCursor = Sequence.InitialValue)
        : base(bufferSize, waitStrategy, initialCursor)
    {
        _nextValue.Value = initialCursor;
        _cachedGating.Value = initialCursor;
    }

    /// <summary>The producer's next-claim field, for the layout test.</summary>
    internal ref long NextValueRef => ref _nextValue.Value;

    /// <summary>The producer's cached view of the slowest consumer, for the layout test.</summary>
    internal ref long CachedGatingRef => ref _cachedGating.Value;

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public override long Next(int n)
    {
        CheckClaimSize(n);
        long current = _nextValue.Value;
        long next = current + n;
        long wrapPoint = next - BufferSize;
        // Re-read the consumers only when the cached view says the claim could wrap onto them.
        if (wrapPoint > _cachedGating.Value || _cachedGating.Value > current) WaitForCapacity(current, wrapPoint);
        _nextValue.Value = next;
        return next;
    }

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public override bool TryNext(int n, out long sequence)
    {
        CheckClaimSize(n);
        long current = _nextValue.Value;
        long next = current + n;
        long wrapPoint = next - BufferSize;
        if ((wrapPoint > _cachedGating.Value || _cachedGating.Value > current) && !HasCapacity(current, wrapPoint))
        {
            sequence = 0;
            return false;
        }
        _nextValue.Value = next;
        sequence = next;
        return true;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void WaitForCapacity(long current, long wrapPoint)
    {
        SpinWait spin = default;
        while (!HasCapacity(current, wrapPoint)) spin.SpinOnce();
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private bool HasCapacity(long current, long wrapPoint)
    {
        long minimum = MinimumGatingSequence(current);
        _cachedGating.Value = minimum;
        return wrapPoint <= minimum;
    }

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public override void Publish(long sequence)
    {
        CursorSequence.SetValue(sequence);
        if (IsBlocking) WaitStrategy.SignalAllWhenBlocking();
    }

    /// <inheritdoc/>
    public override void Publish(long low, long high) => Publish(high);

    /// <inheritdoc/>
    public override bool IsAvailable(long sequence)
    {
        long cursor = CursorSequence.Value;
        return sequence <= cursor && sequence > cursor - BufferSize;
    }

    /// <inheritdoc/>
    public override long GetHighestPublishedSequence(long lowerBound, long availableSequence) => availableSequence;
}
