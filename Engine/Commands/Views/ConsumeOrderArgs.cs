using System.Diagnostics;

namespace TokenMatch.Commands;

/// <summary>
/// The engine-wide consumption order: four distinct origins, first consumed first
/// (<see cref="CommandType.SetConsumeOrder"/>). A typed view over a <see cref="Command"/> slot: the
/// slot's fields under the names they have for this command, read in place (no copy, no
/// allocation); <see cref="CommandLayout"/> draws which field each name reads.
/// </summary>
public readonly ref struct ConsumeOrderArgs
{
    private readonly ref readonly Command _c;

    /// <summary>A view of <paramref name="command"/>, which must be of a kind this view names.</summary>
    public ConsumeOrderArgs(ref readonly Command command)
    {
        Debug.Assert(command.Type == CommandType.SetConsumeOrder, "ConsumeOrderArgs over a command of another kind");
        _c = ref command;
    }

    /// <summary>The origin consumed first, as sent (not yet checked) (slot field
    /// <see cref="Command.A0"/>).</summary>
    public long First => _c.A0;

    /// <summary>The origin consumed second (slot field <see cref="Command.A1"/>).</summary>
    public long Second => _c.A1;

    /// <summary>The origin consumed third (slot field <see cref="Command.A2"/>).</summary>
    public long Third => _c.A2;

    /// <summary>The origin consumed last (slot field <see cref="Command.A3"/>).</summary>
    public long Fourth => _c.A3;
}
