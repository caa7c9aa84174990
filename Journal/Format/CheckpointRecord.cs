using System.Buffers.Binary;

namespace TokenMatch.Journal.Format;

/// <summary>
/// Body of a checkpoint record: the state hash after every command up to a sequence had run. Written
/// by the journal stage every N records; <c>replay --verify</c> compares. Little-endian.
/// <code>
///  0      1                   9                   17
///  +------+-------------------+-------------------+
///  | kind | sequence i64      | state hash u64    |
///  | = 2  | (last command in) | (XxHash64, v1)    |
///  +------+-------------------+-------------------+
/// </code>
/// Bump <see cref="SegmentHeader.Version"/> when this layout changes, and when the state hash's
/// definition changes (docs/state-hash.md) — old checkpoints would no longer verify.
/// </summary>
public static class CheckpointRecord
{
    /// <summary>Body length.</summary>
    public const int BodyLength = 17;
    /// <summary>Offset of the kind byte.</summary>
    public const int KindOffset = 0;
    /// <summary>Offset of the sequence of the last command the hash includes (i64).</summary>
    public const int SequenceOffset = 1;
    /// <summary>Offset of the state hash (u64).</summary>
    public const int HashOffset = 9;

    /// <summary>Writes the body; returns its length.</summary>
    public static int Write(Span<byte> body, long sequence, ulong stateHash)
    {
        body[KindOffset] = (byte)RecordKind.Checkpoint;
        BinaryPrimitives.WriteInt64LittleEndian(body[SequenceOffset..], sequence);
        BinaryPrimitives.WriteUInt64LittleEndian(body[HashOffset..], stateHash);
        return BodyLength;
    }

    /// <summary>Reads a body of <see cref="BodyLength"/> bytes.</summary>
    public static void Read(ReadOnlySpan<byte> body, out long sequence, out ulong stateHash)
    {
        sequence = BinaryPrimitives.ReadInt64LittleEndian(body[SequenceOffset..]);
        stateHash = BinaryPrimitives.ReadUInt64LittleEndian(body[HashOffset..]);
    }
}
