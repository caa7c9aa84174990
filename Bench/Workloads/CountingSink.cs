using TokenMatch.Events;

namespace TokenMatch.Bench.Workloads;

/// <summary>
/// The event sink of measured runs: counts events and trades and keeps nothing, so that a benchmark
/// measures the core and not its consumer. A sealed class (the core takes an <see cref="IEventSink"/>,
/// and a struct passed there would be boxed on every call). Owned by the thread that runs the core.
/// </summary>
public sealed class CountingSink : IEventSink
{
    /// <summary>Events received.</summary>
    public long Events { get; private set; }

    /// <summary>Trade events received.</summary>
    public long Trades { get; private set; }

    /// <inheritdoc/>
    public void OnEvents(ReadOnlySpan<Event> events)
    {
        Events += events.Length;
        long trades = 0;
        foreach (ref readonly Event e in events)
            if (e.Type == EventType.Trade) trades++;
        Trades += trades;
    }

    /// <summary>Sets both counts back to zero.</summary>
    public void Reset()
    {
        Events = 0;
        Trades = 0;
    }
}
