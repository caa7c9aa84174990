using System.Diagnostics;

namespace TokenMatch.Commands;

/// <summary>
/// A market's buyback rate and budget (<see cref="CommandType.SetBuyback"/>). A typed view over a
/// <see cref="Command"/> slot: the slot's fields under the names they have for this command, read
/// in place (no copy, no allocation); <see cref="CommandLayout"/> draws which field each name
/// reads.
/// </summary>
public readonly ref struct BuybackArgs
{
    private readonly ref readonly Command _c;

    /// <summary>A view of <paramref name="command"/>, which must be of a kind this view names.</summary>
    public BuybackArgs(ref readonly Command command)
    {
        Debug.Assert(command.Type == CommandType.SetBuyback, "BuybackArgs over a command of another kind");
        _c = ref command;
    }

    /// <summary>The market (slot field <see cref="Command.Market"/>).</summary>
    public int Market => _c.Market;

    /// <summary>Buyback rate (bps of face) (slot field <see cref="Command.A0"/>).</summary>
    public long RateBps => _c.A0;

    /// <summary>Lots the provider buys back this cycle, those bought back included (slot field
    /// <see cref="Command.A1"/>).</summary>
    public long BudgetLots => _c.A1;
}
