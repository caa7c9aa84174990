using TokenMatch.Commands;

namespace TokenMatch.Gateway.MarketData;

/// <summary>One fill from one account's side: what the fills query and the execution report carry.</summary>
internal readonly record struct FillRecord(long Sequence, long Timestamp, int Market, long OrderId, Side Side,
    long Price, long ExecPrice, long Quantity, long Fee, bool Maker, long OtherOrderId);
