using TokenMatch.Pipeline;

namespace TokenMatch.Bench.Targets;

/// <summary>
/// The host's clock in the pipeline targets: the sender sets it to the generated command's own
/// timestamp before posting, so the host runs the generator's stream at the generator's times (the
/// market's cycle, not the wall clock). Written by the sending thread, read by the same thread inside
/// Post.
/// </summary>
internal sealed class FlowClock : IEngineClock
{
    private long _now;

    /// <summary>The time the next post is stamped with.</summary>
    public long Now
    {
        get => Volatile.Read(ref _now);
        set => Volatile.Write(ref _now, value);
    }

    /// <inheritdoc/>
    public long UtcNowNanoseconds() => Now;
}
