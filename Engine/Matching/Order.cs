using System.Runtime.InteropServices;
using TokenMatch.Commands;

namespace TokenMatch.Matching;

/// <summary>
/// One order: a slot of the <see cref="OrderPool"/>, linked into its price level's FIFO
/// (<see cref="Prev"/>/<see cref="Next"/>, used by the fast book only) and into its account's
/// list of open orders (<see cref="AccountPrev"/>/<see cref="AccountNext"/>). Owned by the core thread.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
public struct Order
{
    /// <summary>Engine order id (0 while the slot is free).</summary>
    public long Id;
    /// <summary>Client order id (0 = none).</summary>
    public long ClientId;
    /// <summary>FTE limit price.</summary>
    public long Price;
    /// <summary>Lots not yet filled.</summary>
    public long Remaining;
    /// <summary>Credits held per remaining lot (buys), fixed for the order's life; 0 for sells.</summary>
    public long HoldPerLot;
    /// <summary>Good-till-time expiry (ns), 0 when none.</summary>
    public long ExpireAt;
    /// <summary>Owning account.</summary>
    public int Account;
    /// <summary>Market id.</summary>
    public int Market;
    /// <summary>Maker fee rate in force when accepted (bps).</summary>
    public int MakerBps;
    /// <summary>Taker fee rate in force when accepted (bps).</summary>
    public int TakerBps;
    /// <summary>Previous order in the price level (fast book), -1 at the head.</summary>
    public int Prev;
    /// <summary>Next order in the price level (fast book) or the free list, -1 at the end.</summary>
    public int Next;
    /// <summary>Previous open order of the account, -1 at the head.</summary>
    public int AccountPrev;
    /// <summary>Next open order of the account, -1 at the end.</summary>
    public int AccountNext;
    /// <summary>Side.</summary>
    public Side Side;
    /// <summary>Order type (limit or post-only once resting; market orders never rest).</summary>
    public OrderType Type;
    /// <summary>Time in force as accepted (after defaults).</summary>
    public TimeInForce Tif;
    /// <summary>Self-trade prevention mode the order was accepted with (never default); a cancel-and-replace matches with it.</summary>
    public StpMode Stp;
    /// <summary>True for the provider's buyback bid: fee-free, exempt from self-trade prevention, retired lots.</summary>
    public bool IsBuyback;
}
