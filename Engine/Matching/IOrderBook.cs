using TokenMatch.Commands;

namespace TokenMatch.Matching;

/// <summary>
/// One market's book of resting orders in price-time priority on FTE prices; <see cref="OrderBook"/>
/// is the only implementation. It runs inside <see cref="Core.ExchangeCore"/> and calls back into the
/// core's order desk (<see cref="IBookHost"/>) for owner checks, settlement, fees, holds and events,
/// so a book holds structure and the match walk only, no ledger rules; what it needs of the command
/// (the decay of its instant) comes in the <see cref="Taker"/>. The engine is checked against
/// Engine.Tests/Reference/ReferenceExchange, which shares no rule code with it (lockstep properties
/// over generated sequences). Owned by the core thread.
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

    /// <summary>
    /// Matches an incoming order against the book until it is filled, killed by self-trade prevention
    /// or no longer crosses, at the decay the taker carries; says which of the last two ended it.
    /// </summary>
    MatchResult Match(in Taker taker);

    /// <summary>Appends the resting orders of one side in priority order (best price first, then time).</summary>
    void CollectOrders(Side side, List<int> into);

    /// <summary>Appends up to <paramref name="levels"/> aggregated levels of one side, best first: (price, total, orders).</summary>
    void CollectLevels(Side side, int levels, List<(long Price, long Quantity, int Orders)> into);

    /// <summary>Throws <see cref="InvalidOperationException"/> when an internal invariant is broken.</summary>
    void ValidateInternalState();
}
