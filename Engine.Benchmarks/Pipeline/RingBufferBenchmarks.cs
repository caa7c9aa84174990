using BenchmarkDotNet.Attributes;
using TokenMatch.Pipeline;
using TokenMatch.Pipeline.WaitStrategies;

namespace TokenMatch.Benchmarks.Pipeline;

/// <summary>
/// Raw ring throughput: events per second from one producer or three producers (each claiming
/// <see cref="Batch"/> slots at a time) to one consumer on its own thread, with the yielding
/// strategy. One operation = one event.
/// </summary>
[MemoryDiagnoser]
public class RingBufferBenchmarks
{
    private const int Events = 1 << 22;
    private const int RingSize = 1 << 16;
    private const int Producers = 3;
    private const int PerProducer = Events / Producers / 64 * 64;

    private RingBuffer<long> _ring = null!;
    private BatchProcessor<long, SumHandler> _consumer = null!;
    private Thread _consumerThread = null!;
    private Thread[] _producerThreads = [];
    private SemaphoreSlim _go = null!;
    private CountdownEvent _done = null!;
    private volatile bool _stopping;
    private long _target;

    /// <summary>Slots claimed and published at once by a single producer.</summary>
    [Params(1, 64)]
    public int Batch { get; set; }

    /// <summary>One producer.</summary>
    [GlobalSetup(Target = nameof(OneToOne))]
    public void SetupOneToOne() => Setup(multiProducer: false);

    /// <summary>Three producers.</summary>
    [GlobalSetup(Target = nameof(ThreeToOne))]
    public void SetupThreeToOne()
    {
        Setup(multiProducer: true);
        _go = new SemaphoreSlim(0);
        _done = new CountdownEvent(Producers);
        _producerThreads = [.. Enumerable.Range(0, Producers).Select(_ => new Thread(ProducerLoop) { IsBackground = true })];
        foreach (Thread t in _producerThreads) t.Start();
    }

    private void Setup(bool multiProducer)
    {
        var wait = new YieldingWaitStrategy();
        _ring = multiProducer ? RingBuffer<long>.CreateMultiProducer(RingSize, wait) : RingBuffer<long>.CreateSingleProducer(RingSize, wait);
        _consumer = new BatchProcessor<long, SumHandler>(_ring, _ring.Sequencer.NewBarrier(), default);
        _ring.Sequencer.AddGatingSequences(_consumer.Sequence);
        _consumerThread = new Thread(_consumer.Run) { IsBackground = true };
        _consumerThread.Start();
        _target = Sequence.InitialValue;
    }

    /// <summary>Stops the threads.</summary>
    [GlobalCleanup]
    public void Cleanup()
    {
        _stopping = true;
        _go?.Release(Producers);
        _consumer.Halt();
        _consumerThread.Join();
        foreach (Thread t in _producerThreads) t.Join();
    }

    /// <summary>1 → 1: one producer publishes, one consumer reads.</summary>
    [Benchmark(OperationsPerInvoke = Events)]
    public void OneToOne()
    {
        Sequencer sequencer = _ring.Sequencer;
        int batch = Batch;
        for (int i = 0; i < Events; i += batch)
        {
            long last = sequencer.Next(batch);
            long first = last - batch + 1;
            for (long s = first; s <= last; s++) _ring[s] = s;
            sequencer.Publish(first, last);
        }
        _target += Events;
        WaitForConsumer();
    }

    /// <summary>3 → 1: three producers publish into a multi-producer ring.</summary>
    [Benchmark(OperationsPerInvoke = PerProducer * Producers)]
    public void ThreeToOne()
    {
        _done.Reset();
        _go.Release(Producers);
        _done.Wait();
        _target += PerProducer * Producers;
        WaitForConsumer();
    }

    private void ProducerLoop()
    {
        Sequencer sequencer = _ring.Sequencer;
        while (true)
        {
            _go.Wait();
            if (_stopping) return;
            int batch = Batch;
            for (int i = 0; i < PerProducer; i += batch)
            {
                long last = sequencer.Next(batch);
                long first = last - batch + 1;
                for (long s = first; s <= last; s++) _ring[s] = s;
                sequencer.Publish(first, last);
            }
            _done.Signal();
        }
    }

    private void WaitForConsumer()
    {
        SpinWait spin = default;
        while (_consumer.Sequence.Value < _target) spin.SpinOnce();
    }
}
