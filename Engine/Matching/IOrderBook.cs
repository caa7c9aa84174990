using TokenMatch.Commands;

namespace TokenMatch.Matching;

/// <summary>
/// One market's book of resting orders in price-time priority on FTE prices: the fast
/// <see cref="OrderBook"/> and the simple <see cref="NaiveOrderBook"/>. Both run inside the same
/// <see cref="Core.ExchangeCore"/> and call back into it (<see cref="IBookHost"/>) for owner checks,
/// settlement, fees, holds and events, so only the book structure and the order of the match walk
/// differ between them; rule code is shared. The test reference that shares no rule code with the
/// engine is Engine.Tests/Reference/ReferenceExchange. Owned by the core thread.
/// </summary>
public interface IOrderBook
{
    /// <summary>Resting orders.</summary>
    int Count { get; }

    /// <summary>Rests an order at the back of its price level and reports the level change.</summary>
    void Add(int order);

    /// <summary>Takes a resting order out (cancel) and reports the level change; the slot stays the caller's.</summary>
    void Remove(int order);

    /// <summary>Reduces a resting order's remaining quantity in place, keeping its priority, and reports the level change.</summary>
    void Reduce(int order, long newRemaining);

    /// <summary>True when an incoming order of <paramref name="side"/> at FTE <paramref name="limit"/> would meet a resting order.</summary>
    bool Crosses(Side side, long limit);

    /// <summary>
    /// True when a fill-or-kill incoming order could trade its whole remaining quantity, counting
    /// only liquidity it could trade with under its self-trade mode. Changes nothing.
    /// </summary>
    bool CanFillWhole(in Taker taker);

    /// <summary>Matches an incoming order against the book until it is filled, killed or no longer crosses.</summary>
    void Match(ref Taker taker);

    /// <summary>Appends the resting orders of one side in priority order (best price first, then time).</summary>
    void CollectOrders(Side side, List<int> into);

    /// <summary>Appends up to <paramref name="levels"/> aggregated levels of one side, best first: (price, total, orders).</summary>
    void CollectLevels(Side side, int levels, List<(long Price, long Quantity, int Orders)> into);

    /// <summary>Throws <see cref="InvalidOperationException"/> when an internal invariant is broken.</summary>
    void ValidateInternalState();
}
