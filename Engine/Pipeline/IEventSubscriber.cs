using TokenMatch.Events;

namespace TokenMatch.Pipeline;

/// <summary>
/// Receives every event of the engine, in order, on the release thread, once the journal has
/// recorded the commands that produced them (the market-data feed, responders to clients, an
/// event log). A slow subscriber slows the core down (backpressure) rather than losing events.
/// </summary>
public interface IEventSubscriber
{
    /// <summary>The next events, in order. The span is valid only during the call.</summary>
    void OnEvents(ReadOnlySpan<Event> events);
}
