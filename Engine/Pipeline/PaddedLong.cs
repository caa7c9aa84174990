using System.Runtime.InteropServices;

namespace TokenMatch.Pipeline;

/// <summary>
/// A <see cref="long"/> alone on its cache line: 64 bytes of padding before it and 56 after, so
/// that whatever sits next to it in memory (another sequence, an object header, the ring's array)
/// never shares its 64-byte line and two threads writing neighbouring values do not slow each
/// other down (false sharing). The layout is checked by a test. Which thread writes it is named by
/// the field that holds it.
/// </summary>
[StructLayout(LayoutKind.Explicit, Size = Size)]
public struct PaddedLong
{
    /// <summary>Bytes the struct occupies.</summary>
    public const int Size = 128;

    /// <summary>Offset of <see cref="Value"/> in the struct.</summary>
    public const int ValueOffset = 64;

    /// <summary>The value. Read and written with plain or <see cref="Volatile"/> accesses by its owner.</summary>
    [FieldOffset(ValueOffset)]
    public long Value;
}
