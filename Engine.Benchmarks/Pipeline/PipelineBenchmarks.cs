using BenchmarkDotNet.Attributes;
using TokenMatch.Commands;
using TokenMatch.Pipeline;

namespace TokenMatch.Benchmarks.Pipeline;

/// <summary>
/// The whole pipeline in-process — command ring, matching core, journal stage (none), event
/// feed, responder — on the trading mix, from one producer thread posting with a reused callback.
/// One operation = one command, answered.
/// </summary>
[MemoryDiagnoser]
public class PipelineBenchmarks
{
    private const int Commands = 1 << 18;

    private EngineHost _host = null!;
    private TradingWorkload _workload = null!;
    private CountingCallback _callback = null!;
    private long _target;

    /// <summary>Post one command at a time, or in batches of 64 (one claim per batch).</summary>
    [Params(1, 64)]
    public int Batch { get; set; }

    /// <summary>Builds and starts the host and applies the settings.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _workload = new TradingWorkload();
        _host = new EngineHost(new EngineHostOptions { SingleProducer = true });
        _host.Start();
        _host.ApplySettingsAsync(_workload.Settings()).GetAwaiter().GetResult();
        _callback = new CountingCallback();
        _target = 0;
    }

    /// <summary>Stops the host.</summary>
    [GlobalCleanup]
    public void Cleanup() => _host.Dispose();

    /// <summary>Posts the commands and waits until every one is answered.</summary>
    [Benchmark(OperationsPerInvoke = Commands)]
    public void PostAndDrain()
    {
        Span<Command> batch = stackalloc Command[64];
        int size = Batch;
        for (int i = 0; i < Commands; i += size)
        {
            for (int j = 0; j < size; j++) batch[j] = _workload.Next();
            if (size == 1) _host.Post(batch[0], _callback);
            else _host.PostBatch(batch[..size], _callback);
        }
        _target += Commands;
        SpinWait spin = default;
        while (_callback.Count < _target) spin.SpinOnce();
    }
}
