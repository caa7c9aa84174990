namespace TokenMatch.Pipeline.WaitStrategies;

/// <summary>
/// Consumers waiting for the producer cursor sleep on a monitor; the producer wakes them after a
/// publish, taking the lock only while someone waits. A consumer that waits on other consumers
/// (not on the cursor) spins, yields and sleeps instead, since consumers do not signal.
/// One instance per ring: <see cref="_gate"/> and <see cref="_waiters"/> are shared by that ring's
/// consumer threads (under the lock) and read by its producers.
/// </summary>
public sealed class BlockingWaitStrategy : IWaitStrategy
{
    /// <summary>A safety net: a waiter re-checks at least this often even if a wake-up were lost.</summary>
    private const int MaxSleepMilliseconds = 100;

    private readonly object _gate = new();
    private int _waiters;

    /// <inheritdoc/>
    public bool IsBlocking => true;

    /// <inheritdoc/>
    public long WaitFor(long sequence, SequenceBarrier barrier)
    {
        if (barrier.Cursor.Value < sequence) WaitForCursor(sequence, barrier);

        long available;
        SpinWait spin = default;
        while ((available = barrier.DependentValue) < sequence)
        {
            if (barrier.IsAlerted) return available;
            spin.SpinOnce();
        }
        return available;
    }

    private void WaitForCursor(long sequence, SequenceBarrier barrier)
    {
        lock (_gate)
        {
            _waiters++;
            // Pairs with the fence in SignalAllWhenBlocking: either the producer sees this waiter,
            // or this waiter sees the producer's cursor.
            Interlocked.MemoryBarrier();
            while (barrier.Cursor.Value < sequence && !barrier.IsAlerted)
            {
                Monitor.Wait(_gate, MaxSleepMilliseconds);
            }
            _waiters--;
        }
    }

    /// <inheritdoc/>
    public void SignalAllWhenBlocking()
    {
        Interlocked.MemoryBarrier();
        if (Volatile.Read(ref _waiters) == 0) return;
        lock (_gate)
        {
            Monitor.PulseAll(_gate);
        }
    }
}
