using TokenMatch.Events;

namespace TokenMatch.Journal.Recovery;

/// <summary>An event sink that drops everything: recovery rebuilds state, its events were delivered the first time.</summary>
internal sealed class DiscardingSink : IEventSink
{
    /// <summary>The one instance.</summary>
    public static readonly DiscardingSink Instance = new();

    /// <inheritdoc/>
    public void OnEvents(ReadOnlySpan<Event> events) { }
}
