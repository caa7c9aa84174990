using System.Threading.Channels;
using TokenMatch.Commands;
using TokenMatch.Events;
using TokenMatch.Pipeline;

namespace TokenMatch.Surveillance.Hosting;

/// <summary>
/// Live surveillance of an <see cref="EngineHost"/>, off the core thread. Two taps copy what the
/// pipeline hands out into one bounded queue: the journal tap (<see cref="Journal"/>, given to
/// <see cref="EngineHostOptions.Journal"/>, wrapping the real journal) copies each batch of
/// commands on the journal thread; the event tap (subscribed by <see cref="Attach"/>) copies each
/// batch of events on the event thread. The pipeline releases events only after the journal
/// stage has returned for their command, so in the queue every command comes before its events.
/// One detector thread (<c>tokenmatch-surveillance</c>) drains the queue, pairs commands with
/// their events (<see cref="RecordAssembler"/>) and runs the <see cref="SurveillanceEngine"/>. The
/// event tap also passes on the release stage's word that every command up to a sequence is complete
/// (<see cref="IEventSubscriber.OnCompleted"/>), so a command is judged as soon as its events are all
/// delivered, the last one before an idle spell included.
/// <para>
/// The core never waits on a detector: a tap never blocks. When the queue is full the batch is
/// dropped and counted (<see cref="DroppedBatches"/>); from then on live surveillance is
/// incomplete, stops judging (<see cref="Degraded"/>) and says so, and the journal remains the
/// complete record to survey offline. The taps' own cost is one copy of each batch (measured in
/// docs/benchmarks.md). Automatic responses are posted into the host's ring from the detector thread.
/// </para>
/// </summary>
public sealed class SurveillanceHost : IDisposable
{
    private readonly Channel<Batch> _queue;
    private readonly RecordAssembler _assembler;
    private readonly Thread _thread;
    private readonly ResponseCallback _responses;
    private EngineHost? _host;
    private IDisposable? _subscription;
    private long _dropped;
    private long _processed = -1;
    private int _started;
    private volatile bool _degraded;

