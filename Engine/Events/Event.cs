using System.Runtime.InteropServices;
using TokenMatch.Commands;

namespace TokenMatch.Events;

/// <summary>
/// One output event: a fixed-size struct, so that events flow through a pre-allocated ring with no
/// allocation. Field use per type (docs/architecture.md has the table):
/// <list type="bullet">
/// <item>Accepted: Command, Account, Market, OrderId (place/amend/cancel), ClientId.</item>
/// <item>Rejected: Command, Code, Account, Market, OrderId, ClientId.</item>
/// <item>Trade: Market, OrderId/Account = maker, OtherOrderId/OtherAccount = taker, Side = taker side,
///   Quantity, Price = maker FTE price, ExecPrice, Fee = buyer fee, OtherFee = seller fee.</item>
/// <item>Cancelled: Market, OrderId, Account, ClientId, Side, Price, Quantity = cancelled lots, Reason.</item>
/// <item>Amended: Market, OrderId, Account, ClientId, Side, Price = new FTE price, Quantity = new remaining.</item>
/// <item>Decremented: Market, OrderId, Account, Side, Price, Quantity = lots removed, Remaining.</item>
/// <item>BookLevel: Market, Side, Price, Quantity = new level total.</item>
/// <item>LotsExpired: Market, Account, Origin, Quantity.</item>
/// <item>MarketState: Market, State.</item>
/// </list>
/// Every event carries the sequence and timestamp of the command that produced it.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
public struct Event
{
    /// <summary>Event kind.</summary>
    public EventType Type;
    /// <summary>The producing command's type.</summary>
    public CommandType Command;
    /// <summary>Side (trade: the taker's side).</summary>
    public Side Side;
    /// <summary>Why an order was cancelled.</summary>
    public CancelReason Reason;
    /// <summary>Lot origin (lots expired) or market state (market state).</summary>
    public byte Detail;
    /// <summary>Result code (rejected).</summary>
    public ResultCode Code;
    /// <summary>Market id.</summary>
    public int Market;
    /// <summary>Account (trade: the maker's).</summary>
    public int Account;
    /// <summary>Other account (trade: the taker's).</summary>
    public int OtherAccount;
    /// <summary>Sequence of the producing command.</summary>
    public long Sequence;
    /// <summary>Time of the producing command (after the never-backwards rule).</summary>
    public long Timestamp;
    /// <summary>Order id (trade: the maker's).</summary>
    public long OrderId;
    /// <summary>Other order id (trade: the taker's).</summary>
    public long OtherOrderId;
    /// <summary>Client order id.</summary>
    public long ClientId;
    /// <summary>FTE price.</summary>
    public long Price;
    /// <summary>Executed price (trade).</summary>
    public long ExecPrice;
    /// <summary>Quantity in lots.</summary>
    public long Quantity;
    /// <summary>Remaining quantity (decremented, trade: the maker's remaining).</summary>
    public long Remaining;
    /// <summary>Buyer's fee (trade).</summary>
    public long Fee;
    /// <summary>Seller's fee (trade).</summary>
    public long OtherFee;

    /// <summary>Lot origin of a lots-expired event.</summary>
    public readonly Origin Origin => (Origin)Detail;

    /// <summary>New state of a market-state event.</summary>
    public readonly Markets.MarketState State => (Markets.MarketState)Detail;
}
