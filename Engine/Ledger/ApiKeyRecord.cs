using TokenMatch.Commands;

namespace TokenMatch.Ledger;

/// <summary>
/// One issued API key as the engine keeps it: never the secret, only a 16-byte salt and the
/// 32-byte SHA-256 of salt and secret, each as little-endian longs (see CommandType.IssueApiKey).
/// </summary>
public readonly record struct ApiKeyRecord(long KeyId, int Account, Role Role, long Salt0, long Salt1,
    long Hash0, long Hash1, long Hash2, long Hash3, bool Revoked);
