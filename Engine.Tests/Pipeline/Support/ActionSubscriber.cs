using TokenMatch.Events;
using TokenMatch.Pipeline;

namespace TokenMatch.Tests.Pipeline.Support;

/// <summary>A subscriber that runs an action on each delivery, and optionally on each event.</summary>
internal sealed class ActionSubscriber(Action onEvents, Action<Event>? onEvent = null) : IEventSubscriber
{
    /// <inheritdoc/>
    public void OnEvents(ReadOnlySpan<Event> events)
    {
        onEvents();
        if (onEvent is null) return;
        foreach (Event e in events) onEvent(e);
    }
}
