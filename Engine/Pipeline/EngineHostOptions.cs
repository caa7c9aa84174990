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

    /// <summary>Prefix of the pipeline threads' names.</summary>
    public string ThreadNamePrefix { get; init; } = "tokenmatch";
}
