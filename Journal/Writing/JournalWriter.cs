using System.Diagnostics;
using Microsoft.Win32.SafeHandles;
using TokenMatch.Commands;
using TokenMatch.Journal.Format;
using TokenMatch.Journal.IO;
using TokenMatch.Journal.Snapshots;
using TokenMatch.Pipeline;

namespace TokenMatch.Journal.Writing;

/// <summary>
/// The journal stage's consumer: appends every sequenced command as a record of the current segment
/// (docs/journal-format.md), with group commit — records collect in one buffer and go to the file
/// at the end of each batch (or when the buffer fills), followed by one fsync per batch under
/// <see cref="FsyncPolicy.Batch"/>. So when <see cref="OnCommands"/> returns with
/// <c>endOfBatch</c>, every command so far is on disk, and the pipeline may answer them. Segments
/// roll at <see cref="JournalWriterOptions.SegmentSize"/>. Owned by the journal thread; under
/// <see cref="FsyncPolicy.Interval"/> a timer also fsyncs (under <see cref="_sync"/>) so that
/// written records reach the disk when traffic stops.
/// </summary>
public sealed class JournalWriter : IJournalConsumer, IDisposable
{
    private readonly string _directory;
    private readonly JournalWriterOptions _options;
    private readonly byte[] _buffer;
    private readonly Lock _sync = new();
    private readonly Timer? _timer;
    private readonly long _intervalTicks;
    private SafeFileHandle? _file;
    private long _fileLength;
    private long _segmentFirst;
    private int _pending;
    private long _next;
    private bool _unsynced;
    private bool _directoryUnsynced;
    private long _lastSync;
    private bool _disposed;

    /// <summary>
    /// Opens <paramref name="directory"/> (created if needed) to append commands from
    /// <paramref name="nextSequence"/> on — 0 for a new journal, the recovered next sequence after a
    /// recovery. The first command starts a new segment; a leftover segment with no
    /// command records that would have the same name is replaced.
    /// </summary>
    public JournalWriter(string directory, long nextSequence = 0, JournalWriterOptions? options = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(nextSequence);
        _directory = directory;
        _options = options ?? new JournalWriterOptions();
        if (_options.SegmentSize < SegmentHeader.Length + RecordFrame.HeaderLength + CommandRecord.MaxBodyLength)
            throw new ArgumentException($"SegmentSize must hold at least one record ({SegmentHeader.Length + RecordFrame.HeaderLength + CommandRecord.MaxBodyLength} bytes).", nameof(options));
        _buffer = new byte[Math.Max(_options.BufferSize, 4096)];
        _next = nextSequence;
        _intervalTicks = Math.Max(1, _options.FsyncIntervalMicroseconds * Stopwatch.Frequency / 1_000_000);
        Directory.CreateDirectory(directory);
        if (_options.Fsync == FsyncPolicy.Interval)
        {
            long ms = Math.Max(1, _options.FsyncIntervalMicroseconds / 1000);
            _timer = new Timer(static s => ((JournalWriter)s!).OnTimer(), this, ms, ms);
        }
    }

    /// <summary>The directory written to.</summary>
    public string DirectoryPath => _directory;

    /// <summary>The sequence the next command must have.</summary>
    public long NextSequence => _next;

    /// <summary>Command records written (appended to the buffer) since this writer was opened.</summary>
    public long CommandsWritten { get; private set; }

    /// <summary>Fsyncs of segment files done.</summary>
    public long Fsyncs { get; private set; }

    /// <summary>Bytes handed to the OS.</summary>
    public long BytesWritten { get; private set; }

    /// <summary>Segments started by this writer.</summary>
    public int SegmentsStarted { get; private set; }

