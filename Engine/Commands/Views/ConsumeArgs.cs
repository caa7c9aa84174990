using System.Diagnostics;

namespace TokenMatch.Commands;

/// <summary>
/// Consumption of an account's free lots in a market (<see cref="CommandType.Consume"/>). A typed
/// view over a <see cref="Command"/> slot: the slot's fields under the names they have for this
/// command, read in place (no copy, no allocation); <see cref="CommandLayout"/> draws which field
/// each name reads.
/// </summary>
public readonly ref struct ConsumeArgs
{
    private readonly ref readonly Command _c;

    /// <summary>A view of <paramref name="command"/>, which must be of a kind this view names.</summary>
    public ConsumeArgs(ref readonly Command command)
    {
        Debug.Assert(command.Type == CommandType.Consume, "ConsumeArgs over a command of another kind");
        _c = ref command;
    }

    /// <summary>The account (slot field <see cref="Command.Account"/>).</summary>
    public int Account => _c.Account;

    /// <summary>The market (slot field <see cref="Command.Market"/>).</summary>
    public int Market => _c.Market;

    /// <summary>Lots to consume (slot field <see cref="Command.Quantity"/>).</summary>
    public long Lots => _c.Quantity;
}
