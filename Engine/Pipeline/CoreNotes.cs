using System.Buffers;
using System.Collections.Concurrent;

namespace TokenMatch.Pipeline;

/// <summary>
/// Checkpoints and snapshots on their way from the core thread (which enqueues them, in sequence
/// order) to the release thread (which hands them to the journal once the journal has every
/// command up to them). Snapshot buffers are reused: the release thread gives one back after the
/// journal is done with it, the core takes it for the next snapshot.
/// </summary>
internal sealed class CoreNotes
{
    private readonly ConcurrentQueue<CoreNote> _queue = new();
    private ArrayBufferWriter<byte>? _spare;

    /// <summary>True when no note waits.</summary>
    public bool IsEmpty => _queue.IsEmpty;

    /// <summary>Queues a checkpoint (core thread).</summary>
    public void Checkpoint(long sequence, ulong hash) => _queue.Enqueue(new CoreNote(sequence, hash, null));

    /// <summary>A buffer to write a snapshot into: the spare one, emptied, or a new one (core thread).</summary>
    public ArrayBufferWriter<byte> RentBuffer()
    {
        ArrayBufferWriter<byte>? buffer = Interlocked.Exchange(ref _spare, null);
        if (buffer is null) return new ArrayBufferWriter<byte>(1 << 16);
        buffer.ResetWrittenCount();
        return buffer;
    }

    /// <summary>Queues a snapshot written into a rented buffer (core thread).</summary>
    public void Snapshot(long sequence, ArrayBufferWriter<byte> payload) => _queue.Enqueue(new CoreNote(sequence, 0, payload));

    /// <summary>The oldest note, if it was taken at or before <paramref name="upTo"/> (release thread).</summary>
    public bool TryTake(long upTo, out CoreNote note)
    {
        if (_queue.TryPeek(out note) && note.Sequence <= upTo) return _queue.TryDequeue(out note);
        return false;
    }

    /// <summary>Gives a snapshot buffer back for reuse (release thread).</summary>
    public void Return(ArrayBufferWriter<byte> buffer) => Volatile.Write(ref _spare, buffer);
}
