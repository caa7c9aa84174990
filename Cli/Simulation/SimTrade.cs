namespace TokenMatch.Cli.Simulation;

/// <summary>One trade as the report sees it: both sides, the executed price and the fees.</summary>
/// <param name="Market">Market id.</param>
/// <param name="Time">Time of the trade (its command's), ns.</param>
/// <param name="Quantity">Lots.</param>
/// <param name="ExecPrice">Executed price per lot, micro-credits.</param>
/// <param name="Buyer">Buying account.</param>
/// <param name="Seller">Selling account.</param>
/// <param name="BuyerFee">Buyer's fee, micro-credits.</param>
/// <param name="SellerFee">Seller's fee, micro-credits.</param>
/// <param name="Buyback">True when the buyer is the provider's buyback bid (the lots are retired).</param>
public readonly record struct SimTrade(int Market, long Time, long Quantity, long ExecPrice, int Buyer, int Seller,
    long BuyerFee, long SellerFee, bool Buyback)
{
    /// <summary>Credits the buyer pays for the lots (without its fee).</summary>
    public long Value => Quantity * ExecPrice;
}
