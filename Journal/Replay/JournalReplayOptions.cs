using TokenMatch.Core;
using TokenMatch.Events;

namespace TokenMatch.Journal.Replay;

/// <summary>What <see cref="JournalReplay.Run"/> replays and checks.</summary>
public sealed class JournalReplayOptions
{
    /// <summary>Stop after this sequence (inclusive), or null.</summary>
    public long? UntilSequence { get; init; }

    /// <summary>Stop before the first command stamped after this time (ns), or null.</summary>
    public long? UntilTime { get; init; }

    /// <summary>Check the state hash at every checkpoint the journal recorded; stop at the first difference.</summary>
    public bool Verify { get; init; }

    /// <summary>What-if changes applied to the configuration commands (none: the original run).</summary>
    public IReadOnlyList<ParameterOverride> Overrides { get; init; } = [];

    /// <summary>Also receives every event (CSV writers, notebooks), or null.</summary>
    public IEventSink? Events { get; init; }

    /// <summary>Called after each command ran, with the core (book exports), or null.</summary>
    public Action<ExchangeCore, TokenMatch.Commands.Command>? AfterCommand { get; init; }

    /// <summary>Options of the replay's core.</summary>
    public CoreOptions? Core { get; init; }
}
