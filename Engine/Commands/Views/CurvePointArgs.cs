using System.Diagnostics;

namespace TokenMatch.Commands;

/// <summary>
/// A point appended to a pre-open market's table curve (<see cref="CommandType.AddCurvePoint"/>). A
/// typed view over a <see cref="Command"/> slot: the slot's fields under the names they have for
/// this command, read in place (no copy, no allocation); <see cref="CommandLayout"/> draws which
/// field each name reads.
/// </summary>
public readonly ref struct CurvePointArgs
{
    private readonly ref readonly Command _c;

    /// <summary>A view of <paramref name="command"/>, which must be of a kind this view names.</summary>
    public CurvePointArgs(ref readonly Command command)
    {
        Debug.Assert(command.Type == CommandType.AddCurvePoint, "CurvePointArgs over a command of another kind");
        _c = ref command;
    }

    /// <summary>The market (slot field <see cref="Command.Market"/>).</summary>
    public int Market => _c.Market;

    /// <summary>Elapsed part of the cycle (ppm of its length) (slot field
    /// <see cref="Command.A0"/>).</summary>
    public long ElapsedPpm => _c.A0;

    /// <summary>D at that point (ppm) (slot field <see cref="Command.A1"/>).</summary>
    public long DecayPpm => _c.A1;
}
