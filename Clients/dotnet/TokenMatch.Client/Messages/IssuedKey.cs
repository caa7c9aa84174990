using TokenMatch.Commands;

namespace TokenMatch.Client;

/// <summary>A key issued by a provider session: its id and its text (shown only here, once).</summary>
public sealed record IssuedKey(ResultCode Code, long KeyId, string? Key);
