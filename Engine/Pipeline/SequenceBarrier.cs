using System.Runtime.CompilerServices;
using TokenMatch.Pipeline.WaitStrategies;

namespace TokenMatch.Pipeline;

/// <summary>
/// What one consumer waits on: the ring's producer cursor, or the consumers it must stay behind
/// (the slowest of them). Used by exactly one consumer thread; <see cref="Alert"/> may be called
/// from any thread to make a wait return early (to stop, or to have the consumer look at other work).
/// </summary>
public sealed class SequenceBarrier
{
    private readonly Sequencer _sequencer;
    private readonly IWaitStrategy _waitStrategy;
    private readonly Sequence _cursor;
    private readonly Sequence[] _dependencies;
    private volatile bool _alerted;

    internal SequenceBarrier(Sequencer sequencer, Sequence[] dependencies)
    {
        ArgumentNullException.ThrowIfNull(dependencies);
        _sequencer = sequencer;
        _waitStrategy = sequencer.WaitStrategy;
        _cursor = sequencer.Cursor;
        _dependencies = dependencies.Length == 0 ? [_cursor] : [.. dependencies];
    }

    /// <summary>The ring's producer cursor.</summary>
    public Sequence Cursor => _cursor;

    /// <summary>The lowest of the dependencies (the cursor itself when the consumer follows the producer directly).</summary>
    public long DependentValue
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get
        {
            Sequence[] dependencies = _dependencies;
            long minimum = dependencies[0].Value;
            for (int i = 1; i < dependencies.Length; i++)
            {
                long value = dependencies[i].Value;
                if (value < minimum) minimum = value;
            }
            return minimum;
        }
    }

    /// <summary>True after <see cref="Alert"/> until <see cref="ClearAlert"/>.</summary>
    public bool IsAlerted => _alerted;

    /// <summary>
    /// Waits until <paramref name="sequence"/> is published and processed by every dependency; returns
    /// the highest sequence that may be consumed (at least <paramref name="sequence"/>), or a lower
    /// value when alerted.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public long WaitFor(long sequence)
    {
        long available = _waitStrategy.WaitFor(sequence, this);
        if (available < sequence) return available;
        // The cursor of many producers counts claims, not publications: find the published prefix.
        // A consumer that follows other consumers only ever sees published slots.
        return _dependencies[0] == _cursor ? _sequencer.GetHighestPublishedSequence(sequence, available) : available;
    }

    /// <summary>Makes the consumer's current and next waits return early until cleared.</summary>
    public void Alert()
    {
        _alerted = true;
        _waitStrategy.SignalAllWhenBlocking();
    }

    /// <summary>Clears the alert (called by the consumer once it has looked at why it was alerted).</summary>
    public void ClearAlert() => _alerted = false;
}
