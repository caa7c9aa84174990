using System.Buffers;
using System.IO.Pipelines;
using MessagePack;
using TokenMatch.Protocol;

namespace TokenMatch.Gateway.Sessions;

/// <summary>
/// A session's outbound frames: any thread (the responder, the event thread, the session's reader)
/// appends a whole frame under <see cref="Gate"/>; one drain loop writes them to the stream. Appending
/// never waits: when the bytes not yet written pass the bound, the outbox is cut (nothing more is
/// queued) and the session is told, so a slow reader never holds up the engine or other sessions.
/// </summary>
internal sealed class Outbox
{
    private readonly Pipe _pipe = new(new PipeOptions(pauseWriterThreshold: 0, resumeWriterThreshold: 0,
        minimumSegmentSize: 16 * 1024, useSynchronizationContext: false));
    private readonly long _limit;
    private readonly Action _onOverflow;
    private long _buffered;
    private bool _closed;

    /// <summary>Held while one frame is built and appended.</summary>
    public readonly Lock Gate = new();

    /// <summary>Builds frames; use only under <see cref="Gate"/>.</summary>
    public readonly FrameBuilder Builder = new();

    public Outbox(long limit, Action onOverflow)
    {
        _limit = limit;
        _onOverflow = onOverflow;
    }

    /// <summary>Bytes queued and not yet written to the stream.</summary>
    public long Buffered => Interlocked.Read(ref _buffered);

    /// <summary>True once cut by overflow.</summary>
    public bool Overflowed { get; private set; }

    /// <summary>Finishes a frame begun on <see cref="Builder"/> and queues it (call under <see cref="Gate"/>). False when closed or cut.</summary>
    public bool Commit(ref MessagePackWriter writer)
    {
        ReadOnlySpan<byte> frame = Builder.End(ref writer);
        if (_closed) return false;
        if (Interlocked.Read(ref _buffered) + frame.Length > _limit)
        {
            _closed = true;
            Overflowed = true;
            _pipe.Writer.Complete();
            _onOverflow();
            return false;
        }
        _pipe.Writer.Write(frame);
        Interlocked.Add(ref _buffered, frame.Length);
        // Never pauses (threshold 0): completes synchronously.
        _ = _pipe.Writer.FlushAsync();
        return true;
    }

    /// <summary>Stops queueing; the drain loop writes what is queued and ends (call under <see cref="Gate"/>).</summary>
    public void Close()
    {
        if (_closed) return;
        _closed = true;
        _pipe.Writer.Complete();
    }

    /// <summary>Writes queued frames to <paramref name="stream"/> until closed; ends early when the token is cancelled.</summary>
    public async Task DrainAsync(Stream stream, CancellationToken cancel)
    {
        PipeReader reader = _pipe.Reader;
        try
        {
            while (true)
            {
                ReadResult result = await reader.ReadAsync(cancel).ConfigureAwait(false);
                var buffer = result.Buffer;
                long length = buffer.Length;
                foreach (ReadOnlyMemory<byte> segment in buffer)
                    await stream.WriteAsync(segment, cancel).ConfigureAwait(false);
                if (length > 0) await stream.FlushAsync(cancel).ConfigureAwait(false);
                reader.AdvanceTo(buffer.End);
                Interlocked.Add(ref _buffered, -length);
                if (result.IsCompleted || result.IsCanceled) break;
            }
        }
        finally
        {
            await reader.CompleteAsync().ConfigureAwait(false);
        }
    }
}
