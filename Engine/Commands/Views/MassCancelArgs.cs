using System.Diagnostics;

namespace TokenMatch.Commands;

/// <summary>
/// Every order of an account, or of an account in one market
/// (<see cref="CommandType.MassCancel"/>). A typed view over a <see cref="Command"/> slot: the
/// slot's fields under the names they have for this command, read in place (no copy, no
/// allocation); <see cref="CommandLayout"/> draws which field each name reads.
/// </summary>
public readonly ref struct MassCancelArgs
{
    private readonly ref readonly Command _c;

    /// <summary>A view of <paramref name="command"/>, which must be of a kind this view names.</summary>
    public MassCancelArgs(ref readonly Command command)
    {
        Debug.Assert(command.Type == CommandType.MassCancel, "MassCancelArgs over a command of another kind");
        _c = ref command;
    }

    /// <summary>The account (slot field <see cref="Command.Account"/>).</summary>
    public int Account => _c.Account;

    /// <summary>The market, or −1 for every market (slot field <see cref="Command.Market"/>).</summary>
    public int Market => _c.Market;
}
