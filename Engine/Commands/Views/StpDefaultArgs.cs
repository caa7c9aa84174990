using System.Diagnostics;

namespace TokenMatch.Commands;

/// <summary>
/// An account's default self-trade prevention mode (<see cref="CommandType.SetStpDefault"/>). A
/// typed view over a <see cref="Command"/> slot: the slot's fields under the names they have for
/// this command, read in place (no copy, no allocation); <see cref="CommandLayout"/> draws which
/// field each name reads.
/// </summary>
public readonly ref struct StpDefaultArgs
{
    private readonly ref readonly Command _c;

    /// <summary>A view of <paramref name="command"/>, which must be of a kind this view names.</summary>
    public StpDefaultArgs(ref readonly Command command)
    {
        Debug.Assert(command.Type == CommandType.SetStpDefault, "StpDefaultArgs over a command of another kind");
        _c = ref command;
    }

    /// <summary>The account (slot field <see cref="Command.Account"/>).</summary>
    public int Account => _c.Account;

    /// <summary>The mode orders saying default get (slot field <see cref="Command.Stp"/>).</summary>
    public StpMode Mode => _c.Stp;
}
