namespace TokenMatch.Matching;

/// <summary>
/// What an order book asks of the core while it matches: who belongs to whom, and the ledger and
/// event side of every fill, self-trade action and level change (the decay comes with the
/// <see cref="Taker"/>). Implemented by the core's order desk (<c>Core/OrderDesk</c>); called on the
/// core thread only.
/// </summary>
public interface IBookHost
{
    /// <summary>The order pool shared by the books of one core.</summary>
    OrderPool Orders { get; }

    /// <summary>True when two accounts are one beneficial owner (same account or same owner group) right now.</summary>
    bool SameOwner(int accountA, int accountB);

    /// <summary>
    /// A fill of <paramref name="quantity"/> lots between a resting and an incoming order, both
    /// remaining quantities already reduced by the book: settle it and emit the trade.
    /// </summary>
    void OnTrade(int maker, int taker, long quantity, long execPrice);

    /// <summary>Self-trade prevention cancels a resting order (its remaining still set): release and emit.</summary>
    void OnSelfTradeCancel(int maker);

    /// <summary>Decrement-and-cancel reduced both orders by <paramref name="quantity"/> (already applied): release and emit.</summary>
    void OnDecrement(int maker, int taker, long quantity);

    /// <summary>A price level's total changed.</summary>
    void OnLevel(int market, Commands.Side side, long price, long total);

    /// <summary>A resting order left the book with nothing remaining (filled or decremented away): free it.</summary>
    void OnRemoved(int order);
}
