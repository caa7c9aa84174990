namespace TokenMatch.Journal.Writing;

/// <summary>How a <see cref="JournalWriter"/> writes. Read once, when it is built.</summary>
public sealed class JournalWriterOptions
{
    /// <summary>A segment is closed and a new one started before a record would take it past this size (bytes).</summary>
    public long SegmentSize { get; init; } = 64L << 20;

    /// <summary>When to fsync.</summary>
    public FsyncPolicy Fsync { get; init; } = FsyncPolicy.Batch;

    /// <summary>Under <see cref="FsyncPolicy.Interval"/>: the longest time between fsyncs while there are unsynced writes (µs).</summary>
    public long FsyncIntervalMicroseconds { get; init; } = 1_000;

    /// <summary>The group-commit buffer (bytes): records collect here and go to the file at end of batch or when it is full.</summary>
    public int BufferSize { get; init; } = 1 << 20;
}
