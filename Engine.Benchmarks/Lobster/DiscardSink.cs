using TokenMatch.Events;

namespace TokenMatch.Benchmarks.Lobster;

/// <summary>An event sink that drops every event, so that a benchmark measures the core alone.</summary>
public sealed class DiscardSink : IEventSink
{
    /// <inheritdoc />
    public void OnEvents(ReadOnlySpan<Event> events)
    {
    }
}
