using TokenMatch.Commands;

namespace TokenMatch.Pipeline;

/// <summary>
/// Receives the outcome of a posted command, exactly once, on the release thread, after the core
/// has run it, the journal has recorded it and its events have been delivered to subscribers. One
/// instance may serve any number of commands (no allocation per command). Keep it short: the next
/// answers wait for it.
/// </summary>
public interface ICommandCallback
{
    /// <summary>
    /// The command as the core left it: <see cref="Command.Result"/>, <see cref="Command.Sequence"/>,
    /// <see cref="Command.Timestamp"/> and <see cref="Command.EventCount"/> are set. The reference is
    /// valid only during the call.
    /// </summary>
    void OnResult(in Command command);
}
