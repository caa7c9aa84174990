using System.Buffers.Binary;

namespace TokenMatch.Journal.Format;

/// <summary>
/// The frame around every record body (docs/journal-format.md). All integers little-endian.
/// <code>
///  0              4              8              12
///  +--------------+--------------+--------------+---------------------------+
///  | body length  | ~body length | CRC32C of    | body: kind u8, then the   |
///  | L, u32       | (check), u32 | the body, u32| kind's fields (L bytes)   |
///  +--------------+--------------+--------------+---------------------------+
/// </code>
/// The complemented length lets a reader tell a damaged length (the two disagree: corruption) from
/// a record cut short by a crash (both agree but the file ends inside the body: a torn tail).
/// Bump <see cref="SegmentHeader.Version"/> when the frame changes (see its checklist).
/// </summary>
public static class RecordFrame
{
    /// <summary>Frame header length: length, check, CRC.</summary>
    public const int HeaderLength = 12;
    /// <summary>Offset of the body length (u32).</summary>
    public const int LengthOffset = 0;
    /// <summary>Offset of the bitwise complement of the body length (u32).</summary>
    public const int LengthCheckOffset = 4;
    /// <summary>Offset of the CRC-32C of the body (u32).</summary>
    public const int CrcOffset = 8;
    /// <summary>The largest body a reader accepts; a larger length is damage.</summary>
    public const int MaxBodyLength = 1024;

    /// <summary>Writes the frame header for a body of <paramref name="bodyLength"/> bytes already placed right after it.</summary>
    public static void Seal(Span<byte> frame, int bodyLength)
    {
        BinaryPrimitives.WriteUInt32LittleEndian(frame[LengthOffset..], (uint)bodyLength);
        BinaryPrimitives.WriteUInt32LittleEndian(frame[LengthCheckOffset..], ~(uint)bodyLength);
        uint crc = Crc32C.Compute(frame.Slice(HeaderLength, bodyLength));
        BinaryPrimitives.WriteUInt32LittleEndian(frame[CrcOffset..], crc);
    }
}
