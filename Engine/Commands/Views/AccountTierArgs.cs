using System.Diagnostics;

namespace TokenMatch.Commands;

/// <summary>
/// An account and a verification tier (<see cref="CommandType.CreateAccount"/>,
/// <see cref="CommandType.SetTier"/>). A typed view over a <see cref="Command"/> slot: the slot's
/// fields under the names they have for this command, read in place (no copy, no allocation);
/// <see cref="CommandLayout"/> draws which field each name reads.
/// </summary>
public readonly ref struct AccountTierArgs
{
    private readonly ref readonly Command _c;

    /// <summary>A view of <paramref name="command"/>, which must be of a kind this view names.</summary>
    public AccountTierArgs(ref readonly Command command)
    {
        Debug.Assert(command.Type == CommandType.CreateAccount || command.Type == CommandType.SetTier, "AccountTierArgs over a command of another kind");
        _c = ref command;
    }

    /// <summary>The account (slot field <see cref="Command.Account"/>).</summary>
    public int Account => _c.Account;

    /// <summary>The tier as sent (not yet checked) (slot field <see cref="Command.Code"/>).</summary>
    public byte TierCode => _c.Code;
}
