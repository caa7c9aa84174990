namespace TokenMatch.Pipeline.WaitStrategies;

/// <summary>
/// Spins on the dependencies without ever giving up the core. The lowest latency, and a whole core
/// burnt per waiting thread: use it only when every waiting thread has a core of its own.
/// Stateless; safe to share.
/// </summary>
public sealed class BusySpinWaitStrategy : IWaitStrategy
{
    /// <inheritdoc/>
    public bool IsBlocking => false;

    /// <inheritdoc/>
    public long WaitFor(long sequence, SequenceBarrier barrier)
    {
        long available;
        while ((available = barrier.DependentValue) < sequence)
        {
            if (barrier.IsAlerted) return available;
            Thread.SpinWait(1);
        }
        return available;
    }

    /// <inheritdoc/>
    public void SignalAllWhenBlocking() { }
}
