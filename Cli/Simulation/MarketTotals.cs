namespace TokenMatch.Cli.Simulation;

/// <summary>One market's totals in a <see cref="SimulationRecord"/> (lots, micro-credits).</summary>
public sealed class MarketTotals
{
    /// <summary>Trades.</summary>
    public long Trades;
    /// <summary>Lots traded.</summary>
    public long Lots;
    /// <summary>Σ quantity × executed price.</summary>
    public long Volume;
    /// <summary>Fees charged (both sides).</summary>
    public long Fees;
    /// <summary>Lots granted (accepted grants).</summary>
    public long Granted;
    /// <summary>Lots consumed (accepted consumes).</summary>
    public long Consumed;
    /// <summary>Lots expired at the cycle end.</summary>
    public long Expired;
    /// <summary>Lots bought back by the provider (retired).</summary>
    public long BoughtBack;
    /// <summary>Credits the provider paid for them.</summary>
    public long BuybackSpend;
}
