using TokenMatch.Commands;

namespace TokenMatch.Client;

/// <summary>An open order.</summary>
public sealed record OrderInfo(long OrderId, long ClientId, int Account, int Market, Side Side, OrderType Type,
    long Price, long Remaining, long ExpireAt);
