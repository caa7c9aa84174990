using TokenMatch.Events;

namespace TokenMatch.Tests.Support;

/// <summary>An event sink that keeps every event, for assertions.</summary>
public sealed class EventLog : IEventSink
{
    /// <summary>Every event received, in order.</summary>
    public List<Event> Events { get; } = new();

    /// <inheritdoc/>
    public void OnEvents(ReadOnlySpan<Event> events)
    {
        foreach (Event e in events) Events.Add(e);
    }

    /// <summary>Events of one type.</summary>
    public IEnumerable<Event> OfType(EventType type) => Events.Where(e => e.Type == type);
}
