using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using TokenMatch.Commands;

namespace TokenMatch.Pipeline;

/// <summary>
/// Stage 3b: answers each command's submitter, after the core has run it, the journal has
/// recorded it and the event stage has delivered its events; then the slot is free for producers.
/// Also answers queries once every command they reflect has been answered. Owned by the responder
/// thread, including the <see cref="_callbacks"/> entries of the slots it is handling.
/// </summary>
internal readonly struct ResponderStage : IBatchHandler<Command>
{
    private readonly ICommandCallback?[] _callbacks;
    private readonly long[] _eventEnds;
    private readonly Sequence _eventSequence;
    private readonly Sequence _sequence;
    private readonly ConcurrentQueue<QueryWork> _answers;
    private readonly List<QueryWork> _waitingAnswers;
    private readonly PipelineStatus _status;

    public ResponderStage(ICommandCallback?[] callbacks, long[] eventEnds, Sequence eventSequence, Sequence sequence,
        ConcurrentQueue<QueryWork> answers, PipelineStatus status)
    {
        _callbacks = callbacks;
        _eventEnds = eventEnds;
        _eventSequence = eventSequence;
        _sequence = sequence;
        _answers = answers;
        _waitingAnswers = [];
        _status = status;
    }

    /// <inheritdoc/>
    public void OnBatch(RingBuffer<Command> ring, long first, long last)
    {
        long eventsNeeded = _eventEnds[ring.IndexOf(last)];
        if (_eventSequence.Value < eventsNeeded) WaitForEvents(eventsNeeded);

        for (long s = first; s <= last; s++)
        {
            int index = ring.IndexOf(s);
            ICommandCallback? callback = _callbacks[index];
            if (callback is null) continue;
            _callbacks[index] = null;
            Answer(callback, ref ring[s]);
        }
        if (!_answers.IsEmpty || _waitingAnswers.Count > 0) AnswerQueries(last);
    }

    private void Answer(ICommandCallback callback, ref Command command)
    {
        try
        {
            callback.OnResult(in command);
        }
        catch (Exception e)
        {
            _status.Report(e);
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void WaitForEvents(long needed)
    {
        SpinWait spin = default;
        while (_eventSequence.Value < needed) spin.SpinOnce();
    }

    /// <inheritdoc/>
    public void OnAlert() => AnswerQueries(_sequence.Value);

    /// <summary>Answers the queries whose commands have all been answered (up to <paramref name="answeredUpTo"/>).</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private void AnswerQueries(long answeredUpTo)
    {
        while (_answers.TryDequeue(out QueryWork? work)) _waitingAnswers.Add(work);
        for (int i = 0; i < _waitingAnswers.Count; i++)
        {
            QueryWork work = _waitingAnswers[i];
            if (work.AfterSequence > answeredUpTo) continue;
            work.Complete();
            _status.QueryAnswered();
            _waitingAnswers.RemoveAt(i--);
        }
    }
}
