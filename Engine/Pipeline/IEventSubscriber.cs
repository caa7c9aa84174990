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

    /// <summary>
    /// Every event of every command up to <paramref name="sequence"/> has been given to
    /// <see cref="OnEvents"/>: those commands are complete, including the ones that emitted no event
    /// (a time command). Called on the release thread after the events it covers, with an increasing
    /// sequence; by default nothing. A subscriber that pairs commands with their events (surveillance)
    /// uses it to close the last command before an idle spell instead of waiting for the next one's events.
    /// </summary>
    void OnCompleted(long sequence) { }
}
