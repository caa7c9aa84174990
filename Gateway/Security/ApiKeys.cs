using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using TokenMatch.Commands;
using TokenMatch.Ledger;

namespace TokenMatch.Gateway.Security;

/// <summary>
/// API keys: <c>tmk1_&lt;key id&gt;_&lt;secret&gt;</c>, the key id in decimal, the secret 32 random bytes
/// as 64 lower-case hex digits. The engine keeps only a 16-byte random salt and SHA-256(salt ‖ secret)
/// (a full-entropy secret needs no key stretching); verification compares in constant time. Keys are
/// never logged nor echoed except once, to the provider that issued them.
/// </summary>
public static class ApiKeys
{
    /// <summary>The key text prefix (version 1 of the key format).</summary>
    public const string Prefix = "tmk1_";

    private const int SecretBytes = 32;

    /// <summary>A new key for <paramref name="account"/> and <paramref name="role"/>: its text and the command that records it.</summary>
    public static (string Key, Command Issue) Create(int account, Role role)
    {
        long keyId = (long)(RandomNumberGenerator.GetInt32(1, int.MaxValue)) << 20 | (long)RandomNumberGenerator.GetInt32(0, 1 << 20);
        Span<byte> secret = stackalloc byte[SecretBytes];
        RandomNumberGenerator.Fill(secret);
        Span<byte> salt = stackalloc byte[16];
        RandomNumberGenerator.Fill(salt);
        Span<byte> hash = stackalloc byte[32];
        Hash(salt, secret, hash);
        var command = new Command
        {
            Type = CommandType.IssueApiKey, Account = account, Code = (byte)role, OrderId = keyId,
            A0 = BinaryPrimitives.ReadInt64LittleEndian(salt), A1 = BinaryPrimitives.ReadInt64LittleEndian(salt[8..]),
            A2 = BinaryPrimitives.ReadInt64LittleEndian(hash), A3 = BinaryPrimitives.ReadInt64LittleEndian(hash[8..]),
            A4 = BinaryPrimitives.ReadInt64LittleEndian(hash[16..]), A5 = BinaryPrimitives.ReadInt64LittleEndian(hash[24..]),
        };
        string key = Prefix + keyId.ToString(CultureInfo.InvariantCulture) + "_" + Convert.ToHexStringLower(secret);
        CryptographicOperations.ZeroMemory(secret);
        return (key, command);
    }

    /// <summary>Splits a key text into its id and secret; false when malformed.</summary>
    public static bool TryParse(string? key, out long keyId, out byte[] secret)
    {
        keyId = 0;
        secret = [];
        if (key is null || !key.StartsWith(Prefix, StringComparison.Ordinal)) return false;
        int sep = key.IndexOf('_', Prefix.Length);
        if (sep < 0 || key.Length - sep - 1 != SecretBytes * 2) return false;
        if (!long.TryParse(key.AsSpan(Prefix.Length, sep - Prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out keyId) || keyId <= 0)
            return false;
        try
        {
            secret = Convert.FromHexString(key.AsSpan(sep + 1));
        }
        catch (FormatException)
        {
            return false;
        }
        return true;
    }

    /// <summary>True when <paramref name="secret"/> matches the stored salt and hash of a live key.</summary>
    public static bool Verify(in ApiKeyRecord record, ReadOnlySpan<byte> secret)
    {
        if (record.Revoked) return false;
        Span<byte> salt = stackalloc byte[16];
        BinaryPrimitives.WriteInt64LittleEndian(salt, record.Salt0);
        BinaryPrimitives.WriteInt64LittleEndian(salt[8..], record.Salt1);
        Span<byte> expected = stackalloc byte[32];
        BinaryPrimitives.WriteInt64LittleEndian(expected, record.Hash0);
        BinaryPrimitives.WriteInt64LittleEndian(expected[8..], record.Hash1);
        BinaryPrimitives.WriteInt64LittleEndian(expected[16..], record.Hash2);
        BinaryPrimitives.WriteInt64LittleEndian(expected[24..], record.Hash3);
        Span<byte> actual = stackalloc byte[32];
        Hash(salt, secret, actual);
        return CryptographicOperations.FixedTimeEquals(actual, expected);
    }

    private static void Hash(ReadOnlySpan<byte> salt, ReadOnlySpan<byte> secret, Span<byte> hash)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        sha.AppendData(salt);
        sha.AppendData(secret);
        sha.GetHashAndReset(hash);
    }
}
