namespace TokenMatch.Pipeline.WaitStrategies;

/// <summary>
/// How a consumer waits for the sequence it needs. One instance per ring: consumers call
/// <see cref="WaitFor"/> on their own threads, the ring's producers call
/// <see cref="SignalAllWhenBlocking"/> after publishing.
/// </summary>
public interface IWaitStrategy
{
    /// <summary>
    /// Waits until <paramref name="barrier"/>'s dependencies reach <paramref name="sequence"/> and
    /// returns how far they got (possibly further). Returns early, with a value below
    /// <paramref name="sequence"/>, when the barrier is alerted.
    /// </summary>
    long WaitFor(long sequence, SequenceBarrier barrier);

    /// <summary>True when waiters sleep on a monitor and producers must wake them.</summary>
    bool IsBlocking { get; }

    /// <summary>Wakes consumers blocked in <see cref="WaitFor"/> (a no-op unless <see cref="IsBlocking"/>).</summary>
    void SignalAllWhenBlocking();
}
