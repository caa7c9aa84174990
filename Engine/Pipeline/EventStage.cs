using System.Runtime.CompilerServices;
using TokenMatch.Events;

namespace TokenMatch.Pipeline;

/// <summary>
/// Stage 3a: the market-data feed. Delivers events to the subscribers in order, but only once the
/// journal has recorded the command that produced them. Owned by the event thread.
/// </summary>
internal readonly struct EventStage(Sequence journalSequence, SubscriberList subscribers, PipelineStatus status)
    : IBatchHandler<Event>
{
    /// <inheritdoc/>
    public void OnBatch(RingBuffer<Event> ring, long first, long last)
    {
        // Events come in command order, so the last event's command is the newest one in the batch.
        long needed = ring[last].Sequence;
        if (journalSequence.Value < needed) WaitForJournal(needed);

        IEventSubscriber[] current = subscribers.Items;
        if (current.Length == 0) return;
        ring.GetSpans(first, last, out Span<Event> head, out Span<Event> tail);
        foreach (IEventSubscriber subscriber in current)
        {
            Deliver(subscriber, head);
            if (!tail.IsEmpty) Deliver(subscriber, tail);
        }
    }

    private void Deliver(IEventSubscriber subscriber, ReadOnlySpan<Event> events)
    {
        try
        {
            subscriber.OnEvents(events);
        }
        catch (Exception e)
        {
            status.Report(e);
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void WaitForJournal(long needed)
    {
        SpinWait spin = default;
        while (journalSequence.Value < needed) spin.SpinOnce();
    }

    /// <inheritdoc/>
    public void OnAlert() { }
}
