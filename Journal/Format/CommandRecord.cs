using System.Buffers.Binary;
using System.Numerics;
using System.Runtime.CompilerServices;
using TokenMatch.Commands;

namespace TokenMatch.Journal.Format;

/// <summary>
/// Body of a command record: one sequenced command's input fields, each encoded explicitly
/// (little-endian), never a memory dump of <see cref="Command"/>. The 64-bit fields that are not
/// zero follow a presence mask, in the mask's bit order; absent ones are zero.
/// <code>
///  0      1      2      3      4      5      6      7      8
///  +------+------+------+------+------+------+------+------+
///  | kind | type | side | order| tif  | stp  | price| code |
///  | = 1  |      |      | type |      |      | kind |      |
///  +------+------+------+------+------+------+------+------+
///  8                         16                         24
///  +-------------------------+--------------------------+
///  | sequence i64            | timestamp i64 (ns, as    |
///  |                         | stamped; the core clamps)|
///  +-------------------------+--------------------------+
///  24            28            32        34
///  +-------------+-------------+---------+--------------------------------+
///  | account i32 | market i32  | mask u16| i64 × popcount(mask), in order: |
///  |             |             |         | bit 0 OrderId, 1 ClientId,      |
///  |             |             |         | 2 Price, 3 Quantity, 4 Arg,     |
///  |             |             |         | 5..12 A0..A7; bits 13-15 zero   |
///  +-------------+-------------+---------+--------------------------------+
/// </code>
/// Not recorded: <see cref="Command.Result"/> and <see cref="Command.EventCount"/> (outputs, written
/// by the core while the journal reads the slot). Bump <see cref="SegmentHeader.Version"/> when a
/// field is added, removed, widened, reordered or changes meaning, when the mask's bit order
/// changes, or when an enum stored here is renumbered.
/// </summary>
public static class CommandRecord
{
    /// <summary>Offset of the kind byte.</summary>
    public const int KindOffset = 0;
    /// <summary>Offset of <see cref="Command.Type"/> (u8).</summary>
    public const int TypeOffset = 1;
    /// <summary>Offset of <see cref="Command.Side"/> (u8).</summary>
    public const int SideOffset = 2;
    /// <summary>Offset of <see cref="Command.OrderType"/> (u8).</summary>
    public const int OrderTypeOffset = 3;
    /// <summary>Offset of <see cref="Command.Tif"/> (u8).</summary>
    public const int TifOffset = 4;
    /// <summary>Offset of <see cref="Command.Stp"/> (u8).</summary>
    public const int StpOffset = 5;
    /// <summary>Offset of <see cref="Command.PriceKind"/> (u8).</summary>
    public const int PriceKindOffset = 6;
    /// <summary>Offset of <see cref="Command.Code"/> (u8).</summary>
    public const int CodeOffset = 7;
    /// <summary>Offset of <see cref="Command.Sequence"/> (i64).</summary>
    public const int SequenceOffset = 8;
    /// <summary>Offset of <see cref="Command.Timestamp"/> (i64).</summary>
    public const int TimestampOffset = 16;
    /// <summary>Offset of <see cref="Command.Account"/> (i32).</summary>
    public const int AccountOffset = 24;
    /// <summary>Offset of <see cref="Command.Market"/> (i32).</summary>
    public const int MarketOffset = 28;
    /// <summary>Offset of the presence mask (u16).</summary>
    public const int MaskOffset = 32;
    /// <summary>Offset of the first present 64-bit field.</summary>
    public const int LongsOffset = 34;
    /// <summary>Number of optional 64-bit fields.</summary>
    public const int LongFieldCount = 13;
    /// <summary>The largest body: every optional field present.</summary>
    public const int MaxBodyLength = LongsOffset + LongFieldCount * sizeof(long);

