using TokenMatch.Events;

namespace TokenMatch.Core;

/// <summary>Drops every event: what the core emits while it rebuilds itself from a snapshot is not news. Stateless.</summary>
internal sealed class DiscardEventSink : IEventSink
{
    /// <summary>The shared instance.</summary>
    public static DiscardEventSink Instance { get; } = new();

    /// <inheritdoc/>
    public void OnEvents(ReadOnlySpan<Event> events) { }
}
