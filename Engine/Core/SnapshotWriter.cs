using System.Buffers;
using System.Runtime.CompilerServices;

namespace TokenMatch.Core;

/// <summary>
/// Hands out zeroed fixed-size records of a snapshot payload from large chunks of an
/// <see cref="IBufferWriter{T}"/>, so that writing a million orders costs one chunk request per
/// 64 KiB, not one per value. Used by the core thread during <see cref="ExchangeCore.WriteSnapshot"/>.
/// </summary>
internal ref struct SnapshotWriter
{
    private const int ChunkSize = 1 << 16;

    private readonly IBufferWriter<byte> _output;
    private Span<byte> _span;
    private int _used;

    public SnapshotWriter(IBufferWriter<byte> output)
    {
        _output = output;
        _span = default;
        _used = 0;
    }

    /// <summary>The next <paramref name="size"/> bytes of the payload, zeroed, to be filled in now.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Span<byte> Take(int size)
    {
        if (_span.Length - _used < size) NextChunk(size);
        Span<byte> record = _span.Slice(_used, size);
        _used += size;
        record.Clear();
        return record;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void NextChunk(int size)
    {
        if (_used > 0) _output.Advance(_used);
        _span = _output.GetSpan(Math.Max(size, ChunkSize));
        _used = 0;
    }

    /// <summary>Commits what was taken to the output.</summary>
    public void Finish()
    {
        if (_used > 0) _output.Advance(_used);
        _span = default;
        _used = 0;
    }
}
