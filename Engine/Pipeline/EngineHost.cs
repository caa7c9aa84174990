using TokenMatch.Commands;
using TokenMatch.Core;
using TokenMatch.Util;

namespace TokenMatch.Pipeline;

/// <summary>
/// TokenMatch embedded in-process: the matching core on one thread behind a command ring, and the
/// journal, event delivery and answers on a second thread (docs/architecture.md, docs/embedding.md).
/// Build it, <see cref="Start"/> it, apply settings (admin commands), submit commands from any
/// thread and await their results or post them with a callback, subscribe to events, query
/// state, and <see cref="Stop"/> it — which answers every command it accepted, exactly once.
/// Public members are safe to call from any thread, except <see cref="Stop"/>, <see cref="Dispose"/>
/// and queries from inside a callback or subscriber (they would wait on the thread they run on;
/// they throw instead).
/// Lifecycle state is guarded by <see cref="_lifecycle"/>; the submission gate
/// (<see cref="_closed"/>, <see cref="_activeProducers"/>) is lock-free.
/// </summary>
public sealed partial class EngineHost : IDisposable
{
    private readonly EngineHostOptions _options;
    private readonly EnginePipeline _pipeline;
    private readonly IEngineClock _clock;
    private readonly Sequencer _sequencer;
    private readonly RingBuffer<Command> _commands;
    private readonly bool _refuseWhenFull;
    private readonly Lock _lifecycle = new();
    /// <summary>An <see cref="EngineHostState"/>: written under <see cref="_lifecycle"/>, read without it (producers refusing, callbacks).</summary>
    private int _state;

    /// <summary>Builds a host around a new, empty <see cref="ExchangeCore"/>. Nothing runs until <see cref="Start"/>.</summary>
    public EngineHost(EngineHostOptions? options = null)
        : this(options ?? new EngineHostOptions(), static o => EnginePipeline.Build(o, new ExchangeCoreExecutor(new ExchangeCore(o.Core))))
    {
    }

    /// <summary>
    /// Builds a host around an existing core — one restored from a snapshot and the journal's tail
    /// (<see cref="ExchangeCore.ReadSnapshot"/>) — which from now on belongs to the host's threads:
    /// touch it only through queries. <see cref="EngineHostOptions.Core"/> is ignored. Set
    /// <see cref="EngineHostOptions.FirstSequence"/> past <see cref="ExchangeCore.LastSequence"/> so
    /// that sequences continue; an earlier one is refused with <see cref="ArgumentException"/>.
    /// </summary>
    public EngineHost(ExchangeCore core, EngineHostOptions? options = null)
        : this(CheckHosted(core, options ?? new EngineHostOptions()), o => EnginePipeline.Build(o, new ExchangeCoreExecutor(core)))
    {
    }

    private static EngineHostOptions CheckHosted(ExchangeCore core, EngineHostOptions options)
    {
        ArgumentNullException.ThrowIfNull(core);
        if (options.FirstSequence <= core.LastSequence)
        {
            ThrowHelper.ThrowArgument(
                $"FirstSequence {options.FirstSequence} is not after the core's last sequence {core.LastSequence}; set it to {core.LastSequence + 1}.",
                nameof(options));
        }
        return options;
    }

    private EngineHost(EngineHostOptions options, Func<EngineHostOptions, EnginePipeline> build)
    {
        ArgumentNullException.ThrowIfNull(options.Clock);
        ArgumentNullException.ThrowIfNull(options.Journal);
        if (options.FirstSequence < 0) ThrowHelper.ThrowArgument("FirstSequence must be 0 or more.", nameof(options));
        if (options.CheckpointInterval < 0 || options.SnapshotInterval < 0)
            ThrowHelper.ThrowArgument("CheckpointInterval and SnapshotInterval must be 0 (off) or more.", nameof(options));
        _options = options;
        _pipeline = build(options);
        _clock = options.Clock;
        _commands = _pipeline.Commands;
        _sequencer = _commands.Sequencer;
        _refuseWhenFull = options.RingFullPolicy == RingFullPolicy.Refuse;
    }

