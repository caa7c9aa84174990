namespace TokenMatch.Cli.Summary;

/// <summary>What traded in one market during a run, summed from its trade events (exact integers).</summary>
public sealed class MarketStats
{
    /// <summary>Creates the stats of market <paramref name="market"/>.</summary>
    public MarketStats(int market) => Market = market;

    /// <summary>Market id.</summary>
    public int Market { get; }

    /// <summary>Trade events.</summary>
    public long Trades { get; set; }

    /// <summary>Lots traded.</summary>
    public long Volume { get; set; }

    /// <summary>Σ exec_price × qty: micro-credits paid for the lots (fees not included).</summary>
    public Int128 Notional { get; set; }

    /// <summary>Σ price × qty, with price the maker's FTE price.</summary>
    public Int128 FteNotional { get; set; }

    /// <summary>Σ fee + other_fee: micro-credits of fees both sides paid.</summary>
    public Int128 Fees { get; set; }

    /// <summary>Volume-weighted executed price per lot (micro-credits, rounded down), or null with no trade.</summary>
    public long? Vwap => Volume == 0 ? null : (long)(Notional / Volume);

    /// <summary>Volume-weighted FTE price per lot (micro-credits, rounded down), or null with no trade.</summary>
    public long? FteVwap => Volume == 0 ? null : (long)(FteNotional / Volume);

    /// <summary>
    /// Executed prices against fair value, in tenths of a percent (rounded down): a trade's fair value is
    /// the face value decayed to the trade's time, eff(face, t), and since exec_price = eff(FTE price, t),
    /// Σ exec / Σ fair comes to Σ FTE price × qty / (face × volume) (up to the tick rounding of eff).
    /// </summary>
    public long? PermilleOfFace(long face) => Volume == 0 || face <= 0 ? null : (long)(FteNotional * 1000 / ((Int128)face * Volume));
}
