using System.Diagnostics;

namespace TokenMatch.Commands;

/// <summary>
/// A tier's max sell quantity per cycle (<see cref="CommandType.SetTierCap"/>). A typed view over a
/// <see cref="Command"/> slot: the slot's fields under the names they have for this command, read
/// in place (no copy, no allocation); <see cref="CommandLayout"/> draws which field each name
/// reads.
/// </summary>
public readonly ref struct TierCapArgs
{
    private readonly ref readonly Command _c;

    /// <summary>A view of <paramref name="command"/>, which must be of a kind this view names.</summary>
    public TierCapArgs(ref readonly Command command)
    {
        Debug.Assert(command.Type == CommandType.SetTierCap, "TierCapArgs over a command of another kind");
        _c = ref command;
    }

    /// <summary>The tier as sent (not yet checked) (slot field <see cref="Command.Code"/>).</summary>
    public byte TierCode => _c.Code;

    /// <summary>Lots sold plus open sells an account of the tier may reach per cycle (slot field
    /// <see cref="Command.Quantity"/>).</summary>
    public long MaxSellLots => _c.Quantity;
}
