using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using TokenMatch.Commands;

namespace TokenMatch.Pipeline;

/// <summary>
/// Stage 2a: the matching core. Runs each command in its slot, streams its events into the event
/// ring, records where its events end, and runs queries between batches. Everything it reaches —
/// the executor (the core's state), the sink, <see cref="_eventEnds"/> entries of the slots it is
/// handling — is owned by the core thread.
/// </summary>
internal struct CoreStage<TExecutor> : IBatchHandler<Command> where TExecutor : ICommandExecutor
{
    private TExecutor _executor;
    private readonly EventRingSink _sink;
    private readonly long[] _eventEnds;
    private readonly Sequence _sequence;
    private readonly ConcurrentQueue<QueryWork> _queries;
    private readonly ConcurrentQueue<QueryWork> _answers;
    private readonly SequenceBarrier _responderBarrier;
    private readonly PipelineStatus _status;
    private bool _faulted;

    public CoreStage(TExecutor executor, EventRingSink sink, long[] eventEnds, Sequence sequence,
        ConcurrentQueue<QueryWork> queries, ConcurrentQueue<QueryWork> answers, SequenceBarrier responderBarrier,
        PipelineStatus status)
    {
        _executor = executor;
        _sink = sink;
        _eventEnds = eventEnds;
        _sequence = sequence;
        _queries = queries;
        _answers = answers;
        _responderBarrier = responderBarrier;
        _status = status;
    }

    /// <inheritdoc/>
    public void OnBatch(RingBuffer<Command> ring, long first, long last)
    {
        long s = first;
        while (s <= last)
        {
            if (_faulted)
            {
                MarkUnexecuted(ring, s, last);
                return;
            }
            s = ExecuteRange(ring, s, last);
        }
    }

    /// <summary>Runs slots from <paramref name="first"/>; returns where to go on (past <paramref name="last"/> unless the core threw).</summary>
    private long ExecuteRange(RingBuffer<Command> ring, long first, long last)
    {
        long s = first;
        try
        {
            for (; s <= last; s++)
            {
                _executor.Execute(ref ring[s], _sink);
                _eventEnds[ring.IndexOf(s)] = _sink.LastPublished;
            }
            return s;
        }
        catch (Exception e)
        {
            OnCoreFault(ring, s, e);
            return s + 1;
        }
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

    /// <summary>Runs the waiting queries against the state after the last command run, then hands them to the responder.</summary>
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
        _responderBarrier.Alert();
    }
}
