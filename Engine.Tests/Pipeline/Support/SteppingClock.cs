using TokenMatch.Pipeline;

namespace TokenMatch.Tests.Pipeline.Support;

/// <summary>A fake clock: each reading is the previous one plus a step (thread-safe).</summary>
internal sealed class SteppingClock(long start, long step) : IEngineClock
{
    private long _now = start - step;

    /// <summary>Number of readings so far.</summary>
    public long Readings => (Volatile.Read(ref _now) - start + step) / step;

    /// <inheritdoc/>
    public long UtcNowNanoseconds() => Interlocked.Add(ref _now, step);
}
