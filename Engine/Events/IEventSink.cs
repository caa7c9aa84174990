namespace TokenMatch.Events;

/// <summary>
/// Receives the core's events in batches, in order. The core calls it at the end of each command and
/// whenever its event buffer fills within one (a mass cancel of a million orders streams through
/// here in pieces), so memory stays bounded. Called on the core thread; it may block to apply
/// backpressure, and must not keep the span.
/// </summary>
public interface IEventSink
{
    /// <summary>Handles the next events.</summary>
    void OnEvents(ReadOnlySpan<Event> events);
}
