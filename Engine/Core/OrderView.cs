using TokenMatch.Commands;

namespace TokenMatch.Core;

/// <summary>A query answer: one open order.</summary>
public sealed record OrderView(long OrderId, long ClientId, int Account, int Market, Side Side, OrderType Type,
    long Price, long Remaining, long HoldPerLot, long ExpireAt, bool IsBuyback);
