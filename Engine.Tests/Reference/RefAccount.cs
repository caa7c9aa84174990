using TokenMatch.Commands;

namespace TokenMatch.Tests.Reference;

/// <summary>An account of the <see cref="ReferenceExchange"/>.</summary>
public sealed class RefAccount
{
    /// <summary>Account id.</summary>
    public int Id;
    /// <summary>Verification tier.</summary>
    public Tier Tier;
    /// <summary>Frozen flag.</summary>
    public bool Frozen;
    /// <summary>Owner group, 0 = none.</summary>
    public long Group;
    /// <summary>Default self-trade mode.</summary>
    public StpMode StpDefault = StpMode.CancelNewest;
    /// <summary>Credits.</summary>
    public long Available, Held, Spent;
    /// <summary>Ids of the account's open orders (never the buyback bid); ascending id is acceptance order.</summary>
    public readonly SortedSet<long> Open = new();
}
