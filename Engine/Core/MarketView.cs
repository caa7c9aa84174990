using TokenMatch.Markets;

namespace TokenMatch.Core;

/// <summary>A query answer: a market's settings, state and cycle counters.</summary>
public sealed record MarketView(int Id, string Symbol, MarketState State, long LotSize, long Tick, long Face,
    long MinPrice, long MaxPrice, long MinQuantity, long MaxQuantity, long CycleStart, long CycleEnd,
    CurveKind Curve, long MakerBps, long TakerBps, long BuybackRateBps, long BuybackBudget, long BoughtBack,
    long Granted, long Consumed, long Expired, long Retired);
