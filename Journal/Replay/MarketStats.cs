using TokenMatch.Commands;

namespace TokenMatch.Journal.Replay;

/// <summary>What happened in one market during a replay (credits in micro-credits, quantities in lots).</summary>
public sealed class MarketStats
{
    /// <summary>The market id.</summary>
    public required int Market { get; init; }

    /// <summary>Trades executed (buyback trades included).</summary>
    public long Trades { get; internal set; }

    /// <summary>Lots traded.</summary>
    public long Volume { get; internal set; }

    /// <summary>Σ lots × executed price.</summary>
    public Int128 Notional { get; internal set; }

    /// <summary>Volume-weighted average executed price (truncating), 0 with no trade.</summary>
    public long Vwap => Volume == 0 ? 0 : (long)(Notional / Volume);

    /// <summary>Lots the provider bought back.</summary>
    public long BuybackVolume { get; internal set; }

    /// <summary>Credits the provider spent on buybacks.</summary>
    public Int128 BuybackSpend { get; internal set; }

    /// <summary>Fees paid by buyers and sellers.</summary>
    public Int128 Fees { get; internal set; }

    /// <summary>Credits sellers received (executed value minus their fees).</summary>
    public Int128 CreditsToSellers { get; internal set; }

    /// <summary>Rejected commands naming this market, by result code.</summary>
    public SortedDictionary<ResultCode, long> Rejections { get; } = new();
}
