using System.Buffers;
using System.Buffers.Binary;
using System.Runtime.InteropServices;
using MessagePack;

namespace TokenMatch.Protocol;

/// <summary>
/// Builds frames: <see cref="Begin"/> reserves the length prefix and writes the array header, type
/// and correlation id; the caller writes the fields; <c>End</c> patches the prefix and copies
/// the frame to its destination. Reuses one buffer: no allocation per frame once warm. Not thread-safe
/// (one per writer, or under the writer's lock).
/// </summary>
public sealed class FrameBuilder
{
    private readonly ArrayBufferWriter<byte> _buffer = new(512);

    /// <summary>Starts a frame of <paramref name="fieldCount"/> message-specific fields.</summary>
    public MessagePackWriter Begin(MessageType type, long correlation, int fieldCount)
    {
        _buffer.ResetWrittenCount();
        _buffer.GetSpan(FrameDescriptor.PrefixLength)[..FrameDescriptor.PrefixLength].Clear();
        _buffer.Advance(FrameDescriptor.PrefixLength);
        var writer = new MessagePackWriter(_buffer);
        writer.WriteArrayHeader(FrameDescriptor.FirstField + fieldCount);
        writer.Write((ushort)type);
        writer.Write(correlation);
        return writer;
    }

    /// <summary>Finishes the frame and returns it (prefix included); valid until the next <see cref="Begin"/>.</summary>
    public ReadOnlySpan<byte> End(ref MessagePackWriter writer)
    {
        writer.Flush();
        Span<byte> frame = MemoryMarshal.AsMemory(_buffer.WrittenMemory).Span;
        BinaryPrimitives.WriteUInt32LittleEndian(frame, (uint)(frame.Length - FrameDescriptor.PrefixLength));
        return frame;
    }

    /// <summary>Finishes the frame and copies it to <paramref name="output"/>; returns its length.</summary>
    public int End(ref MessagePackWriter writer, IBufferWriter<byte> output)
    {
        ReadOnlySpan<byte> frame = End(ref writer);
        output.Write(frame);
        return frame.Length;
    }
}
