namespace TokenMatch.Journal.Reading;

/// <summary>What a <see cref="JournalReader"/> reads and checks.</summary>
public sealed class JournalReaderOptions
{
    /// <summary>
    /// Commands before this sequence are not handed out (their segments are skipped when a later
    /// segment starts at or before it; records read are still checked). 0 reads everything.
    /// </summary>
    public long FromSequence { get; init; }

    /// <summary>
    /// When set, the journal's first command must have this sequence (recovery without a snapshot
    /// expects 0: a journal starting later has lost its first segment).
    /// </summary>
    public long? ExpectedFirstSequence { get; init; }
}
