namespace TokenMatch.Client;

/// <summary>One trade quoted in an alert: its command's sequence, both orders, buyer, seller, lots, executed price and fair value.</summary>
public sealed record AlertTrade(long Sequence, long MakerOrder, long TakerOrder, int Buyer, int Seller, long Quantity, long ExecPrice, long FairValue);
