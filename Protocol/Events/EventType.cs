namespace TokenMatch.Events;

/// <summary>Kinds of event the core emits. Values are part of the wire and CSV formats: never renumber.</summary>
public enum EventType : byte
{
    /// <summary>A command was accepted (for a place, the order now has its id).</summary>
    Accepted = 1,
    /// <summary>A command was rejected; the event's code says why. Nothing changed.</summary>
    Rejected = 2,
    /// <summary>A fill between a resting (maker) and an incoming (taker) order.</summary>
    Trade = 3,
    /// <summary>An order left the book unfilled; the event's reason says why.</summary>
    Cancelled = 4,
    /// <summary>An order was amended (new price and remaining quantity).</summary>
    Amended = 5,
    /// <summary>Self-trade decrement-and-cancel reduced an order without a trade.</summary>
    Decremented = 6,
    /// <summary>A price level's total changed (side, FTE price, new total quantity).</summary>
    BookLevel = 7,
    /// <summary>Token lots of one origin expired at cycle end.</summary>
    LotsExpired = 8,
    /// <summary>A market changed state.</summary>
    MarketState = 9,
}
