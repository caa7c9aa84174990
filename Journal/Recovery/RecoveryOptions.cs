using TokenMatch.Core;
using TokenMatch.Events;

namespace TokenMatch.Journal.Recovery;

/// <summary>How <see cref="JournalRecovery"/> opens a journal directory.</summary>
public sealed class RecoveryOptions
{
    /// <summary>Options of the rebuilt core.</summary>
    public CoreOptions? Core { get; init; }

    /// <summary>Cut a torn last record off the file (true: what start-up does); false only reports it.</summary>
    public bool TruncateTornTail { get; init; } = true;

    /// <summary>Start from the newest valid snapshot (true) or replay the whole journal from command 0 (false).</summary>
    public bool UseSnapshots { get; init; } = true;

    /// <summary>Told each warning as it happens (a torn tail cut off, a damaged snapshot skipped).</summary>
    public Action<string>? Warn { get; init; }

    /// <summary>Where the replayed commands' events go (dropped by default).</summary>
    public IEventSink? Events { get; init; }
}
