namespace TokenMatch.Journal.Writing;

/// <summary>When the journal asks the OS to put its writes on disk (docs/journal-format.md, "Durability").</summary>
public enum FsyncPolicy
{
    /// <summary>
    /// Fsync once per batch the journal stage takes, before the stage returns: a command is
    /// answered only once its record is on disk. The safe default; the cost is one fsync per batch.
    /// </summary>
    Batch = 0,
    /// <summary>
    /// Write every batch to the OS before returning (a process crash loses nothing answered) and
    /// fsync at most every <see cref="JournalWriterOptions.FsyncIntervalMicroseconds"/> (an OS
    /// crash or power loss may lose up to that long of answered commands).
    /// </summary>
    Interval = 1,
    /// <summary>Write every batch to the OS, never fsync (the OS writes back when it likes): for replays, tests and imports.</summary>
    None = 2,
}
