using System.Diagnostics;

namespace TokenMatch.Commands;

/// <summary>
/// The provider account (buyback bids) and the fee account (<see cref="CommandType.SetHouse"/>). A
/// typed view over a <see cref="Command"/> slot: the slot's fields under the names they have for
/// this command, read in place (no copy, no allocation); <see cref="CommandLayout"/> draws which
/// field each name reads.
/// </summary>
public readonly ref struct HouseArgs
{
    private readonly ref readonly Command _c;

    /// <summary>A view of <paramref name="command"/>, which must be of a kind this view names.</summary>
    public HouseArgs(ref readonly Command command)
    {
        Debug.Assert(command.Type == CommandType.SetHouse, "HouseArgs over a command of another kind");
        _c = ref command;
    }

    /// <summary>The provider's account (slot field <see cref="Command.Account"/>).</summary>
    public int Provider => _c.Account;

    /// <summary>The fee account, as sent (a long: checked to be an account id) (slot field
    /// <see cref="Command.Arg"/>).</summary>
    public long FeeAccount => _c.Arg;
}
