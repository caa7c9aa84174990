using TokenMatch.Commands;

namespace TokenMatch.Ledger;

/// <summary>An account: credits, settings and its open orders (its lots live in each market's table). Owned by the core thread.</summary>
public sealed class Account
{
    /// <summary>Account id.</summary>
    public readonly int Id;
    /// <summary>Dense index, 0, 1, 2, … in creation order, set by <see cref="AccountTable.Add"/>: per-market tables are indexed by it, not by the id.</summary>
    public int Row = -1;
    /// <summary>Verification tier.</summary>
    public Tier Tier;
    /// <summary>Frozen accounts may not trade.</summary>
    public bool Frozen;
    /// <summary>Owner group (0 = none): accounts with one group are one beneficial owner.</summary>
    public long Group;
    /// <summary>Self-trade prevention mode used when an order says default.</summary>
    public StpMode StpDefault = StpMode.CancelNewest;
    /// <summary>Credits free to use.</summary>
    public long Available;
    /// <summary>Credits held by open buys.</summary>
    public long Held;
    /// <summary>Credits spent on service (gone from the platform).</summary>
    public long Spent;
    /// <summary>Open orders (the buyback bid is the house's, not counted).</summary>
    public int OpenOrders;
    /// <summary>Pool slot of the first open order (oldest accepted first), -1 when none.</summary>
    public int FirstOrder = -1;
    /// <summary>Pool slot of the last open order, -1 when none.</summary>
    public int LastOrder = -1;
    /// <summary>Creates an account.</summary>
    public Account(int id, Tier tier)
    {
        Id = id;
        Tier = tier;
    }
}
