using System.Diagnostics;

namespace TokenMatch.Commands;

/// <summary>
/// A pre-open market's decay curve (<see cref="CommandType.SetCurve"/>). A typed view over a
/// <see cref="Command"/> slot: the slot's fields under the names they have for this command, read
/// in place (no copy, no allocation); <see cref="CommandLayout"/> draws which field each name
/// reads.
/// </summary>
public readonly ref struct CurveArgs
{
    private readonly ref readonly Command _c;

    /// <summary>A view of <paramref name="command"/>, which must be of a kind this view names.</summary>
    public CurveArgs(ref readonly Command command)
    {
        Debug.Assert(command.Type == CommandType.SetCurve, "CurveArgs over a command of another kind");
        _c = ref command;
    }

    /// <summary>The market (slot field <see cref="Command.Market"/>).</summary>
    public int Market => _c.Market;

    /// <summary>The curve kind as sent (not yet checked) (slot field
    /// <see cref="Command.Code"/>).</summary>
    public byte KindCode => _c.Code;

    /// <summary>The floor D never goes below (ppm) (slot field <see cref="Command.A0"/>).</summary>
    public long FloorPpm => _c.A0;

    /// <summary>The half-life of an exponential curve (ns) (slot field
    /// <see cref="Command.A1"/>).</summary>
    public long HalfLife => _c.A1;
}
