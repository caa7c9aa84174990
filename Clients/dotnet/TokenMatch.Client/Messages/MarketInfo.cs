using TokenMatch.Commands;
using TokenMatch.Markets;

namespace TokenMatch.Client;

/// <summary>A market's settings and state, and its decay factor D now (ppm).</summary>
public sealed record MarketInfo(ResultCode Code, int Market, string? Symbol, MarketState State, long LotSize, long Tick, long Face,
    long MinPrice, long MaxPrice, long MinQuantity, long MaxQuantity, long CycleStart, long CycleEnd, CurveKind Curve,
    long MakerBps, long TakerBps, long BuybackRateBps, long BuybackBudget, long DecayPpm);
