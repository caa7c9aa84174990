namespace TokenMatch.Surveillance.Alerts;

/// <summary>One trade quoted as evidence: the command's sequence, both orders, buyer and seller, size and price.</summary>
/// <param name="Sequence">Sequence of the command that produced the trade.</param>
/// <param name="MakerOrder">Resting order id.</param>
/// <param name="TakerOrder">Incoming order id.</param>
/// <param name="Buyer">Buying account.</param>
/// <param name="Seller">Selling account.</param>
/// <param name="Quantity">Lots.</param>
/// <param name="ExecPrice">Executed price, micro-credits per lot.</param>
/// <param name="FairValue">face × D(t) / 1,000,000 at the trade's time, micro-credits per lot.</param>
public sealed record TradeEvidence(long Sequence, long MakerOrder, long TakerOrder, int Buyer, int Seller,
    long Quantity, long ExecPrice, long FairValue);
