using TokenMatch.Commands;
using TokenMatch.Events;

namespace TokenMatch.Surveillance.Model;

/// <summary>
/// One command with the events it produced, as the detectors see it: valid only during the call
/// it is passed to. <see cref="Result"/> is the core's verdict (from the command where the core
/// wrote it, else from its rejected event); <see cref="Time"/> the engine time it ran at.
/// </summary>
public readonly ref struct CommandRecord
{
    /// <summary>Builds a record.</summary>
    public CommandRecord(in Command command, ResultCode result, long time, ReadOnlySpan<Event> events)
    {
        Command = command;
        Result = result;
        Time = time;
        Events = events;
    }

    /// <summary>The command's input fields (and its sequence).</summary>
    public Command Command { get; }

    /// <summary>The core's verdict.</summary>
    public ResultCode Result { get; }

    /// <summary>Engine time the command ran at (ns; never earlier than the previous command's).</summary>
    public long Time { get; }

    /// <summary>The command's events, in order.</summary>
    public ReadOnlySpan<Event> Events { get; }

    /// <summary>The command's sequence.</summary>
    public long Sequence => Command.Sequence;
}
