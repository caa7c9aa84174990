using TokenMatch.Events;

namespace TokenMatch.Journal.Replay;

/// <summary>An event sink that drops every event (for runs that only need the state).</summary>
public sealed class NullEventSink : IEventSink
{
    /// <summary>The one instance.</summary>
    public static readonly NullEventSink Instance = new();

    /// <inheritdoc/>
    public void OnEvents(ReadOnlySpan<Event> events) { }
}
