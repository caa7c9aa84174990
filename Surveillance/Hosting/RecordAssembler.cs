using TokenMatch.Commands;
using TokenMatch.Events;
using TokenMatch.Surveillance.Model;

namespace TokenMatch.Surveillance.Hosting;

/// <summary>
/// Pairs a stream of commands with the stream of their events and feeds the
/// <see cref="SurveillanceEngine"/> one (command, events) record at a time, in sequence order.
/// A command's events are complete once an event of a later command arrives, the source says so
/// (<see cref="CompleteThrough"/>: the pipeline's release stage after each delivery), or the input
/// ends, because the core emits events in command order; commands that emit nothing (a
/// heartbeat, a time command) pass with no events. Every command must be added before its events (the pipeline
/// guarantees it: events are released only after the journal stage has seen their command).
/// Owned by one thread.
/// </summary>
public sealed class RecordAssembler(SurveillanceEngine engine)
{
    private readonly Queue<Command> _pending = new();
    private readonly List<Event> _events = new();
    private long _eventsSequence = long.MinValue;

    /// <summary>Commands given whose events never came (their sequence was never matched): should stay 0.</summary>
    public long OrphanEvents { get; private set; }

    /// <summary>Set (from any thread) to stop feeding the engine at once: records are dropped from then on.</summary>
    public bool Abandoned { get => Volatile.Read(ref _abandoned); set => Volatile.Write(ref _abandoned, value); }

    private bool _abandoned;

    /// <summary>The engine fed.</summary>
    public SurveillanceEngine Engine => engine;

    /// <summary>The result a command got, read from its events: the rejected event's code, else Ok.</summary>
    public static ResultCode ResultOf(ReadOnlySpan<Event> events)
    {
        foreach (ref readonly Event e in events)
            if (e.Type == EventType.Rejected) return e.Code;
        return ResultCode.Ok;
    }

    /// <summary>Adds commands (their input fields and sequence are read; result fields are ignored).</summary>
    public void AddCommands(ReadOnlySpan<Command> commands)
    {
        foreach (Command c in commands) _pending.Enqueue(c);
    }

    /// <summary>Adds events, in order.</summary>
    public void AddEvents(ReadOnlySpan<Event> events)
    {
        foreach (ref readonly Event e in events)
        {
            if (e.Sequence != _eventsSequence)
            {
                FlushBefore(e.Sequence);
                _eventsSequence = e.Sequence;
            }
            _events.Add(e);
        }
    }

    /// <summary>
    /// Every event of the commands up to <paramref name="sequence"/> has been added: passes them now, so
    /// the last command before an idle spell is judged when it ran, not when the next command's events come.
    /// </summary>
    public void CompleteThrough(long sequence)
    {
        if (Abandoned || sequence == long.MaxValue) return;
        FlushBefore(sequence + 1);
    }

    /// <summary>
    /// Passes every pending command now, with the events seen so far, without completing the engine: for
    /// an input that pauses at a command boundary and continues elsewhere (a recovered journal before
    /// the live host takes over). Events of those commands that arrive later would be orphans.
    /// </summary>
    public void Flush()
    {
        if (Abandoned) return;
        FlushBefore(long.MaxValue);
        _eventsSequence = long.MinValue;
    }

    /// <summary>The input has ended: passes every pending command and completes the engine.</summary>
    public void Complete()
    {
        if (Abandoned) return;
        FlushBefore(long.MaxValue);
        if (_events.Count > 0) OrphanEvents += _events.Count;
        _events.Clear();
        engine.Complete();
    }

    private void FlushBefore(long sequence)
    {
        while (_pending.Count > 0 && _pending.Peek().Sequence < sequence)
        {
            Command c = _pending.Dequeue();
            if (c.Sequence == _eventsSequence)
            {
                Pass(c, System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_events));
                _events.Clear();
            }
            else Pass(c, []);
        }
        // Events of a command never added (a sequence gap) are dropped and counted, never guessed at.
        if (_events.Count > 0 && _eventsSequence < sequence)
        {
            OrphanEvents += _events.Count;
            _events.Clear();
        }
    }

    private void Pass(in Command c, ReadOnlySpan<Event> events)
    {
        if (Abandoned) return;
        long time = SurveillanceState.TimeOf(c, events, engine.State.Clock);
        engine.Observe(new CommandRecord(c, ResultOf(events), time, events));
    }
}
