using System.Diagnostics;

namespace TokenMatch.Commands;

/// <summary>
/// A market's maker and taker fee rates (<see cref="CommandType.SetFees"/>). A typed view over a
/// <see cref="Command"/> slot: the slot's fields under the names they have for this command, read
/// in place (no copy, no allocation); <see cref="CommandLayout"/> draws which field each name
/// reads.
/// </summary>
public readonly ref struct FeesArgs
{
    private readonly ref readonly Command _c;

    /// <summary>A view of <paramref name="command"/>, which must be of a kind this view names.</summary>
    public FeesArgs(ref readonly Command command)
    {
        Debug.Assert(command.Type == CommandType.SetFees, "FeesArgs over a command of another kind");
        _c = ref command;
    }

    /// <summary>The market (slot field <see cref="Command.Market"/>).</summary>
    public int Market => _c.Market;

    /// <summary>Maker fee (bps) (slot field <see cref="Command.A0"/>).</summary>
    public long MakerBps => _c.A0;

    /// <summary>Taker fee (bps) (slot field <see cref="Command.A1"/>).</summary>
    public long TakerBps => _c.A1;
}
