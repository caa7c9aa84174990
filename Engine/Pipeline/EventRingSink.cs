using TokenMatch.Events;

namespace TokenMatch.Pipeline;

/// <summary>
/// The core's event sink: copies each batch of events into the event ring and publishes it. When
/// the ring is full it wakes the release thread and waits for it, so a command with a million events
/// streams through in bounded memory. Owned by the core thread (the event ring's only producer).
/// </summary>
internal sealed class EventRingSink : IEventSink
{
    private readonly RingBuffer<Event> _ring;
    private readonly Sequencer _sequencer;
    private readonly int _maxClaim;
    private readonly SequenceBarrier _whenFull;

    /// <summary>A sink into <paramref name="ring"/> that alerts <paramref name="whenFull"/> before it waits for space.</summary>
    public EventRingSink(RingBuffer<Event> ring, SequenceBarrier whenFull)
    {
        _ring = ring;
        _sequencer = ring.Sequencer;
        _whenFull = whenFull;
        // Half the ring at a time, so the release thread can drain one half while the core fills the other.
        _maxClaim = Math.Max(1, ring.Size / 2);
    }

    /// <summary>The sequence of the last event published (core thread only).</summary>
    public long LastPublished { get; private set; } = Sequence.InitialValue;

    /// <inheritdoc/>
    public void OnEvents(ReadOnlySpan<Event> events)
    {
        while (!events.IsEmpty)
        {
            int n = Math.Min(events.Length, _maxClaim);
            if (!_sequencer.TryNext(n, out long last)) last = WaitForSpace(n);
            long first = last - n + 1;
            _ring.GetSpans(first, last, out Span<Event> head, out Span<Event> tail);
            events[..head.Length].CopyTo(head);
            events.Slice(head.Length, tail.Length).CopyTo(tail);
            _sequencer.Publish(first, last);
            LastPublished = last;
            events = events[n..];
        }
    }

    /// <summary>The ring is full: wake the release thread (it may be idle, waiting for commands), then wait for it.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private long WaitForSpace(int n)
    {
        _whenFull.Alert();
        return _sequencer.Next(n);
    }
}
