using TokenMatch.Util;

namespace TokenMatch.Pipeline;

/// <summary>
/// Runs one pipeline stage: waits once, hands every slot available since its last batch to the
/// handler, stores its sequence once. Runs on its own thread (<see cref="Run"/>); <see cref="Halt"/>
/// may be called from any thread. <see cref="Sequence"/> is written only by the running thread.
/// </summary>
/// <typeparam name="T">The ring's slot type.</typeparam>
/// <typeparam name="THandler">The stage's work (a struct, so that calls to it are direct).</typeparam>
public sealed class BatchProcessor<T, THandler> : IStageProcessor where T : struct where THandler : IBatchHandler<T>
{
    private readonly RingBuffer<T> _ring;
    private readonly SequenceBarrier _barrier;
    private THandler _handler;
    private volatile bool _halted;
    private int _running;

    /// <summary>Creates a stage over <paramref name="ring"/>, waiting on <paramref name="barrier"/>.</summary>
    /// <param name="ring">The ring whose slots the stage handles.</param>
    /// <param name="barrier">What the stage waits on.</param>
    /// <param name="handler">The stage's work.</param>
    /// <param name="sequence">The stage's progress (created by the caller when others must gate on it first).</param>
    public BatchProcessor(RingBuffer<T> ring, SequenceBarrier barrier, THandler handler, Sequence? sequence = null)
    {
        ArgumentNullException.ThrowIfNull(ring);
        ArgumentNullException.ThrowIfNull(barrier);
        _ring = ring;
        _barrier = barrier;
        _handler = handler;
        Sequence = sequence ?? new Sequence();
    }

    /// <summary>The last sequence this stage has finished with.</summary>
    public Sequence Sequence { get; }

    /// <summary>The barrier the stage waits on.</summary>
    public SequenceBarrier Barrier => _barrier;

    /// <summary>
    /// Processes batches until halted. After <see cref="Halt"/> it still finishes every slot that is
    /// available, so a halt after the producers have stopped loses nothing.
    /// </summary>
    public void Run()
    {
        if (Interlocked.Exchange(ref _running, 1) != 0) ThrowHelper.ThrowInvalidOperation("The processor is already running.");
        long next = Sequence.Value + 1;
        while (true)
        {
            long available = _barrier.WaitFor(next);
            if (available >= next)
            {
                _handler.OnBatch(_ring, next, available);
                Sequence.SetValue(available);
                next = available + 1;
            }
            else if (_barrier.IsAlerted)
            {
                // Clear before looking, so an alert raised while the handler looks is not lost.
                _barrier.ClearAlert();
                _handler.OnAlert();
                if (_halted && _barrier.DependentValue < next) return;
                continue;
            }
            if (_barrier.IsAlerted && !_halted)
            {
                _barrier.ClearAlert();
                _handler.OnAlert();
            }
        }
    }

    /// <summary>Asks the stage to stop once nothing more is available.</summary>
    public void Halt()
    {
        _halted = true;
        _barrier.Alert();
    }
}
