using TokenMatch.Core;
using TokenMatch.Journal.Reading;

namespace TokenMatch.Journal.Recovery;

/// <summary>What <see cref="JournalRecovery.Recover"/> rebuilt.</summary>
public sealed class RecoveryResult
{
    /// <summary>The engine state after the last journaled command: host it with <c>new EngineHost(Core, options)</c>.</summary>
    public required ExchangeCore Core { get; init; }

    /// <summary>The sequence the next command gets (<c>EngineHostOptions.FirstSequence</c> and the journal writer's next sequence).</summary>
    public required long NextSequence { get; init; }

    /// <summary>The snapshot recovery started from, or null (replayed from command 0).</summary>
    public long? SnapshotSequence { get; init; }

    /// <summary>Commands replayed on top of the snapshot (or from 0).</summary>
    public required long CommandsReplayed { get; init; }

    /// <summary>The torn last record found (and cut off, when so asked), or null.</summary>
    public TornTail? Torn { get; init; }

    /// <summary>Every warning, in order.</summary>
    public required IReadOnlyList<string> Warnings { get; init; }
}
