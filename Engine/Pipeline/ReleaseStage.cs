using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using TokenMatch.Commands;
using TokenMatch.Events;
using TokenMatch.Util;

namespace TokenMatch.Pipeline;

/// <summary>
/// Stage 2b, the journal-and-release thread. In a loop it (1) hands every newly published command
/// to the journal as one batch (group commit: the last call says <c>endOfBatch</c>), (2) delivers
/// to subscribers every event whose command the journal has, (3) answers every command the core
/// has run and the journal has, then the checkpoints, snapshots and queries they cover, and frees
/// those slots for producers. The journal never waits for the core and the event feed never waits
/// for a command to finish, so a core waiting for event-ring space is always unblocked by this
/// thread (docs/architecture.md, Bursts). Everything here — the journal implementation, the
/// subscribers' calls, the callbacks, the answered slots, <see cref="_waitingQueries"/> — is owned
/// by the release thread; <see cref="Halt"/> may be called from any thread.
/// </summary>
internal sealed class ReleaseStage : IStageProcessor
{
    private readonly RingBuffer<Command> _commands;
    private readonly Sequencer _sequencer;
    private readonly RingBuffer<Event> _events;
    private readonly Sequence _eventCursor;
    private readonly SequenceBarrier _barrier;
    private readonly IJournalConsumer _journal;
    private readonly ICommandCallback?[] _callbacks;
    private readonly long[] _eventEnds;
    private readonly Sequence _coreSequence;
    private readonly Sequence _eventSequence;
    private readonly ConcurrentQueue<QueryWork> _answers;
    private readonly List<QueryWork> _waitingQueries = [];
    private readonly CoreNotes _notes;
    private readonly SubscriberList _subscribers;
    private readonly PipelineStatus _status;
    private volatile bool _halted;
    private int _running;

    /// <summary>The last command handed to the journal (release thread).</summary>
    private long _journaled;
    /// <summary>The last event delivered or dropped (release thread; published in <see cref="_eventSequence"/>).</summary>
    private long _delivered;
    /// <summary>The first command of the batch the journal failed on; nothing from it on leaves the process.</summary>
    private long _journalFailedAt = long.MaxValue;
    /// <summary>The last command subscribers were told is complete (<see cref="IEventSubscriber.OnCompleted"/>).</summary>
    private long _completed;

    public ReleaseStage(RingBuffer<Command> commands, RingBuffer<Event> events, SequenceBarrier barrier, IJournalConsumer journal,
        ICommandCallback?[] callbacks, long[] eventEnds, Sequence coreSequence, Sequence releaseSequence, Sequence eventSequence,
        ConcurrentQueue<QueryWork> answers, CoreNotes notes, SubscriberList subscribers, PipelineStatus status)
    {
        _commands = commands;
        _sequencer = commands.Sequencer;
        _events = events;
        _eventCursor = events.Sequencer.Cursor;
        _barrier = barrier;
        _journal = journal;
        _callbacks = callbacks;
        _eventEnds = eventEnds;
        _coreSequence = coreSequence;
        Sequence = releaseSequence;
        _eventSequence = eventSequence;
        _answers = answers;
        _notes = notes;
        _subscribers = subscribers;
        _status = status;
        _journaled = releaseSequence.Value;
        _delivered = eventSequence.Value;
        _completed = releaseSequence.Value;
    }

    /// <summary>The last command answered and freed: producers gate on it.</summary>
    public Sequence Sequence { get; }

    /// <summary>Journals and releases until halted; after <see cref="Halt"/> it still finishes everything it can.</summary>
    public void Run()
    {
        if (Interlocked.Exchange(ref _running, 1) != 0) ThrowHelper.ThrowInvalidOperation("The release stage is already running.");
        while (true)
        {
            if (Step()) continue;
            if (_halted) return;
            // Clear, fence, look again, then wait: an alert raised after the clear is never lost,
            // and one raised before it comes with progress the second look sees.
            _barrier.ClearAlert();
            Interlocked.MemoryBarrier();
            if (Step()) continue;
            _barrier.WaitFor(_journaled + 1);
        }
    }

