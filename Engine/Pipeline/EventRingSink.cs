using TokenMatch.Events;

namespace TokenMatch.Pipeline;

/// <summary>
/// The core's event sink: copies each batch of events into the event ring and publishes it. When
/// the ring is full it waits for the event stage, so a command with a million events streams through
/// in bounded memory. Owned by the core thread (the event ring's only producer).
/// </summary>
internal sealed class EventRingSink : IEventSink
{
    private readonly RingBuffer<Event> _ring;
    private readonly Sequencer _sequencer;
    private readonly int _maxClaim;

    public EventRingSink(RingBuffer<Event> ring)
    {
        _ring = ring;
        _sequencer = ring.Sequencer;
        // Half the ring at a time, so the event stage can drain one half while the core fills the other.
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
            long last = _sequencer.Next(n);
            long first = last - n + 1;
            _ring.GetSpans(first, last, out Span<Event> head, out Span<Event> tail);
            events[..head.Length].CopyTo(head);
            events.Slice(head.Length, tail.Length).CopyTo(tail);
            _sequencer.Publish(first, last);
            LastPublished = last;
            events = events[n..];
        }
    }
}
