using BenchmarkDotNet.Attributes;
using TokenMatch.Commands;
using TokenMatch.Pipeline;

namespace TokenMatch.Benchmarks.Pipeline;

/// <summary>
/// The whole pipeline in-process — command ring, matching core, journal, event delivery and
/// answers (two pipeline threads) — on the trading mix, from one producer thread posting with a
/// reused callback, with no journal or with <see cref="FileJournal"/> (fsync per batch or per
/// interval) under it. One operation = one command, answered.
/// </summary>
[MemoryDiagnoser]
public class PipelineBenchmarks
{
    private const int Commands = 1 << 18;

    private EngineHost _host = null!;
    private FileJournal? _file;
    private string? _path;
    private TradingWorkload _workload = null!;
    private CountingCallback _callback = null!;
    private long _target;

    /// <summary>Post one command at a time, or in batches of 64 (one claim per batch).</summary>
    [Params(1, 64)]
    public int Batch { get; set; }

    /// <summary>The journal under the pipeline.</summary>
    [Params(JournalChoice.None, JournalChoice.FsyncPerBatch)]
    public JournalChoice Journal { get; set; }

    /// <summary>Builds and starts the host and applies the settings.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _workload = new TradingWorkload();
        _path = Journal == JournalChoice.None ? null : Path.Combine(Path.GetTempPath(), $"tokenmatch-bench-{Environment.ProcessId}.journal");
        _file = _path is null ? null : new FileJournal(_path, Journal == JournalChoice.FsyncPerInterval ? 200 : 0);
        _host = new EngineHost(new EngineHostOptions { SingleProducer = true, Journal = (IJournalConsumer?)_file ?? NullJournalConsumer.Instance });
        _host.Start();
        _host.ApplySettingsAsync(_workload.Settings()).GetAwaiter().GetResult();
        _callback = new CountingCallback();
        _target = 0;
    }

    /// <summary>Stops the host and removes the journal file.</summary>
    [GlobalCleanup]
    public void Cleanup()
    {
        _host.Dispose();
        _file?.Dispose();
        if (_path is not null) File.Delete(_path);
    }

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
