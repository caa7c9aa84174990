using TokenMatch.Commands;

namespace TokenMatch.Client;

/// <summary>What a login bound the session to.</summary>
public sealed record LoginInfo(int Account, Role Role, long KeyId);
