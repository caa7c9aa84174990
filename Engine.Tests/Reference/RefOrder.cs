using TokenMatch.Commands;

namespace TokenMatch.Tests.Reference;

/// <summary>One open order of the <see cref="ReferenceExchange"/>: a plain class, never pooled or reused.</summary>
public sealed class RefOrder
{
    /// <summary>Engine order id.</summary>
    public long Id;
    /// <summary>Client order id (0 = none).</summary>
    public long ClientId;
    /// <summary>Owning account.</summary>
    public int Account;
    /// <summary>Market id.</summary>
    public int Market;
    /// <summary>Side.</summary>
    public Side Side;
    /// <summary>Order type.</summary>
    public OrderType Type;
    /// <summary>Time in force after defaults.</summary>
    public TimeInForce Tif;
    /// <summary>Self-trade mode after the account default.</summary>
    public StpMode Stp;
    /// <summary>The provider's buyback bid.</summary>
    public bool Buyback;
    /// <summary>FTE limit price.</summary>
    public long Price;
    /// <summary>Lots left.</summary>
    public long Remaining;
    /// <summary>Credits held per lot (buys).</summary>
    public long HoldPerLot;
    /// <summary>Fee rates in force for the order.</summary>
    public long MakerBps, TakerBps;
    /// <summary>Good-till-time expiry, 0 when none.</summary>
    public long ExpireAt;
    /// <summary>Time priority: a counter taken at acceptance and at every cancel-and-replace.</summary>
    public long Priority;
}
