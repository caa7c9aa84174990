namespace TokenMatch.Pipeline.WaitStrategies;

/// <summary>The wait strategies a host can be configured with.</summary>
public enum WaitStrategyKind
{
    /// <summary>Yields the processor after a short spin: low latency, fair on few cores (the default).</summary>
    Yielding = 0,
    /// <summary>Spins without ever giving up the core: lowest latency, only with a core per waiting thread.</summary>
    BusySpin = 1,
    /// <summary>Spins, yields, then sleeps: little CPU when idle, up to about a millisecond of latency.</summary>
    Sleeping = 2,
    /// <summary>Sleeps on a monitor until a producer publishes: least CPU, a lock per publish while anyone waits.</summary>
    Blocking = 3,
}
