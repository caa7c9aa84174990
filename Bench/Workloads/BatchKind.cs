namespace TokenMatch.Bench.Workloads;

/// <summary>What a batch of generated commands exercises.</summary>
public enum BatchKind
{
    /// <summary>The realistic mix: about 50% place, 35% cancel, 10% amend, 5% IOC/market, depth held constant.</summary>
    Mix,
    /// <summary>Limit orders that rest near the touch (the book grows by the batch).</summary>
    PlaceResting,
    /// <summary>Cancels of live resting orders (the book shrinks by the batch).</summary>
    Cancel,
    /// <summary>Amends that reduce a resting order's quantity (keep priority).</summary>
    AmendReduce,
    /// <summary>Amends that move a resting order to another price on its side (cancel-and-replace, no match).</summary>
    AmendReprice,
    /// <summary>IOC buys that each take exactly one level (one order) of a prepared ask ladder.</summary>
    SweepOneLevel,
    /// <summary>IOC buys that each take exactly ten levels (ten orders) of a prepared ask ladder.</summary>
    SweepTenLevels,
}
