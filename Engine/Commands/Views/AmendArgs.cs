using System.Diagnostics;

namespace TokenMatch.Commands;

/// <summary>
/// A new remaining quantity and/or price for an order (<see cref="CommandType.Amend"/>). A typed
/// view over a <see cref="Command"/> slot: the slot's fields under the names they have for this
/// command, read in place (no copy, no allocation); <see cref="CommandLayout"/> draws which field
/// each name reads.
/// </summary>
public readonly ref struct AmendArgs
{
    private readonly ref readonly Command _c;

    /// <summary>A view of <paramref name="command"/>, which must be of a kind this view names.</summary>
    public AmendArgs(ref readonly Command command)
    {
        Debug.Assert(command.Type == CommandType.Amend, "AmendArgs over a command of another kind");
        _c = ref command;
    }

    /// <summary>The order's account (slot field <see cref="Command.Account"/>).</summary>
    public int Account => _c.Account;

    /// <summary>The market, when the order is addressed by client id (slot field
    /// <see cref="Command.Market"/>).</summary>
    public int Market => _c.Market;

    /// <summary>How <see cref="NewPrice"/> is quoted (slot field
    /// <see cref="Command.PriceKind"/>).</summary>
    public PriceKind PriceKind => _c.PriceKind;

    /// <summary>Engine order id; 0 to address the order by client id (slot field
    /// <see cref="Command.OrderId"/>).</summary>
    public long OrderId => _c.OrderId;

    /// <summary>Client order id, when <see cref="OrderId"/> is 0 (slot field
    /// <see cref="Command.ClientId"/>).</summary>
    public long ClientId => _c.ClientId;

    /// <summary>The new limit; 0 keeps the order's (slot field <see cref="Command.Price"/>).</summary>
    public long NewPrice => _c.Price;

    /// <summary>The new remaining quantity; 0 keeps the order's (slot field
    /// <see cref="Command.Quantity"/>).</summary>
    public long NewQuantity => _c.Quantity;
}
