using System.Buffers.Binary;
using System.Numerics;
using System.Runtime.InteropServices;

namespace TokenMatch.Journal.Format;

/// <summary>
/// CRC-32C (Castagnoli, reflected polynomial 0x82F63B78, initial value and final XOR 0xFFFFFFFF),
/// the checksum of every journal record, segment header and snapshot. System.IO.Hashing 10 has
/// only CRC-32 (IEEE) and CRC-64, so this is built on <see cref="BitOperations.Crc32C(uint, ulong)"/>,
/// which uses the SSE4.2 or ARM CRC instructions where present and a table otherwise. Check value:
/// CRC-32C("123456789") = 0xE3069283.
/// </summary>
public static class Crc32C
{
    /// <summary>The CRC-32C of <paramref name="data"/>.</summary>
    public static uint Compute(ReadOnlySpan<byte> data) => ~Update(~0u, data);

    /// <summary>
    /// Feeds <paramref name="data"/> into a running (un-inverted) CRC: start from <c>~0u</c> and
    /// invert the end result, or use <see cref="Compute"/>.
    /// </summary>
    public static uint Update(uint crc, ReadOnlySpan<byte> data)
    {
        ReadOnlySpan<ulong> words = MemoryMarshal.Cast<byte, ulong>(data);
        foreach (ulong word in words)
            crc = BitOperations.Crc32C(crc, BitConverter.IsLittleEndian ? word : BinaryPrimitives.ReverseEndianness(word));
        for (int i = words.Length * sizeof(ulong); i < data.Length; i++)
            crc = BitOperations.Crc32C(crc, data[i]);
        return crc;
    }
}