    /// <summary>Asks the stage to stop once nothing more can be done (any thread).</summary>
    public void Halt()
    {
        _halted = true;
        _barrier.Alert();
    }

    /// <summary>One round: journal, deliver, answer. True when anything moved.</summary>
    private bool Step()
    {
        bool progress = false;
        long cursor = _sequencer.Cursor.Value;
        if (cursor > _journaled)
        {
            long published = _sequencer.GetHighestPublishedSequence(_journaled + 1, cursor);
            if (published > _journaled)
            {
                Journal(_journaled + 1, published);
                _journaled = published;
                progress = true;
            }
        }

        // The core stores its sequence after publishing the events of the commands it covers, so
        // reading it first guarantees that the event cursor read next includes all of them.
        long core = _coreSequence.Value;
        long events = _eventCursor.Value;
        if (events > _delivered) progress |= DeliverEvents(events);
        // Every event of the commands up to the core's sequence was published before that sequence was
        // stored, so after the delivery above those that the journal has (and did not fail on) are complete.
        long complete = Math.Min(core, Math.Min(_journaled, _journalFailedAt - 1));
        if (complete > _completed) NotifyCompleted(complete);

        long releasable = Math.Min(core, _journaled);
        if (!_notes.IsEmpty) progress |= HandNotes();
        if (releasable > Sequence.Value)
        {
            Answer(Sequence.Value + 1, releasable);
            progress = true;
        }
        if (!_answers.IsEmpty || _waitingQueries.Count > 0) progress |= AnswerQueries(Sequence.Value);
        return progress;
    }

