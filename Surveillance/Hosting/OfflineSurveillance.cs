using TokenMatch.Commands;
using TokenMatch.Core;
using TokenMatch.Events;

namespace TokenMatch.Surveillance.Hosting;

/// <summary>
/// Surveillance over a recorded command list (a script, a journal's commands): runs the commands
/// through a fresh <see cref="ExchangeCore"/> on the calling thread and hands each command with
/// its events to the engine, exactly as a live <see cref="SurveillanceHost"/> would see them.
/// </summary>
public static class OfflineSurveillance
{
    /// <summary>
    /// Runs <paramref name="commands"/> (their sequences are kept when <paramref name="renumber"/>
    /// is false, else numbered 0, 1, 2, …) and completes the engine (unless <paramref name="complete"/>
    /// is false: then the detectors see every command and judge nothing more, as a live server that stops
    /// and will restart on the same journal). Returns the core, whose
    /// <see cref="ExchangeCore.StateHash"/> is the state the commands lead to.
    /// </summary>
    public static ExchangeCore Run(IEnumerable<Command> commands, SurveillanceEngine engine, bool renumber = true, bool complete = true)
    {
        var core = new ExchangeCore();
        var assembler = new RecordAssembler(engine);
        var sink = new Forward(assembler);
        long sequence = 0;
        Command[] one = new Command[1];
        foreach (Command parsed in commands)
        {
            Command c = parsed;
            if (renumber) c.Sequence = sequence++;
            one[0] = c;
            assembler.AddCommands(one);
            core.Execute(ref c, sink);
        }
        if (complete) assembler.Complete();
        else assembler.Flush();
        return core;
    }

    private sealed class Forward(RecordAssembler assembler) : IEventSink
    {
        public void OnEvents(ReadOnlySpan<Event> events) => assembler.AddEvents(events);
    }
}
