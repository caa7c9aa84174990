namespace TokenMatch.Ledger;

/// <summary>
/// An account's token lots in one market, by origin, plus what its open sells hold: one row of the
/// market's per-account table (<see cref="Markets.Market.Lots"/>), so a hold or release touches one
/// contiguous row instead of following references. Owned by the core thread.
/// </summary>
public struct MarketLots
{
    /// <summary>Free lots by origin (index = (int)<see cref="Commands.Origin"/>).</summary>
    public LotCounts Free;
    /// <summary>Allocated lots held by open sells.</summary>
    public long HeldAllocated;
    /// <summary>Lots sold plus open sell quantity this cycle: what the tier cap counts.</summary>
    public long SellCounted;
    /// <summary>True once the account has had lots in the market (the row is part of the state).</summary>
    public bool Exists;

    /// <summary>Free lots of every origin.</summary>
    public readonly long TotalFree => Free[0] + Free[1] + Free[2] + Free[3];
}
