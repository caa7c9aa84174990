namespace TokenMatch.Ledger;

/// <summary>
/// An account's token lots in one market, by origin, plus what its open sells hold: one row of the
/// market's table of the accounts that have had lots there (<see cref="Markets.Market.LotsOf"/>), so a
/// hold or release touches one contiguous row instead of following references. A row exists from the
/// account's first lots in the market and is part of the state from then on. Owned by the core thread.
/// </summary>
public struct MarketLots
{
    /// <summary>Free lots by origin (index = (int)<see cref="Commands.Origin"/>).</summary>
    public LotCounts Free;
    /// <summary>Allocated lots held by open sells.</summary>
    public long HeldAllocated;
    /// <summary>Lots sold plus open sell quantity this cycle: what the tier cap counts.</summary>
    public long SellCounted;

    /// <summary>Free lots of every origin.</summary>
    public readonly long TotalFree => Free[0] + Free[1] + Free[2] + Free[3];
}
