using System.Diagnostics;

namespace TokenMatch.Commands;

/// <summary>
/// An API key record (<see cref="CommandType.IssueApiKey"/>; <see cref="CommandType.RevokeApiKey"/>
/// uses only the key id). A typed view over a <see cref="Command"/> slot: the slot's fields under
/// the names they have for this command, read in place (no copy, no allocation);
/// <see cref="CommandLayout"/> draws which field each name reads.
/// </summary>
public readonly ref struct ApiKeyArgs
{
    private readonly ref readonly Command _c;

    /// <summary>A view of <paramref name="command"/>, which must be of a kind this view names.</summary>
    public ApiKeyArgs(ref readonly Command command)
    {
        Debug.Assert(command.Type == CommandType.IssueApiKey || command.Type == CommandType.RevokeApiKey, "ApiKeyArgs over a command of another kind");
        _c = ref command;
    }

    /// <summary>The key's account (issue) (slot field <see cref="Command.Account"/>).</summary>
    public int Account => _c.Account;

    /// <summary>The role as sent (issue; not yet checked) (slot field
    /// <see cref="Command.Code"/>).</summary>
    public byte RoleCode => _c.Code;

    /// <summary>The key id (slot field <see cref="Command.OrderId"/>).</summary>
    public long KeyId => _c.OrderId;

    /// <summary>First half of the 16-byte salt (issue) (slot field <see cref="Command.A0"/>).</summary>
    public long Salt0 => _c.A0;

    /// <summary>Second half of the salt (slot field <see cref="Command.A1"/>).</summary>
    public long Salt1 => _c.A1;

    /// <summary>First quarter of the SHA-256 of salt and secret (issue) (slot field
    /// <see cref="Command.A2"/>).</summary>
    public long Hash0 => _c.A2;

    /// <summary>Second quarter of the hash (slot field <see cref="Command.A3"/>).</summary>
    public long Hash1 => _c.A3;

    /// <summary>Third quarter of the hash (slot field <see cref="Command.A4"/>).</summary>
    public long Hash2 => _c.A4;

    /// <summary>Last quarter of the hash (slot field <see cref="Command.A5"/>).</summary>
    public long Hash3 => _c.A5;
}
