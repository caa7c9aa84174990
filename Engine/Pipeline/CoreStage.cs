using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using TokenMatch.Commands;

namespace TokenMatch.Pipeline;

/// <summary>
/// Stage 2a: the matching core. Runs each command in its slot, streams its events into the event
/// ring, records where its events end, takes the checkpoints and snapshots that are due, runs
/// queries between batches, and tells the release thread about its progress. Everything it
/// reaches — the executor (the core's state), the sink, <see cref="_eventEnds"/> entries of the
/// slots it is handling — is owned by the core thread.
/// </summary>
internal struct CoreStage<TExecutor> : IBatchHandler<Command> where TExecutor : ICommandExecutor
{
    /// <summary>Commands between two progress stores within a batch, so the release thread can answer a long batch in parts.</summary>
    private const int ProgressEvery = 1024;

    private TExecutor _executor;
    private readonly EventRingSink _sink;
    private readonly long[] _eventEnds;
    private readonly Sequence _sequence;
    private readonly ConcurrentQueue<QueryWork> _queries;
    private readonly ConcurrentQueue<QueryWork> _answers;
    private readonly SequenceBarrier _releaseBarrier;
    private readonly PipelineStatus _status;
    private readonly CoreNotes _notes;
    private readonly long _checkpointInterval;
    private readonly long _snapshotInterval;
    private long _nextCheckpoint;
    private long _nextSnapshot;
    private long _nextNote;
    private bool _faulted;

    public CoreStage(TExecutor executor, EventRingSink sink, long[] eventEnds, Sequence sequence,
        ConcurrentQueue<QueryWork> queries, ConcurrentQueue<QueryWork> answers, SequenceBarrier releaseBarrier,
        PipelineStatus status, CoreNotes notes, EngineHostOptions options)
    {
        _executor = executor;
        _sink = sink;
        _eventEnds = eventEnds;
        _sequence = sequence;
        _queries = queries;
        _answers = answers;
        _releaseBarrier = releaseBarrier;
        _status = status;
        _notes = notes;
        _checkpointInterval = options.CheckpointInterval;
        _snapshotInterval = options.SnapshotInterval;
        _nextCheckpoint = FirstDue(options.FirstSequence, _checkpointInterval);
        _nextSnapshot = FirstDue(options.FirstSequence, _snapshotInterval);
        _nextNote = Math.Min(_nextCheckpoint, _nextSnapshot);
    }

    /// <summary>The first sequence at or after <paramref name="first"/> whose successor is a multiple of <paramref name="interval"/> (never when 0).</summary>
    private static long FirstDue(long first, long interval) =>
        interval <= 0 ? long.MaxValue : ((first + interval) / interval) * interval - 1;

    /// <inheritdoc/>
    public void OnBatch(RingBuffer<Command> ring, long first, long last)
    {
        // A failed journal stops the core at the first command it did not record: those before it
        // are durable and will be in every recovery, so they run and are answered as usual.
        long stopAt = _status.JournalFailedAt;
        long s = first;
        while (s <= last)
        {
            if (_faulted || s >= stopAt)
            {
                MarkUnexecuted(ring, s, last);
                break;
            }
            s = ExecuteRange(ring, s, Math.Min(last, stopAt - 1));
        }
        _sequence.SetValue(last);
        _releaseBarrier.Alert();
    }

    /// <summary>Runs slots from <paramref name="first"/>; returns where to go on (past <paramref name="last"/> unless the core threw).</summary>
    private long ExecuteRange(RingBuffer<Command> ring, long first, long last)
    {
        long s = first;
        try
        {
            for (; s <= last; s++)
            {
                ref Command command = ref ring[s];
                _executor.Execute(ref command, _sink);
                _eventEnds[ring.IndexOf(s)] = _sink.LastPublished;
                if (s >= _nextNote || command.Type == CommandType.Snapshot) TakeNotes(ref command, s);
                if (((s - first + 1) & (ProgressEvery - 1)) == 0) Progress(s);
            }
            return s;
        }
        catch (Exception e)
        {
            OnCoreFault(ring, s, e);
            return s + 1;
        }
    }

    /// <summary>Publishes progress in the middle of a long batch: the release thread may answer up to here.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private readonly void Progress(long s)
    {
        _sequence.SetValue(s);
        _releaseBarrier.Alert();
    }

    /// <summary>A checkpoint or a snapshot is due after command <paramref name="s"/>: taken now, on the core thread, between commands.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private void TakeNotes(ref Command command, long s)
    {
        if (s == _nextCheckpoint)
        {
            _notes.Checkpoint(s, _executor.StateHash());
            _nextCheckpoint += _checkpointInterval;
        }
        bool requested = command.Type == CommandType.Snapshot && command.Result == ResultCode.Ok;
        if (s == _nextSnapshot || requested)
        {
            System.Buffers.ArrayBufferWriter<byte> buffer = _notes.RentBuffer();
            _executor.WriteSnapshot(buffer);
            _notes.Snapshot(s, buffer);
            if (s == _nextSnapshot) _nextSnapshot += _snapshotInterval;
        }
        _nextNote = Math.Min(_nextCheckpoint, _nextSnapshot);
    }

    /// <summary>A bug in the core: its state can no longer be trusted, so no further command runs.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private void OnCoreFault(RingBuffer<Command> ring, long sequence, Exception e)
    {
        _faulted = true;
        _status.ReportFatal(new InvalidOperationException($"The matching core failed on command {sequence}; the engine stopped executing commands.", e));
        MarkUnexecuted(ring, sequence, sequence);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private readonly void MarkUnexecuted(RingBuffer<Command> ring, long first, long last)
    {
        for (long s = first; s <= last; s++)
        {
            ref Command command = ref ring[s];
            command.Result = ResultCode.ShuttingDown;
            command.EventCount = 0;
            _eventEnds[ring.IndexOf(s)] = _sink.LastPublished;
        }
    }

    /// <inheritdoc/>
    public readonly void OnAlert()
    {
        if (_queries.IsEmpty) return;
        RunQueries();
    }

    /// <summary>Runs the waiting queries against the state after the last command run, then hands them to the release thread.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private readonly void RunQueries()
    {
        object target = _executor.QueryTarget;
        while (_queries.TryDequeue(out QueryWork? work))
        {
            work.Run(target);
            work.AfterSequence = _sequence.Value;
            _answers.Enqueue(work);
        }
        _releaseBarrier.Alert();
    }
}