    /// <summary>Builds a host around any executor (pipeline tests and benchmarks use simple stand-ins for the core).</summary>
    internal static EngineHost Create<TExecutor>(EngineHostOptions options, TExecutor executor) where TExecutor : ICommandExecutor =>
        new(options, o => EnginePipeline.Build(o, executor));

    /// <summary>
    /// Builds a host, starts it and applies <paramref name="settings"/> (admin commands: markets,
    /// accounts, fees, limits) through the pipeline, so the journal records them like any command.
    /// Throws <see cref="InvalidOperationException"/> naming the first rejected setting (the host is
    /// then stopped).
    /// </summary>
    public static async Task<EngineHost> StartAsync(IEnumerable<Command> settings, EngineHostOptions? options = null)
    {
        var host = new EngineHost(options);
        try
        {
            host.Start();
            await host.ApplySettingsAsync(settings).ConfigureAwait(false);
            return host;
        }
        catch
        {
            host.Dispose();
            throw;
        }
    }

    /// <summary>Where the host is in its lifecycle.</summary>
    public EngineHostState State => (EngineHostState)Volatile.Read(ref _state);

    private void SetState(EngineHostState state) => Volatile.Write(ref _state, (int)state);

    /// <summary>The first fatal fault (the core or the journal threw), or null. A faulted host refuses commands.</summary>
    public Exception? Fault => _pipeline.Status.Fault;

    /// <summary>The options the host was built with.</summary>
    public EngineHostOptions Options => _options;

    /// <summary>Command ring slots.</summary>
    public int CommandRingSize => _commands.Size;

    /// <summary>Starts the pipeline threads. Once only: a stopped host is not restarted.</summary>
    public void Start()
    {
        lock (_lifecycle)
        {
            if (State != EngineHostState.Created) ThrowHelper.ThrowInvalidOperation($"The host is {State}; it can be started only once.");
            _pipeline.Start(_options.ThreadNamePrefix);
            SetState(EngineHostState.Running);
            Volatile.Write(ref _closed, false);
        }
    }

    /// <summary>
    /// Subscribes to every event from now on (delivered on the event thread, in order, after the
    /// journal has recorded their command). Dispose the result to unsubscribe.
    /// </summary>
    public IDisposable Subscribe(IEventSubscriber subscriber) => _pipeline.Subscribers.Add(subscriber);

    /// <summary>
    /// Stops: refuses new commands (<see cref="ResultCode.ShuttingDown"/>), waits until every
    /// accepted command has run, been journaled, had its events delivered and been answered, and
    /// every accepted query has been answered, then ends the threads. Safe to call more than once.
    /// Must not be called from a callback or subscriber.
    /// </summary>
    public void Stop()
    {
        if (_pipeline.IsPipelineThread()) ThrowHelper.ThrowInvalidOperation("Stop cannot be called from a pipeline thread (a callback or subscriber).");
        lock (_lifecycle)
        {
            if (State == EngineHostState.Created) { SetState(EngineHostState.Stopped); return; }
            if (State != EngineHostState.Running) return;
            SetState(EngineHostState.Stopping);
        }

        // Phase 1: no new producer gets in; those already in finish claiming and publishing.
        Volatile.Write(ref _closed, true);
        Interlocked.MemoryBarrier();
        SpinWait spin = default;
        while (Volatile.Read(ref _activeProducers) != 0) spin.SpinOnce();

        // Every accepted command is now published up to the cursor: wait until it is answered.
        long last = _sequencer.Cursor.Value;
        while (_pipeline.Release.Sequence.Value < last) Thread.Sleep(1);

        // Phase 2: queries accepted meanwhile go through the core; new ones wait for the lock and
        // then run on the caller's thread.
        lock (_lifecycle)
        {
            while (_pipeline.Status.PendingQueries != 0) Thread.Sleep(1);
            _pipeline.HaltAndJoin();
            SetState(EngineHostState.Stopped);
        }
    }

    /// <summary>Stops the host (see <see cref="Stop"/>).</summary>
    public void Dispose() => Stop();
}
