using System.Diagnostics;

namespace TokenMatch.Commands;

/// <summary>
/// An order addressed by its engine id, or by account, market and client id
/// (<see cref="CommandType.Cancel"/>). A typed view over a <see cref="Command"/> slot: the slot's
/// fields under the names they have for this command, read in place (no copy, no allocation);
/// <see cref="CommandLayout"/> draws which field each name reads.
/// </summary>
public readonly ref struct OrderRefArgs
{
    private readonly ref readonly Command _c;

    /// <summary>A view of <paramref name="command"/>, which must be of a kind this view names.</summary>
    public OrderRefArgs(ref readonly Command command)
    {
        Debug.Assert(command.Type == CommandType.Cancel, "OrderRefArgs over a command of another kind");
        _c = ref command;
    }

    /// <summary>The order's account (slot field <see cref="Command.Account"/>).</summary>
    public int Account => _c.Account;

    /// <summary>The market, when the order is addressed by client id (slot field
    /// <see cref="Command.Market"/>).</summary>
    public int Market => _c.Market;

    /// <summary>Engine order id; 0 to address the order by client id (slot field
    /// <see cref="Command.OrderId"/>).</summary>
    public long OrderId => _c.OrderId;

    /// <summary>Client order id, when <see cref="OrderId"/> is 0 (slot field
    /// <see cref="Command.ClientId"/>).</summary>
    public long ClientId => _c.ClientId;
}
