using System.Buffers.Binary;
using System.Globalization;
using TokenMatch.Commands;

namespace TokenMatch.Cli.Config;

/// <summary>
/// The text form of an API key's stored half, for <c>apiKeys[].hash</c> in a configuration file:
/// <c>tmh1_&lt;key id&gt;_&lt;salt&gt;_&lt;hash&gt;</c>, the key id in decimal (the one in the key
/// <c>tmk1_&lt;key id&gt;_&lt;secret&gt;</c>), the 16-byte salt as 32 and SHA-256(salt ‖ secret) as 64
/// lower-case hex digits (see Gateway/Security/ApiKeys.cs). It holds no secret: a server configured
/// with it verifies the key without ever seeing it. <c>tokenmatch config hash-key</c> makes pairs.
/// </summary>
public static class ApiKeyHash
{
    /// <summary>The hash text prefix (version 1).</summary>
    public const string Prefix = "tmh1_";

    /// <summary>What a hash looks like, for error messages.</summary>
    public const string Shape = "tmh1_<key id>_<32 hex digits of salt>_<64 hex digits of SHA-256> (see 'tokenmatch config hash-key')";

    /// <summary>The hash text of an issue command (<see cref="Gateway.Security.ApiKeys.Create"/>'s).</summary>
    public static string Format(in Command issue)
    {
        Span<byte> bytes = stackalloc byte[48];
        BinaryPrimitives.WriteInt64LittleEndian(bytes, issue.A0);
        BinaryPrimitives.WriteInt64LittleEndian(bytes[8..], issue.A1);
        BinaryPrimitives.WriteInt64LittleEndian(bytes[16..], issue.A2);
        BinaryPrimitives.WriteInt64LittleEndian(bytes[24..], issue.A3);
        BinaryPrimitives.WriteInt64LittleEndian(bytes[32..], issue.A4);
        BinaryPrimitives.WriteInt64LittleEndian(bytes[40..], issue.A5);
        return Prefix + issue.OrderId.ToString(CultureInfo.InvariantCulture) + "_" + Convert.ToHexStringLower(bytes[..16]) + "_" + Convert.ToHexStringLower(bytes[16..]);
    }

    /// <summary>
    /// The command that issues the key <paramref name="hash"/> describes to <paramref name="account"/>
    /// with <paramref name="role"/>; false when the text is not a hash.
    /// </summary>
    public static bool TryCreateIssue(string? hash, int account, Role role, out Command issue)
    {
        issue = default;
        if (hash is null || !hash.StartsWith(Prefix, StringComparison.Ordinal)) return false;
        string[] parts = hash[Prefix.Length..].Split('_');
        if (parts.Length != 3 || parts[1].Length != 32 || parts[2].Length != 64) return false;
        if (!long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out long keyId) || keyId <= 0) return false;
        Span<byte> bytes = stackalloc byte[48];
        if (!IsHex(parts[1]) || !IsHex(parts[2])) return false;
        Convert.FromHexString(parts[1]).CopyTo(bytes);
        Convert.FromHexString(parts[2]).CopyTo(bytes[16..]);
        issue = new Command
        {
            Type = CommandType.IssueApiKey, Account = account, Code = (byte)role, OrderId = keyId,
            A0 = BinaryPrimitives.ReadInt64LittleEndian(bytes), A1 = BinaryPrimitives.ReadInt64LittleEndian(bytes[8..]),
            A2 = BinaryPrimitives.ReadInt64LittleEndian(bytes[16..]), A3 = BinaryPrimitives.ReadInt64LittleEndian(bytes[24..]),
            A4 = BinaryPrimitives.ReadInt64LittleEndian(bytes[32..]), A5 = BinaryPrimitives.ReadInt64LittleEndian(bytes[40..]),
        };
        return true;
    }

    /// <summary>The key id of a hash text; false when it is not one.</summary>
    public static bool TryGetKeyId(string? hash, out long keyId)
    {
        bool ok = TryCreateIssue(hash, 0, Role.Trader, out Command issue);
        keyId = issue.OrderId;
        return ok;
    }

    private static bool IsHex(string s)
    {
        foreach (char c in s)
            if (!char.IsAsciiHexDigit(c)) return false;
        return true;
    }
}
