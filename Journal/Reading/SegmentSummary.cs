namespace TokenMatch.Journal.Reading;

/// <summary>One segment as <see cref="JournalInspection"/> found it.</summary>
public sealed class SegmentSummary
{
    /// <summary>The file.</summary>
    public required string Path { get; init; }
    /// <summary>Bytes.</summary>
    public required long Length { get; init; }
    /// <summary>The first command's sequence, from the header.</summary>
    public required long FirstSequence { get; init; }
    /// <summary>Command records read.</summary>
    public long Commands { get; internal set; }
    /// <summary>Checkpoint records read.</summary>
    public long Checkpoints { get; internal set; }
    /// <summary>The last command's sequence (FirstSequence − 1 when none).</summary>
    public long LastSequence { get; internal set; }
}
