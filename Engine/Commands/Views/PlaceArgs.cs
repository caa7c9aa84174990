using System.Diagnostics;

namespace TokenMatch.Commands;

/// <summary>
/// A new order (<see cref="CommandType.Place"/>). A typed view over a <see cref="Command"/> slot:
/// the slot's fields under the names they have for this command, read in place (no copy, no
/// allocation); <see cref="CommandLayout"/> draws which field each name reads.
/// </summary>
public readonly ref struct PlaceArgs
{
    private readonly ref readonly Command _c;

    /// <summary>A view of <paramref name="command"/>, which must be of a kind this view names.</summary>
    public PlaceArgs(ref readonly Command command)
    {
        Debug.Assert(command.Type == CommandType.Place, "PlaceArgs over a command of another kind");
        _c = ref command;
    }

    /// <summary>The account placing the order (slot field <see cref="Command.Account"/>).</summary>
    public int Account => _c.Account;

    /// <summary>The market (slot field <see cref="Command.Market"/>).</summary>
    public int Market => _c.Market;

    /// <summary>Buy or sell (slot field <see cref="Command.Side"/>).</summary>
    public Side Side => _c.Side;

    /// <summary>Limit, market or post-only (slot field <see cref="Command.OrderType"/>).</summary>
    public OrderType OrderType => _c.OrderType;

    /// <summary>Time in force (default: IOC for a market order, good-till-cycle otherwise) (slot field
    /// <see cref="Command.Tif"/>).</summary>
    public TimeInForce Tif => _c.Tif;

    /// <summary>Self-trade prevention mode (default: the account's) (slot field
    /// <see cref="Command.Stp"/>).</summary>
    public StpMode Stp => _c.Stp;

    /// <summary>How <see cref="Price"/> is quoted (slot field
    /// <see cref="Command.PriceKind"/>).</summary>
    public PriceKind PriceKind => _c.PriceKind;

    /// <summary>Client order id, 0 for none (slot field <see cref="Command.ClientId"/>).</summary>
    public long ClientId => _c.ClientId;

    /// <summary>The limit (FTE or absolute); 0 on a market order means the market's bound (slot field
    /// <see cref="Command.Price"/>).</summary>
    public long Price => _c.Price;

    /// <summary>Lots to trade (slot field <see cref="Command.Quantity"/>).</summary>
    public long Quantity => _c.Quantity;

    /// <summary>Good-till-time expiry (ns); 0 for every other time in force (slot field
    /// <see cref="Command.Arg"/>).</summary>
    public long ExpireAt => _c.Arg;
}
