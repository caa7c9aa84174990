using System.Buffers.Binary;

namespace TokenMatch.Journal.Format;

/// <summary>
/// The 64-byte header that starts every journal segment file (docs/journal-format.md). All integers
/// little-endian.
/// <code>
///  0               8              12              16                      24
///  +---------------+--------------+---------------+-----------------------+
///  | magic         | version u32  | header length | first sequence i64    |
///  | "TMJOURNL"    | (= 1)        | u32 (= 64)    |                       |
///  +---------------+--------------+---------------+-----------------------+
///  24                                                             60      64
///  +--------------------------------------------------------------+-------+
///  | reserved, zero                                               | CRC32C|
///  |                                                              | [0,60)|
///  +--------------------------------------------------------------+-------+
/// </code>
/// Bump <see cref="Version"/> when any of these changes: a field of this header (offset, width,
/// meaning), the record frame (<see cref="RecordFrame"/>), a record body (<see cref="CommandRecord"/>,
/// <see cref="CheckpointRecord"/>), the meaning of a <see cref="RecordKind"/>, the CRC's polynomial
/// or coverage, or the numbering of <c>CommandType</c> and the other enums a record stores. Adding a
/// record kind that old readers may not skip is a change too. Readers refuse a newer version. The
/// magic, the version's offset and the CRC's offset never move, so every version can be recognised.
/// </summary>
public static class SegmentHeader
{
    /// <summary>The format version this build writes and the newest it reads.</summary>
    public const uint Version = 1;

    /// <summary>Header length in bytes; records start here.</summary>
    public const int Length = 64;

    /// <summary>Offset of the 8-byte ASCII magic "TMJOURNL".</summary>
    public const int MagicOffset = 0;
    /// <summary>Offset of the format version (u32).</summary>
    public const int VersionOffset = 8;
    /// <summary>Offset of the header length (u32).</summary>
    public const int HeaderLengthOffset = 12;
    /// <summary>Offset of the sequence of the segment's first command record (i64).</summary>
    public const int FirstSequenceOffset = 16;
    /// <summary>Offset of the CRC-32C of bytes [0, 60) (u32).</summary>
    public const int CrcOffset = 60;

    /// <summary>The magic, as a little-endian u64 of the ASCII bytes "TMJOURNL".</summary>
    public static ulong Magic => BinaryPrimitives.ReadUInt64LittleEndian("TMJOURNL"u8);

    /// <summary>Writes a header for a segment whose first command record has <paramref name="firstSequence"/>.</summary>
    public static void Write(Span<byte> destination, long firstSequence)
    {
        Span<byte> h = destination[..Length];
        h.Clear();
        BinaryPrimitives.WriteUInt64LittleEndian(h[MagicOffset..], Magic);
        BinaryPrimitives.WriteUInt32LittleEndian(h[VersionOffset..], Version);
        BinaryPrimitives.WriteUInt32LittleEndian(h[HeaderLengthOffset..], Length);
        BinaryPrimitives.WriteInt64LittleEndian(h[FirstSequenceOffset..], firstSequence);
        BinaryPrimitives.WriteUInt32LittleEndian(h[CrcOffset..], Crc32C.Compute(h[..CrcOffset]));
    }

    /// <summary>
    /// Checks a header; returns null and the first sequence when it is good, else what is wrong
    /// (for a <see cref="Reading.JournalCorruptException"/>).
    /// </summary>
    public static string? Validate(ReadOnlySpan<byte> header, out long firstSequence)
    {
        firstSequence = 0;
        if (header.Length < Length) return $"the segment header is {header.Length} bytes long, {Length} expected";
        if (BinaryPrimitives.ReadUInt64LittleEndian(header[MagicOffset..]) != Magic) return "the file does not start with the journal magic \"TMJOURNL\"";
        uint crc = BinaryPrimitives.ReadUInt32LittleEndian(header[CrcOffset..]);
        uint version = BinaryPrimitives.ReadUInt32LittleEndian(header[VersionOffset..]);
        // Magic, version and the CRC's place are fixed for every version, so the CRC is checked first:
        // a damaged version field is damage, not a newer writer.
        if (crc != Crc32C.Compute(header[..CrcOffset])) return "the segment header's CRC does not match its contents";
        if (version > Version) return $"the segment is journal format version {version}, newer than this build reads (version {Version}); use a newer tokenmatch";
        if (version == 0) return "the segment header says format version 0";
        if (BinaryPrimitives.ReadUInt32LittleEndian(header[HeaderLengthOffset..]) != Length) return "the segment header's length field is wrong";
        firstSequence = BinaryPrimitives.ReadInt64LittleEndian(header[FirstSequenceOffset..]);
        if (firstSequence < 0) return $"the segment header's first sequence is negative ({firstSequence})";
        return null;
    }
}
