namespace TokenMatch.Pipeline.WaitStrategies;

/// <summary>
/// Spins briefly, then yields the processor on every further try: latency close to busy-spin while
/// letting other threads run on a machine with fewer cores than busy threads. The default.
/// Stateless; safe to share.
/// </summary>
public sealed class YieldingWaitStrategy : IWaitStrategy
{
    private const int SpinTries = 100;

    /// <inheritdoc/>
    public bool IsBlocking => false;

    /// <inheritdoc/>
    public long WaitFor(long sequence, SequenceBarrier barrier)
    {
        int counter = SpinTries;
        long available;
        while ((available = barrier.DependentValue) < sequence)
        {
            if (barrier.IsAlerted) return available;
            if (counter > 0)
            {
                counter--;
                Thread.SpinWait(1);
            }
            else
            {
                Thread.Yield();
            }
        }
        return available;
    }

    /// <inheritdoc/>
    public void SignalAllWhenBlocking() { }
}