    /// <inheritdoc/>
    public void OnCommands(ReadOnlySpan<Command> commands, bool endOfBatch)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        const int maxFrame = RecordFrame.HeaderLength + CommandRecord.MaxBodyLength;
        foreach (ref readonly Command command in commands)
        {
            if (command.Sequence != _next)
                throw new InvalidOperationException($"The journal expected command {_next} and was given {command.Sequence}: sequences must be consecutive.");
            if (_file is null || _fileLength + _pending + maxFrame > _options.SegmentSize) Roll(command.Sequence);
            if (_pending + maxFrame > _buffer.Length) WriteOut();
            Span<byte> frame = _buffer.AsSpan(_pending);
            int body = CommandRecord.Write(frame[RecordFrame.HeaderLength..], in command);
            RecordFrame.Seal(frame, body);
            _pending += RecordFrame.HeaderLength + body;
            _next++;
        }
        CommandsWritten += commands.Length;
        if (endOfBatch) Commit();
    }

    /// <summary>
    /// Appends a checkpoint: the state hash after every command up to <paramref name="sequence"/>.
    /// Called on the journal thread after those commands went through <see cref="OnCommands"/>;
    /// buffered and written with the next batch (a checkpoint acknowledges nothing, so it costs no fsync of its own).
    /// </summary>
    public void OnCheckpoint(long sequence, ulong stateHash)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (sequence >= _next) throw new InvalidOperationException($"A checkpoint at {sequence} is ahead of the journal (next command {_next}).");
        if (_file is null) Roll(_next);
        if (_pending + RecordFrame.HeaderLength + CheckpointRecord.BodyLength > _buffer.Length) WriteOut();
        Span<byte> frame = _buffer.AsSpan(_pending);
        int body = CheckpointRecord.Write(frame[RecordFrame.HeaderLength..], sequence, stateHash);
        RecordFrame.Seal(frame, body);
        _pending += RecordFrame.HeaderLength + body;
    }

    /// <summary>
    /// Writes the engine snapshot at <paramref name="sequence"/> to <c>snapshots/</c>: first the journal up
    /// to there is made durable, then the snapshot is written to a temporary file, fsynced and
    /// renamed into place (so a crash leaves either no snapshot or a whole one). On the journal
    /// thread: results wait meanwhile.
    /// </summary>
    public void OnSnapshot(long sequence, ReadOnlySpan<byte> snapshot)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        WriteOut();
        Sync();
        SnapshotFile.Write(_directory, sequence, snapshot, durable: _options.Fsync != FsyncPolicy.None);
    }

    /// <summary>Writes what is buffered and fsyncs (whatever the policy). On the journal thread, or after the host stopped.</summary>
    public void Flush()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        WriteOut();
        Sync();
    }

    /// <summary>Flushes, fsyncs and closes the current segment.</summary>
    public void Dispose()
    {
        if (_disposed) return;
        _timer?.Dispose();
        WriteOut();
        if (_options.Fsync != FsyncPolicy.None) Sync();
        lock (_sync)
        {
            _file?.Dispose();
            _file = null;
            _disposed = true;
        }
    }

    private void Commit()
    {
        WriteOut();
        switch (_options.Fsync)
        {
            case FsyncPolicy.Batch:
                Sync();
                break;
            case FsyncPolicy.Interval:
                if (Stopwatch.GetTimestamp() - Volatile.Read(ref _lastSync) >= _intervalTicks) Sync();
                break;
        }
    }

    /// <summary>Hands the buffer to the OS (page cache): from here a process crash loses none of it.</summary>
    private void WriteOut()
    {
        if (_pending == 0 || _file is null) return;
        RandomAccess.Write(_file, _buffer.AsSpan(0, _pending), _fileLength);
        _fileLength += _pending;
        BytesWritten += _pending;
        _pending = 0;
        Volatile.Write(ref _unsynced, true);
    }

    private void Sync()
    {
        lock (_sync)
        {
            if (_file is null) return;
            if (Volatile.Read(ref _unsynced))
            {
                Volatile.Write(ref _unsynced, false);
                RandomAccess.FlushToDisk(_file);
                Fsyncs++;
            }
            if (_directoryUnsynced)
            {
                _directoryUnsynced = false;
                DirectorySync.Flush(_directory);
            }
            Volatile.Write(ref _lastSync, Stopwatch.GetTimestamp());
        }
    }

    private void OnTimer()
    {
        try
        {
            if (Volatile.Read(ref _unsynced) && Stopwatch.GetTimestamp() - Volatile.Read(ref _lastSync) >= _intervalTicks) Sync();
        }
        catch (ObjectDisposedException)
        {
            // The writer closed its file between the check and the fsync: nothing left to sync.
        }
        catch (IOException)
        {
            // The journal thread's next fsync reports the failing disk (and faults the host).
        }
    }

    /// <summary>Closes the current segment (durably, unless the policy is none) and starts one whose first command is <paramref name="firstSequence"/>.</summary>
    private void Roll(long firstSequence)
    {
        if (_file is not null)
        {
            WriteOut();
            if (_options.Fsync != FsyncPolicy.None) Sync();
        }
        string path = JournalFiles.SegmentPath(_directory, firstSequence);
        ReplaceHeaderOnlyLeftover(path);
        var file = File.OpenHandle(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.Read);
        lock (_sync)
        {
            _file?.Dispose();
            _file = file;
            _fileLength = 0;
            _directoryUnsynced = _options.Fsync != FsyncPolicy.None;
        }
        _segmentFirst = firstSequence;
        SegmentHeader.Write(_buffer.AsSpan(_pending), firstSequence);
        _pending += SegmentHeader.Length;
        SegmentsStarted++;
    }

    /// <summary>A segment of this name holds no command (a crash right after a roll, cut back by recovery): it can go.</summary>
    private static void ReplaceHeaderOnlyLeftover(string path)
    {
        if (!File.Exists(path)) return;
        var info = new FileInfo(path);
        if (info.Length > SegmentHeader.Length + RecordFrame.HeaderLength + CheckpointRecord.BodyLength)
            throw new InvalidOperationException($"Segment {path} already exists and holds records; the journal is not being appended at its end.");
        File.Delete(path);
    }

    /// <summary>The first sequence of the segment being written (for tests and tools).</summary>
    internal long CurrentSegmentFirst => _segmentFirst;
}
