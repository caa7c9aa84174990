using System.Buffers;
using System.Buffers.Binary;

namespace TokenMatch.Protocol;

/// <summary>Splits a byte stream into frames (layout in <see cref="FrameDescriptor"/>). Stateless; allocates nothing.</summary>
public static class FrameParser
{
    /// <summary>
    /// Reads one frame from the start of <paramref name="input"/>. On <see cref="FrameStatus.Frame"/>,
    /// <paramref name="body"/> is the body and <paramref name="consumed"/> the position after it. On
    /// <see cref="FrameStatus.Incomplete"/>, <paramref name="examined"/> is the end of the input (wait
    /// for more); on <see cref="FrameStatus.TooLarge"/>, <paramref name="length"/> is the announced length.
    /// </summary>
    public static FrameStatus TryParse(in ReadOnlySequence<byte> input, int maxFrameLength,
        ref SequencePosition consumed, ref SequencePosition examined, out ReadOnlySequence<byte> body, out long length)
    {
        body = default;
        length = 0;
        if (input.Length < FrameDescriptor.PrefixLength)
        {
            examined = input.End;
            return FrameStatus.Incomplete;
        }
        uint announced;
        ReadOnlySpan<byte> first = input.FirstSpan;
        if (first.Length >= FrameDescriptor.PrefixLength)
        {
            announced = BinaryPrimitives.ReadUInt32LittleEndian(first);
        }
        else
        {
            Span<byte> prefix = stackalloc byte[FrameDescriptor.PrefixLength];
            input.Slice(0, FrameDescriptor.PrefixLength).CopyTo(prefix);
            announced = BinaryPrimitives.ReadUInt32LittleEndian(prefix);
        }
        length = announced;
        if (announced > (uint)maxFrameLength) return FrameStatus.TooLarge;
        long total = FrameDescriptor.PrefixLength + (long)announced;
        if (input.Length < total)
        {
            examined = input.End;
            return FrameStatus.Incomplete;
        }
        body = input.Slice(FrameDescriptor.PrefixLength, announced);
        consumed = body.End;
        examined = consumed;
        return FrameStatus.Frame;
    }
}
