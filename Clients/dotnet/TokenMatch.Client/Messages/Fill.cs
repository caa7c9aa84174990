using TokenMatch.Commands;

namespace TokenMatch.Client;

/// <summary>One fill of one account: command sequence, time, market, own order, side, FTE and executed price, lots, own fee, maker flag, the other order.</summary>
public sealed record Fill(long Sequence, long Timestamp, int Market, long OrderId, Side Side, long Price, long ExecPrice,
    long Quantity, long Fee, bool Maker, long OtherOrderId);