    /// <summary>Writes the body of <paramref name="command"/>; returns its length (at most <see cref="MaxBodyLength"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Write(Span<byte> body, in Command command)
    {
        body[KindOffset] = (byte)RecordKind.Command;
        body[TypeOffset] = (byte)command.Type;
        body[SideOffset] = (byte)command.Side;
        body[OrderTypeOffset] = (byte)command.OrderType;
        body[TifOffset] = (byte)command.Tif;
        body[StpOffset] = (byte)command.Stp;
        body[PriceKindOffset] = (byte)command.PriceKind;
        body[CodeOffset] = command.Code;
        BinaryPrimitives.WriteInt64LittleEndian(body[SequenceOffset..], command.Sequence);
        BinaryPrimitives.WriteInt64LittleEndian(body[TimestampOffset..], command.Timestamp);
        BinaryPrimitives.WriteInt32LittleEndian(body[AccountOffset..], command.Account);
        BinaryPrimitives.WriteInt32LittleEndian(body[MarketOffset..], command.Market);
        int at = LongsOffset;
        uint mask = 0;
        Put(body, ref at, ref mask, 0, command.OrderId);
        Put(body, ref at, ref mask, 1, command.ClientId);
        Put(body, ref at, ref mask, 2, command.Price);
        Put(body, ref at, ref mask, 3, command.Quantity);
        Put(body, ref at, ref mask, 4, command.Arg);
        Put(body, ref at, ref mask, 5, command.A0);
        Put(body, ref at, ref mask, 6, command.A1);
        Put(body, ref at, ref mask, 7, command.A2);
        Put(body, ref at, ref mask, 8, command.A3);
        Put(body, ref at, ref mask, 9, command.A4);
        Put(body, ref at, ref mask, 10, command.A5);
        Put(body, ref at, ref mask, 11, command.A6);
        Put(body, ref at, ref mask, 12, command.A7);
        BinaryPrimitives.WriteUInt16LittleEndian(body[MaskOffset..], (ushort)mask);
        return at;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Put(Span<byte> body, ref int at, ref uint mask, int bit, long value)
    {
        if (value == 0) return;
        BinaryPrimitives.WriteInt64LittleEndian(body[at..], value);
        at += sizeof(long);
        mask |= 1u << bit;
    }

    /// <summary>
    /// Reads a body into <paramref name="command"/> (every field set; outputs zero). Returns null
    /// when it is well formed, else what is wrong (the CRC has already matched, so this means a
    /// writer bug or a format this build does not know).
    /// </summary>
    public static string? Read(ReadOnlySpan<byte> body, out Command command)
    {
        command = default;
        if (body.Length < LongsOffset) return $"a command record body of {body.Length} bytes is shorter than the fixed part ({LongsOffset})";
        uint mask = BinaryPrimitives.ReadUInt16LittleEndian(body[MaskOffset..]);
        if (mask >> LongFieldCount != 0) return $"a command record's presence mask 0x{mask:X4} sets unknown fields";
        if (body.Length != LongsOffset + BitOperations.PopCount(mask) * sizeof(long))
            return $"a command record body is {body.Length} bytes, its presence mask says {LongsOffset + BitOperations.PopCount(mask) * sizeof(long)}";
        command.Type = (CommandType)body[TypeOffset];
        command.Side = (Side)body[SideOffset];
        command.OrderType = (OrderType)body[OrderTypeOffset];
        command.Tif = (TimeInForce)body[TifOffset];
        command.Stp = (StpMode)body[StpOffset];
        command.PriceKind = (PriceKind)body[PriceKindOffset];
        command.Code = body[CodeOffset];
        command.Sequence = BinaryPrimitives.ReadInt64LittleEndian(body[SequenceOffset..]);
        command.Timestamp = BinaryPrimitives.ReadInt64LittleEndian(body[TimestampOffset..]);
        command.Account = BinaryPrimitives.ReadInt32LittleEndian(body[AccountOffset..]);
        command.Market = BinaryPrimitives.ReadInt32LittleEndian(body[MarketOffset..]);
        if (mask == 0) return null;
        int at = LongsOffset;
        command.OrderId = Take(body, ref at, mask, 0);
        command.ClientId = Take(body, ref at, mask, 1);
        command.Price = Take(body, ref at, mask, 2);
        command.Quantity = Take(body, ref at, mask, 3);
        command.Arg = Take(body, ref at, mask, 4);
        command.A0 = Take(body, ref at, mask, 5);
        command.A1 = Take(body, ref at, mask, 6);
        command.A2 = Take(body, ref at, mask, 7);
        command.A3 = Take(body, ref at, mask, 8);
        command.A4 = Take(body, ref at, mask, 9);
        command.A5 = Take(body, ref at, mask, 10);
        command.A6 = Take(body, ref at, mask, 11);
        command.A7 = Take(body, ref at, mask, 12);
        return null;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static long Take(ReadOnlySpan<byte> body, ref int at, uint mask, int bit)
    {
        if ((mask & (1u << bit)) == 0) return 0;
        long value = BinaryPrimitives.ReadInt64LittleEndian(body[at..]);
        at += sizeof(long);
        return value;
    }
}
