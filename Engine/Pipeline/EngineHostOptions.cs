using TokenMatch.Core;
using TokenMatch.Pipeline.WaitStrategies;

namespace TokenMatch.Pipeline;

/// <summary>How to build an <see cref="EngineHost"/>. Read once, when the host is built.</summary>
public sealed class EngineHostOptions
{
    /// <summary>Command ring slots (a power of two).</summary>
    public int CommandRingSize { get; init; } = 1 << 16;

    /// <summary>Event ring slots (a power of two). Bounds the memory of a command with any number of events.</summary>
    public int EventRingSize { get; init; } = 1 << 16;

    /// <summary>How the pipeline's threads wait for work (yielding by default: fair on a 2-core machine).</summary>
    public WaitStrategyKind WaitStrategy { get; init; } = WaitStrategyKind.Yielding;

    /// <summary>True when exactly one thread ever submits (cheaper claims); false for any number of threads.</summary>
    public bool SingleProducer { get; init; }

    /// <summary>What a submit does when the command ring is full.</summary>
    public RingFullPolicy RingFullPolicy { get; init; } = RingFullPolicy.Wait;

    /// <summary>Where command timestamps come from.</summary>
    public IEngineClock Clock { get; init; } = SystemClock.Instance;

    /// <summary>The journal stage (none by default).</summary>
    public IJournalConsumer Journal { get; init; } = NullJournalConsumer.Instance;

    /// <summary>Options of the matching core.</summary>
    public CoreOptions? Core { get; init; }

    /// <summary>
    /// Told about exceptions thrown by subscribers, callbacks, the journal or the core (a bug, or a
    /// failed disk). Called on the pipeline thread that caught it; must not throw.
    /// </summary>
    public Action<Exception>? OnError { get; init; }

    /// <summary>
    /// The sequence the first command in the ring gets (0 by default). A host started after
    /// recovery sets it to the journal's last sequence + 1, so that sequences continue.
    /// </summary>
    public long FirstSequence { get; init; }

    /// <summary>
    /// Every how many commands the pipeline computes the core's <see cref="ExchangeCore.StateHash"/>
    /// and hands it to <see cref="IJournalConsumer.OnCheckpoint"/> (0 = never): after each command
    /// whose sequence + 1 is a multiple of it. The hash is computed on the core thread, which
    /// pauses for it (docs/benchmarks.md says how long).
    /// </summary>
    public long CheckpointInterval { get; init; }

    /// <summary>
    /// Every how many commands the pipeline takes a full engine snapshot and hands it to
    /// <see cref="IJournalConsumer.OnSnapshot"/> (0 = never): after each command whose sequence + 1
    /// is a multiple of it, and after every accepted <see cref="Commands.CommandType.Snapshot"/>
    /// command. Written on the core thread, which pauses for it (docs/benchmarks.md).
    /// </summary>
    public long SnapshotInterval { get; init; }

    /// <summary>Prefix of the pipeline threads' names.</summary>
    public string ThreadNamePrefix { get; init; } = "tokenmatch";
}
