using System.Diagnostics;

namespace TokenMatch.Commands;

/// <summary>
/// A replay fill of a resting order by an account with no order of its own
/// (<see cref="CommandType.Fill"/>). A typed view over a <see cref="Command"/> slot: the slot's
/// fields under the names they have for this command, read in place (no copy, no allocation);
/// <see cref="CommandLayout"/> draws which field each name reads.
/// </summary>
public readonly ref struct FillArgs
{
    private readonly ref readonly Command _c;

    /// <summary>A view of <paramref name="command"/>, which must be of a kind this view names.</summary>
    public FillArgs(ref readonly Command command)
    {
        Debug.Assert(command.Type == CommandType.Fill, "FillArgs over a command of another kind");
        _c = ref command;
    }

    /// <summary>The account taking the other side (slot field <see cref="Command.Account"/>).</summary>
    public int Taker => _c.Account;

    /// <summary>The taker's side as the source reported it (the resting order's side decides) (slot
    /// field <see cref="Command.Side"/>).</summary>
    public Side Side => _c.Side;

    /// <summary>The resting order to execute (slot field <see cref="Command.OrderId"/>).</summary>
    public long OrderId => _c.OrderId;

    /// <summary>Lots to execute (slot field <see cref="Command.Quantity"/>).</summary>
    public long Quantity => _c.Quantity;
}
