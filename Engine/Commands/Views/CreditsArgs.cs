using System.Diagnostics;

namespace TokenMatch.Commands;

/// <summary>
/// An amount of credits into or out of an account (<see cref="CommandType.Deposit"/>,
/// <see cref="CommandType.Spend"/>). A typed view over a <see cref="Command"/> slot: the slot's
/// fields under the names they have for this command, read in place (no copy, no allocation);
/// <see cref="CommandLayout"/> draws which field each name reads.
/// </summary>
public readonly ref struct CreditsArgs
{
    private readonly ref readonly Command _c;

    /// <summary>A view of <paramref name="command"/>, which must be of a kind this view names.</summary>
    public CreditsArgs(ref readonly Command command)
    {
        Debug.Assert(command.Type == CommandType.Spend || command.Type == CommandType.Deposit, "CreditsArgs over a command of another kind");
        _c = ref command;
    }

    /// <summary>The account (slot field <see cref="Command.Account"/>).</summary>
    public int Account => _c.Account;

    /// <summary>Micro-credits (slot field <see cref="Command.Quantity"/>).</summary>
    public long Credits => _c.Quantity;
}
