using TokenMatch.Events;

namespace TokenMatch.Formats.Scripts;

/// <summary>
/// An event sink that counts events by type and hands them on to another sink (or none).
/// Owned by the thread that runs the core.
/// </summary>
public sealed class EventCounter : IEventSink
{
    private readonly IEventSink? _next;
    private readonly long[] _byType = new long[256];

    /// <summary>Counts events and passes them to <paramref name="next"/> when given.</summary>
    public EventCounter(IEventSink? next = null) => _next = next;

    /// <summary>Every event seen.</summary>
    public long Total { get; private set; }

    /// <summary>Events seen of one type.</summary>
    public long Count(EventType type) => _byType[(byte)type];

    /// <inheritdoc />
    public void OnEvents(ReadOnlySpan<Event> events)
    {
        foreach (ref readonly Event e in events)
            _byType[(byte)e.Type]++;
        Total += events.Length;
        _next?.OnEvents(events);
    }
}