    /// <summary>Hands commands to the journal: one batch, in one or two spans; a failure is fatal.</summary>
    private void Journal(long first, long last)
    {
        if (_journalFailedAt != long.MaxValue) return;
        try
        {
            _commands.GetSpans(first, last, out Span<Command> head, out Span<Command> tail);
            _journal.OnCommands(head, tail.IsEmpty);
            if (!tail.IsEmpty) _journal.OnCommands(tail, true);
        }
        catch (Exception e)
        {
            OnJournalFault(first, e);
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void OnJournalFault(long first, Exception e)
    {
        _journalFailedAt = first;
        _status.JournalFailed(first);
        _status.ReportFatal(new InvalidOperationException(
            $"The journal failed on the batch from command {first}; the engine stopped, and nothing from that command on was released.", e));
    }

    /// <summary>Delivers every published event whose command the journal has (and drops those of unjournaled commands after a failure).</summary>
    private bool DeliverEvents(long cursor)
    {
        long limit = Math.Min(_journaled, _journalFailedAt - 1);
        long first = _delivered + 1;
        long deliverable = LastEventAtOrBefore(first, cursor, limit);
        if (deliverable >= first)
        {
            IEventSubscriber[] current = _subscribers.Items;
            if (current.Length > 0)
            {
                _events.GetSpans(first, deliverable, out Span<Event> head, out Span<Event> tail);
                foreach (IEventSubscriber subscriber in current)
                {
                    Deliver(subscriber, head);
                    if (!tail.IsEmpty) Deliver(subscriber, tail);
                }
            }
        }
        long done = deliverable;
        // After a journal failure the events of commands the journal never recorded are dropped,
        // so the ring drains and the core (which stops executing) is never left waiting for space.
        if (_journalFailedAt != long.MaxValue && done < cursor) done = LastEventAtOrBefore(done + 1, cursor, _journaled);
        if (done < first) return false;
        _delivered = done;
        _eventSequence.SetValue(done);
        return true;
    }

    /// <summary>The last event in <paramref name="first"/>..<paramref name="last"/> whose command is at or before <paramref name="limit"/> (events are in command order), or first − 1.</summary>
    private long LastEventAtOrBefore(long first, long last, long limit)
    {
        if (_events[last].Sequence <= limit) return last;
        long lo = first - 1, hi = last;
        // Invariant: events up to lo qualify, events from hi on do not.
        while (hi - lo > 1)
        {
            long mid = lo + (hi - lo) / 2;
            if (_events[mid].Sequence <= limit) lo = mid;
            else hi = mid;
        }
        return lo;
    }

    private void NotifyCompleted(long sequence)
    {
        _completed = sequence;
        foreach (IEventSubscriber subscriber in _subscribers.Items)
        {
            try
            {
                subscriber.OnCompleted(sequence);
            }
            catch (Exception e)
            {
                _status.Report(e);
            }
        }
    }

    private void Deliver(IEventSubscriber subscriber, ReadOnlySpan<Event> events)
    {
        try
        {
            subscriber.OnEvents(events);
        }
        catch (Exception e)
        {
            _status.Report(e);
        }
    }

    /// <summary>Answers commands <paramref name="first"/>..<paramref name="last"/> (run by the core, journaled, events delivered) and frees their slots.</summary>
    private void Answer(long first, long last)
    {
        for (long s = first; s <= last; s++)
        {
            int index = _commands.IndexOf(s);
            ICommandCallback? callback = _callbacks[index];
            if (s >= _journalFailedAt) Unrecorded(ref _commands[s]);
            if (callback is null) continue;
            _callbacks[index] = null;
            try
            {
                callback.OnResult(in _commands[s]);
            }
            catch (Exception e)
            {
                _status.Report(e);
            }
        }
        Sequence.SetValue(last);
    }

    /// <summary>A command the journal never recorded: recovery will not have it, so it is answered as not done.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void Unrecorded(ref Command command)
    {
        command.Result = ResultCode.ShuttingDown;
        command.EventCount = 0;
    }

    /// <summary>Hands the journal the checkpoints and snapshots of commands it has recorded.</summary>
    private bool HandNotes()
    {
        bool any = false;
        while (_notes.TryTake(_journaled, out CoreNote note))
        {
            any = true;
            if (note.Sequence >= _journalFailedAt) continue;
            if (note.Snapshot is null) Checkpoint(note);
            else Snapshot(note);
        }
        return any;
    }

    private void Checkpoint(CoreNote note)
    {
        try
        {
            _journal.OnCheckpoint(note.Sequence, note.Hash);
        }
        catch (Exception e)
        {
            // A checkpoint is part of the journal's stream: a failure to record it is a failed
            // journal. The commands it has already confirmed stay confirmed.
            OnJournalFault(_journaled + 1, e);
        }
    }

    private void Snapshot(CoreNote note)
    {
        try
        {
            _journal.OnSnapshot(note.Sequence, note.Snapshot!.WrittenSpan);
        }
        catch (Exception e)
        {
            // A lost snapshot costs a longer replay, not correctness: reported, not fatal.
            _status.Report(new InvalidOperationException($"The journal failed to store the snapshot after command {note.Sequence}.", e));
        }
        _notes.Return(note.Snapshot!);
    }

    /// <summary>Answers the queries whose commands have all been answered (up to <paramref name="answeredUpTo"/>).</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private bool AnswerQueries(long answeredUpTo)
    {
        bool any = false;
        while (_answers.TryDequeue(out QueryWork? work)) _waitingQueries.Add(work);
        for (int i = 0; i < _waitingQueries.Count; i++)
        {
            QueryWork work = _waitingQueries[i];
            if (work.AfterSequence > answeredUpTo) continue;
            if (work.AfterSequence >= _journalFailedAt)
                work.Fail(new InvalidOperationException("The journal failed before the commands this query reflects were recorded."));
            else work.Complete();
            _status.QueryAnswered();
            _waitingQueries.RemoveAt(i--);
            any = true;
        }
        return any;
    }
}
