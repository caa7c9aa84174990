using TokenMatch.Commands;

namespace TokenMatch.Client;

/// <summary>Market data: one trade (trade sequence per market).</summary>
public sealed record TradeTick(int Market, long Sequence, long Timestamp, Side TakerSide, long Price, long ExecPrice, long Quantity);
