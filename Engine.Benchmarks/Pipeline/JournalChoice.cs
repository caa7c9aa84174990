using TokenMatch.Pipeline;

namespace TokenMatch.Benchmarks.Pipeline;

/// <summary>Which journal stand-in a pipeline benchmark runs with.</summary>
public enum JournalChoice
{
    /// <summary>No journal (<see cref="NullJournalConsumer"/>).</summary>
    None,
    /// <summary><see cref="FileJournal"/> with an fsync per batch.</summary>
    FsyncPerBatch,
    /// <summary><see cref="FileJournal"/> with an fsync at most every 200 µs.</summary>
    FsyncPerInterval,
}