    /// <summary>Builds the taps around <paramref name="engine"/>; <paramref name="innerJournal"/> is the real journal (none by default).</summary>
    public SurveillanceHost(SurveillanceEngine engine, IJournalConsumer? innerJournal = null, int queueCapacity = 1 << 16)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(queueCapacity, 1);
        Engine = engine;
        _assembler = new RecordAssembler(engine);
        _queue = Channel.CreateBounded<Batch>(new BoundedChannelOptions(queueCapacity)
        {
            SingleReader = true, SingleWriter = false, FullMode = BoundedChannelFullMode.Wait,
        });
        Journal = new JournalTap(this, innerJournal ?? NullJournalConsumer.Instance);
        _responses = new ResponseCallback();
        _thread = new Thread(Run) { IsBackground = true, Name = "tokenmatch-surveillance" };
    }

    /// <summary>The engine the detector thread runs (read its results after <see cref="Stop"/>).</summary>
    public SurveillanceEngine Engine { get; }

    /// <summary>The journal stage to give the engine host: records through the inner journal, then copies the commands.</summary>
    public IJournalConsumer Journal { get; }

    /// <summary>Batches dropped because the queue was full.</summary>
    public long DroppedBatches => Interlocked.Read(ref _dropped);

    /// <summary>True once a batch was dropped: live results are incomplete (survey the journal offline).</summary>
    public bool Degraded => _degraded;

    /// <summary>Automatic response commands the host refused (ring full, shutting down) or rejected.</summary>
    public long ResponsesRefused => Interlocked.Read(ref _responses.Refused);

    /// <summary>Automatic response commands the host ran.</summary>
    public long ResponsesApplied => Interlocked.Read(ref _responses.Applied);

    /// <summary>Sequence of the last command the detectors have judged (−1 before any); read from any thread.</summary>
    public long ProcessedSequence => Volatile.Read(ref _processed);

    /// <summary>
    /// Waits (polling, up to <paramref name="timeout"/>) until the detectors have judged command
    /// <paramref name="sequence"/>; false on timeout or when degraded. For tests and orderly
    /// shutdowns that want responses to recent alerts to reach the ring before the host stops.
    /// </summary>
    public bool WaitForSequence(long sequence, TimeSpan timeout)
    {
        long deadline = Environment.TickCount64 + (long)timeout.TotalMilliseconds;
        while (ProcessedSequence < sequence)
        {
            if (_degraded || Environment.TickCount64 > deadline) return false;
            Thread.Sleep(1);
        }
        return true;
    }

    /// <summary>
    /// True (the default): <see cref="Stop"/> completes the engine, so the detectors judge what is still
    /// open, as at the end of a journal. False: a stop is a pause, not the end of the input (a server
    /// that will restart on the same journal): every command is passed to the detectors, nothing more
    /// is judged, and a restart primed with the journal continues exactly where this run stopped.
    /// </summary>
    public bool CompleteOnStop { get; init; } = true;

    /// <summary>Told about a failure of the detector thread itself or an error while posting (for logging); must not throw.</summary>
    public Action<Exception>? OnError { get; set; }

    /// <summary>
    /// Subscribes the event tap to <paramref name="host"/> and starts the detector thread. Call
    /// before the host runs its first command (before <see cref="EngineHost.Start"/>), so the taps
    /// see the same commands; automatic responses are posted to this host.
    /// </summary>
    public void Attach(EngineHost host)
    {
        if (Interlocked.Exchange(ref _started, 1) != 0) throw new InvalidOperationException("already attached");
        _host = host;
        _subscription = host.Subscribe(new EventTap(this));
        Engine.OnResponse = command =>
        {
            if (host.Post(command, _responses) != ResultCode.Ok) Interlocked.Increment(ref _responses.Refused);
        };
        _thread.Start();
    }

    /// <summary>
    /// Stop after the engine host has stopped: drains the queue, completes the engine (detectors
    /// judge what is still open) and ends the detector thread. Safe to call more than once.
    /// </summary>
    public void Stop()
    {
        _subscription?.Dispose();
        _subscription = null;
        _queue.Writer.TryComplete();
        if (_started == 1 && _thread.IsAlive) _thread.Join();
    }

    /// <inheritdoc/>
    public void Dispose() => Stop();

    private void Enqueue(Batch batch)
    {
        if (_queue.Writer.TryWrite(batch)) return;
        Interlocked.Increment(ref _dropped);
        _degraded = true;
        _assembler.Abandoned = true;
    }

    private void Run()
    {
        ChannelReader<Batch> reader = _queue.Reader;
        try
        {
            while (reader.WaitToReadAsync().AsTask().GetAwaiter().GetResult())
            {
                while (reader.TryRead(out Batch batch))
                {
                    if (_degraded) continue;
                    if (batch.Commands is not null) _assembler.AddCommands(batch.Commands);
                    else if (batch.Events.Length > 0) _assembler.AddEvents(batch.Events);
                    else _assembler.CompleteThrough(batch.CompletedThrough);
                    Volatile.Write(ref _processed, Engine.State.LastSequence);
                }
            }
            if (!_degraded)
            {
                if (CompleteOnStop) _assembler.Complete();
                else _assembler.Flush();
                Volatile.Write(ref _processed, Engine.State.LastSequence);
            }
        }
        catch (Exception e)
        {
            _degraded = true;
            try { OnError?.Invoke(e); } catch (Exception) { /* nothing more to tell */ }
            while (reader.TryRead(out _)) { }
        }
    }

    /// <summary>Commands (journal tap), events (event tap), or neither: every command up to <see cref="CompletedThrough"/> is complete.</summary>
    private readonly record struct Batch(Command[]? Commands, Event[] Events, long CompletedThrough = -1);

    private sealed class JournalTap(SurveillanceHost owner, IJournalConsumer inner) : IJournalConsumer
    {
        public void OnCommands(ReadOnlySpan<Command> commands, bool endOfBatch)
        {
            inner.OnCommands(commands, endOfBatch);
            if (owner._degraded || commands.IsEmpty) return;
            // Only input fields are stable here (the core writes result fields concurrently): clear them.
            Command[] copy = commands.ToArray();
            for (int i = 0; i < copy.Length; i++)
            {
                copy[i].Result = ResultCode.Ok;
                copy[i].EventCount = 0;
            }
            owner.Enqueue(new Batch(copy, []));
        }

        public void OnCheckpoint(long sequence, ulong stateHash) => inner.OnCheckpoint(sequence, stateHash);

        public void OnSnapshot(long sequence, ReadOnlySpan<byte> snapshot) => inner.OnSnapshot(sequence, snapshot);
    }

    private sealed class EventTap(SurveillanceHost owner) : IEventSubscriber
    {
        public void OnEvents(ReadOnlySpan<Event> events)
        {
            if (owner._degraded || events.IsEmpty) return;
            owner.Enqueue(new Batch(null, events.ToArray()));
        }

        public void OnCompleted(long sequence)
        {
            if (owner._degraded) return;
            owner.Enqueue(new Batch(null, [], sequence));
        }
    }

    private sealed class ResponseCallback : ICommandCallback
    {
        public long Refused, Applied;

        public void OnResult(in Command c)
        {
            if (c.Result == ResultCode.Ok) Interlocked.Increment(ref Applied);
            else Interlocked.Increment(ref Refused);
        }
    }
}
