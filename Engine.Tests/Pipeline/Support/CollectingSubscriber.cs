using TokenMatch.Events;
using TokenMatch.Pipeline;

namespace TokenMatch.Tests.Pipeline.Support;

/// <summary>
/// Counts events and checks their order against <see cref="FakeExecutor"/>'s numbering (sequences
/// never go back; within a command, Quantity counts up from 0). Optionally keeps copies, and can
/// be made to block (a slow consumer).
/// </summary>
internal sealed class CollectingSubscriber(bool keep = false) : IEventSubscriber
{
    private readonly List<Event> _kept = [];
    private long _count;
    private long _lastSequence = -1;
    private long _nextIndex;

    /// <summary>While reset, every delivery waits for it (a slow consumer).</summary>
    public ManualResetEventSlim Gate { get; } = new(true);

    /// <summary>Events received.</summary>
    public long Count => Volatile.Read(ref _count);

    /// <summary>The highest command sequence seen in an event.</summary>
    public long LastSequence => Volatile.Read(ref _lastSequence);

    /// <summary>First ordering problem seen, or null.</summary>
    public string? Error { get; private set; }

    /// <summary>Copies of the events (when keeping).</summary>
    public List<Event> Kept => _kept;

    /// <inheritdoc/>
    public void OnEvents(ReadOnlySpan<Event> events)
    {
        if (!Gate.Wait(TestWait.Timeout)) Error ??= "Gate never opened.";
        foreach (ref readonly Event e in events)
        {
            if (e.Sequence < _lastSequence) Error ??= $"Sequence {e.Sequence} after {_lastSequence}.";
            if (e.Sequence != _lastSequence) _nextIndex = 0;
            if (e.Type == EventType.Accepted && e.Quantity != _nextIndex) Error ??= $"Event {e.Quantity} of {e.Sequence}, expected {_nextIndex}.";
            _nextIndex = e.Quantity + 1;
            Volatile.Write(ref _lastSequence, e.Sequence);
            if (keep) _kept.Add(e);
        }
        Volatile.Write(ref _count, _count + events.Length);
    }
}
