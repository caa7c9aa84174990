namespace TokenMatch.Pipeline.WaitStrategies;

/// <summary>
/// Spins, then yields, then sleeps a millisecond at a time: almost no CPU while idle, at the price
/// of up to about a millisecond before an idle consumer notices new work. Producers never pay for
/// it (no signalling). Stateless; safe to share.
/// </summary>
public sealed class SleepingWaitStrategy : IWaitStrategy
{
    private const int SpinTries = 100;
    private const int YieldTries = 100;

    /// <inheritdoc/>
    public bool IsBlocking => false;

    /// <inheritdoc/>
    public long WaitFor(long sequence, SequenceBarrier barrier)
    {
        int counter = SpinTries + YieldTries;
        long available;
        while ((available = barrier.DependentValue) < sequence)
        {
            if (barrier.IsAlerted) return available;
            if (counter > YieldTries)
            {
                counter--;
                Thread.SpinWait(1);
            }
            else if (counter > 0)
            {
                counter--;
                Thread.Yield();
            }
            else
            {
                Thread.Sleep(1);
            }
        }
        return available;
    }

    /// <inheritdoc/>
    public void SignalAllWhenBlocking() { }
}
