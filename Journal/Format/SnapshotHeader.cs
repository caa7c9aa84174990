using System.Buffers.Binary;

namespace TokenMatch.Journal.Format;

/// <summary>
/// The 48-byte header of a snapshot file (<c>snapshots/snapshot-&lt;sequence&gt;.tmsnap</c>), followed
/// by the engine's payload (<c>ExchangeCore.WriteSnapshot</c>, which versions its own contents).
/// All integers little-endian.
/// <code>
///  0               8              12             16                      24
///  +---------------+--------------+--------------+-----------------------+
///  | magic         | version u32  | header length| sequence i64 (last    |
///  | "TMSNAPSH"    | (= 1)        | u32 (= 48)   | command included)     |
///  +---------------+--------------+--------------+-----------------------+
///  24                      32             36             40      44      48
///  +-----------------------+--------------+--------------+-------+-------+
///  | payload length i64    | payload      | reserved,    | rsvd  | CRC32C|
///  |                       | CRC32C u32   | zero         |       | [0,44)|
///  +-----------------------+--------------+--------------+-------+-------+
/// </code>
/// Bump <see cref="Version"/> when a header field changes (offset, width, meaning) or the CRC's
/// coverage changes. A change inside the engine payload is the engine's snapshot version, not this.
/// </summary>
public static class SnapshotHeader
{
    /// <summary>The snapshot file version this build writes and the newest it reads.</summary>
    public const uint Version = 1;
    /// <summary>Header length; the payload starts here.</summary>
    public const int Length = 48;
    /// <summary>Offset of the magic "TMSNAPSH".</summary>
    public const int MagicOffset = 0;
    /// <summary>Offset of the version (u32).</summary>
    public const int VersionOffset = 8;
    /// <summary>Offset of the header length (u32).</summary>
    public const int HeaderLengthOffset = 12;
    /// <summary>Offset of the sequence of the last command the snapshot includes (i64).</summary>
    public const int SequenceOffset = 16;
    /// <summary>Offset of the payload length (i64).</summary>
    public const int PayloadLengthOffset = 24;
    /// <summary>Offset of the payload's CRC-32C (u32).</summary>
    public const int PayloadCrcOffset = 32;
    /// <summary>Offset of the header's CRC-32C over [0, 44) (u32).</summary>
    public const int CrcOffset = 44;

    /// <summary>The magic as a little-endian u64.</summary>
    public static ulong Magic => BinaryPrimitives.ReadUInt64LittleEndian("TMSNAPSH"u8);

    /// <summary>Writes a header.</summary>
    public static void Write(Span<byte> destination, long sequence, long payloadLength, uint payloadCrc)
    {
        Span<byte> h = destination[..Length];
        h.Clear();
        BinaryPrimitives.WriteUInt64LittleEndian(h[MagicOffset..], Magic);
        BinaryPrimitives.WriteUInt32LittleEndian(h[VersionOffset..], Version);
        BinaryPrimitives.WriteUInt32LittleEndian(h[HeaderLengthOffset..], Length);
        BinaryPrimitives.WriteInt64LittleEndian(h[SequenceOffset..], sequence);
        BinaryPrimitives.WriteInt64LittleEndian(h[PayloadLengthOffset..], payloadLength);
        BinaryPrimitives.WriteUInt32LittleEndian(h[PayloadCrcOffset..], payloadCrc);
        BinaryPrimitives.WriteUInt32LittleEndian(h[CrcOffset..], Crc32C.Compute(h[..CrcOffset]));
    }

    /// <summary>Checks a header; null when good (with its fields), else what is wrong.</summary>
    public static string? Validate(ReadOnlySpan<byte> header, out long sequence, out long payloadLength, out uint payloadCrc)
    {
        sequence = payloadLength = 0;
        payloadCrc = 0;
        if (header.Length < Length) return $"the snapshot is {header.Length} bytes long, shorter than its {Length}-byte header";
        if (BinaryPrimitives.ReadUInt64LittleEndian(header[MagicOffset..]) != Magic) return "the file does not start with the snapshot magic \"TMSNAPSH\"";
        if (BinaryPrimitives.ReadUInt32LittleEndian(header[CrcOffset..]) != Crc32C.Compute(header[..CrcOffset])) return "the snapshot header's CRC does not match its contents";
        uint version = BinaryPrimitives.ReadUInt32LittleEndian(header[VersionOffset..]);
        if (version > Version) return $"the snapshot is file version {version}, newer than this build reads (version {Version}); use a newer tokenmatch";
        if (version == 0 || BinaryPrimitives.ReadUInt32LittleEndian(header[HeaderLengthOffset..]) != Length) return "the snapshot header's version or length field is wrong";
        sequence = BinaryPrimitives.ReadInt64LittleEndian(header[SequenceOffset..]);
        payloadLength = BinaryPrimitives.ReadInt64LittleEndian(header[PayloadLengthOffset..]);
        payloadCrc = BinaryPrimitives.ReadUInt32LittleEndian(header[PayloadCrcOffset..]);
        return null;
    }
}
