using TokenMatch.Commands;
using TokenMatch.Events;

namespace TokenMatch.Formats.Lobster;

/// <summary>
/// Receives the engine's events during a replay and keeps what the replayer needs from them: the
/// order id an accepted place was given, and the number of trades. Owned by the replayer's thread.
/// </summary>
public sealed class ReplaySink : IEventSink
{
    /// <summary>Order id of the latest accepted place; 0 when the latest command placed nothing.</summary>
    public long PlacedOrderId { get; private set; }

    /// <summary>Trades seen so far.</summary>
    public long Trades { get; private set; }

    /// <summary>Forgets the previous command's order id.</summary>
    public void Reset() => PlacedOrderId = 0;

    /// <inheritdoc />
    public void OnEvents(ReadOnlySpan<Event> events)
    {
        foreach (ref readonly Event e in events)
        {
            if (e.Type == EventType.Accepted && e.Command == CommandType.Place) PlacedOrderId = e.OrderId;
            else if (e.Type == EventType.Trade) Trades++;
        }
    }
}
