using System.Diagnostics;

namespace TokenMatch.Commands;

/// <summary>
/// An account put into an owner group (<see cref="CommandType.Link"/>). A typed view over a
/// <see cref="Command"/> slot: the slot's fields under the names they have for this command, read
/// in place (no copy, no allocation); <see cref="CommandLayout"/> draws which field each name
/// reads.
/// </summary>
public readonly ref struct LinkArgs
{
    private readonly ref readonly Command _c;

    /// <summary>A view of <paramref name="command"/>, which must be of a kind this view names.</summary>
    public LinkArgs(ref readonly Command command)
    {
        Debug.Assert(command.Type == CommandType.Link, "LinkArgs over a command of another kind");
        _c = ref command;
    }

    /// <summary>The account (slot field <see cref="Command.Account"/>).</summary>
    public int Account => _c.Account;

    /// <summary>The owner group, a positive provider-chosen id (slot field
    /// <see cref="Command.Arg"/>).</summary>
    public long Group => _c.Arg;
}
