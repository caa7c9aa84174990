using TokenMatch.Commands;
using TokenMatch.Journal.Reading;

namespace TokenMatch.Journal.Replay;

/// <summary>What a replay read, ran and found.</summary>
public sealed class JournalReplaySummary
{
    /// <summary>Records read (commands and checkpoints).</summary>
    public long Records { get; internal set; }

    /// <summary>Commands run.</summary>
    public long Commands { get; internal set; }

    /// <summary>Checkpoint records read.</summary>
    public long Checkpoints { get; internal set; }

    /// <summary>Checkpoints whose state hash was compared and matched (with <see cref="JournalReplayOptions.Verify"/>).</summary>
    public long CheckpointsVerified { get; internal set; }

    /// <summary>Sequence of the first command run (−1 when none).</summary>
    public long FirstSequence { get; internal set; } = -1;

    /// <summary>Sequence of the last command run (−1 when none).</summary>
    public long LastSequence { get; internal set; } = -1;

    /// <summary>Timestamp of the first command run (ns).</summary>
    public long FirstTime { get; internal set; }

    /// <summary>The latest timestamp of the commands run (ns).</summary>
    public long LastTime { get; internal set; }

    /// <summary>Commands run, by type.</summary>
    public SortedDictionary<CommandType, long> CommandsByType { get; } = new();

    /// <summary>Commands the core rejected.</summary>
    public long Rejected { get; internal set; }

    /// <summary>Per-market figures, by market id.</summary>
    public SortedDictionary<int, MarketStats> Markets { get; } = new();

    /// <summary>The state hash after the last command run.</summary>
    public ulong FinalStateHash { get; internal set; }

    /// <summary>With verify: the first checkpoint whose hash differed (sequence, recorded, replayed), or null.</summary>
    public (long Sequence, ulong Recorded, ulong Replayed)? VerifyFailure { get; internal set; }

    /// <summary>A torn last record the replay stopped at (left in place: replay never writes), or null.</summary>
    public TornTail? Torn { get; internal set; }

    /// <summary>True when the replay stopped at <c>--until</c> before the journal's end.</summary>
    public bool StoppedEarly { get; internal set; }
}
