using System.Diagnostics;

namespace TokenMatch.Commands;

/// <summary>
/// The max open orders per account (<see cref="CommandType.SetMaxOpenOrders"/>). A typed view over
/// a <see cref="Command"/> slot: the slot's fields under the names they have for this command, read
/// in place (no copy, no allocation); <see cref="CommandLayout"/> draws which field each name
/// reads.
/// </summary>
public readonly ref struct MaxOpenOrdersArgs
{
    private readonly ref readonly Command _c;

    /// <summary>A view of <paramref name="command"/>, which must be of a kind this view names.</summary>
    public MaxOpenOrdersArgs(ref readonly Command command)
    {
        Debug.Assert(command.Type == CommandType.SetMaxOpenOrders, "MaxOpenOrdersArgs over a command of another kind");
        _c = ref command;
    }

    /// <summary>Resting orders an account may have (slot field
    /// <see cref="Command.Quantity"/>).</summary>
    public long MaxOpenOrders => _c.Quantity;
}
