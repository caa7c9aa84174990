using TokenMatch.Commands;
using TokenMatch.Markets;

namespace TokenMatch.Core;

/// <summary>Token lots of one account in one market, by origin.</summary>
/// <param name="Market">Market id.</param>
/// <param name="Free">Free lots by origin (index = (int)<see cref="Origin"/>).</param>
/// <param name="HeldAllocated">Allocated lots held by open sells.</param>
/// <param name="SellCounted">Lots sold plus open sell quantity this cycle (the tier cap's count).</param>
public sealed record MarketLotsView(int Market, long[] Free, long HeldAllocated, long SellCounted);

/// <summary>A query answer: an account's balances, settings and lots.</summary>
public sealed record AccountView(int Id, Tier Tier, bool Frozen, long Group, StpMode StpDefault,
    long Available, long Held, long Spent, int OpenOrders, IReadOnlyList<MarketLotsView> Lots);

/// <summary>A query answer: one open order.</summary>
public sealed record OrderView(long OrderId, long ClientId, int Account, int Market, Side Side, OrderType Type,
    long Price, long Remaining, long HoldPerLot, long ExpireAt, bool IsBuyback);

/// <summary>One aggregated price level.</summary>
public sealed record DepthLevel(long Price, long Quantity, int Orders);

/// <summary>A query answer: the best levels of a market's book, best first.</summary>
public sealed record BookDepth(int Market, IReadOnlyList<DepthLevel> Bids, IReadOnlyList<DepthLevel> Asks);

/// <summary>A query answer: a market's settings, state and cycle counters.</summary>
public sealed record MarketView(int Id, string Symbol, MarketState State, long LotSize, long Tick, long Face,
    long MinPrice, long MaxPrice, long MinQuantity, long MaxQuantity, long CycleStart, long CycleEnd,
    CurveKind Curve, long MakerBps, long TakerBps, long BuybackRateBps, long BuybackBudget, long BoughtBack,
    long Granted, long Consumed, long Expired, long Retired);
