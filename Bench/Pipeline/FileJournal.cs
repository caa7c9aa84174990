using System.Diagnostics;
using System.Runtime.InteropServices;
using TokenMatch.Commands;
using TokenMatch.Pipeline;

namespace TokenMatch.Bench.Pipeline;

/// <summary>
/// A journal stand-in for the pipeline benchmarks (the real one is the <c>Journal/</c> project): it
/// appends each command's raw slot bytes to a file through a buffered <see cref="FileStream"/> and
/// makes them durable with <c>Flush(true)</c> (fsync) — once per batch, or at most once per
/// <c>intervalMicros</c> — so the pipeline's cost of a real disk under it can be measured. Owned by
/// the journal-and-release thread.
/// </summary>
public sealed class FileJournal : IJournalConsumer, IDisposable
{
    private readonly FileStream _file;
    private readonly long _intervalTicks;
    private long _lastSync;

    /// <summary>Creates (or truncates) <paramref name="path"/>; <paramref name="intervalMicros"/> 0 = fsync per batch.</summary>
    public FileJournal(string path, long intervalMicros)
    {
        _file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.Read, 1 << 20);
        _intervalTicks = intervalMicros * Stopwatch.Frequency / 1_000_000;
        _lastSync = Stopwatch.GetTimestamp();
    }

    /// <summary>fsync calls so far.</summary>
    public long Syncs { get; private set; }

    /// <summary>Batches (end-of-batch calls) so far.</summary>
    public long Batches { get; private set; }

    /// <inheritdoc/>
    public void OnCommands(ReadOnlySpan<Command> commands, bool endOfBatch)
    {
        _file.Write(MemoryMarshal.AsBytes(commands));
        if (!endOfBatch) return;
        Batches++;
        long now = Stopwatch.GetTimestamp();
        if (_intervalTicks == 0 || now - _lastSync >= _intervalTicks)
        {
            _file.Flush(flushToDisk: true);
            _lastSync = now;
            Syncs++;
        }
    }

    /// <inheritdoc/>
    public void Dispose() => _file.Dispose();
}
