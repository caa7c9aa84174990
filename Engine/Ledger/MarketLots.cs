namespace TokenMatch.Ledger;

/// <summary>An account's token lots in one market, by origin, plus what its open sells hold. Owned by the core thread.</summary>
public sealed class MarketLots
{
    /// <summary>Free lots by origin (index = (int)<see cref="Commands.Origin"/>), stored inline: no extra indirection on the hot path.</summary>
    public LotCounts Free;
    /// <summary>Allocated lots held by open sells.</summary>
    public long HeldAllocated;
    /// <summary>Lots sold plus open sell quantity this cycle: what the tier cap counts.</summary>
    public long SellCounted;

    /// <summary>Free lots of every origin.</summary>
    public long TotalFree => Free[0] + Free[1] + Free[2] + Free[3];
}
