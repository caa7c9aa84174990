using System.Diagnostics;

namespace TokenMatch.Commands;

/// <summary>
/// Token lots of one origin granted to an account in a market (<see cref="CommandType.Grant"/>). A
/// typed view over a <see cref="Command"/> slot: the slot's fields under the names they have for
/// this command, read in place (no copy, no allocation); <see cref="CommandLayout"/> draws which
/// field each name reads.
/// </summary>
public readonly ref struct GrantArgs
{
    private readonly ref readonly Command _c;

    /// <summary>A view of <paramref name="command"/>, which must be of a kind this view names.</summary>
    public GrantArgs(ref readonly Command command)
    {
        Debug.Assert(command.Type == CommandType.Grant, "GrantArgs over a command of another kind");
        _c = ref command;
    }

    /// <summary>The account (slot field <see cref="Command.Account"/>).</summary>
    public int Account => _c.Account;

    /// <summary>The market (slot field <see cref="Command.Market"/>).</summary>
    public int Market => _c.Market;

    /// <summary>The origin as sent (allocated, trial or promo; not yet checked) (slot field
    /// <see cref="Command.Code"/>).</summary>
    public byte OriginCode => _c.Code;

    /// <summary>Lots granted (slot field <see cref="Command.Quantity"/>).</summary>
    public long Lots => _c.Quantity;
}
