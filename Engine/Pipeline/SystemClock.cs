using System.Diagnostics;

namespace TokenMatch.Pipeline;

/// <summary>
/// The wall clock at nanosecond resolution: the UTC time at construction plus the monotonic
/// <see cref="Stopwatch"/> time since, so stamps never run backwards within a process even if
/// the system clock is adjusted. Immutable; safe from any thread.
/// </summary>
public sealed class SystemClock : IEngineClock
{
    private readonly long _epochNanoseconds;
    private readonly long _startTimestamp;
    private readonly double _nanosecondsPerTick;

    /// <summary>The shared instance.</summary>
    public static SystemClock Instance { get; } = new();

    /// <summary>Creates a clock anchored at the current UTC time.</summary>
    public SystemClock()
    {
        _startTimestamp = Stopwatch.GetTimestamp();
        _epochNanoseconds = (DateTime.UtcNow.Ticks - DateTime.UnixEpoch.Ticks) * 100;
        _nanosecondsPerTick = 1_000_000_000.0 / Stopwatch.Frequency;
    }

    /// <inheritdoc/>
    public long UtcNowNanoseconds() =>
        _epochNanoseconds + (long)((Stopwatch.GetTimestamp() - _startTimestamp) * _nanosecondsPerTick);
}
