using TokenMatch.Commands;

namespace TokenMatch.Pipeline;

/// <summary>
/// The journal: reads the same command slots as the core, in parallel with it, on the
/// journal-and-release thread (which owns the implementation's state). Results, events and query
/// answers are held back until the journal has returned for a command, so nothing about a
/// command leaves the process before its record is durable. A journal that throws is fatal to the
/// host (<see cref="EngineHost.Fault"/>): nothing from the failed batch on is released.
/// </summary>
public interface IJournalConsumer
{
    /// <summary>
    /// Records the commands of a batch, in sequence order. A batch arrives in one or two calls
    /// (two when it wraps around the ring); <paramref name="endOfBatch"/> is true on the last. When
    /// the call with <paramref name="endOfBatch"/> returns, every command so far must be durable
    /// under the journal's policy. Only the input fields may be read: the core writes
    /// <see cref="Command.Result"/> and <see cref="Command.EventCount"/> concurrently. The span is
    /// valid only during the call.
    /// </summary>
    void OnCommands(ReadOnlySpan<Command> commands, bool endOfBatch);

    /// <summary>
    /// The core's <see cref="Core.ExchangeCore.StateHash"/> right after command
    /// <paramref name="sequence"/> ran (every <see cref="EngineHostOptions.CheckpointInterval"/>
    /// commands). Called on the journal's thread, only after every command up to
    /// <paramref name="sequence"/> has been passed to <see cref="OnCommands"/> and that batch's
    /// <c>endOfBatch</c> call has returned. Does nothing unless implemented.
    /// </summary>
    void OnCheckpoint(long sequence, ulong stateHash) { }

    /// <summary>
    /// A full engine snapshot (<see cref="Core.ExchangeCore.WriteSnapshot"/>'s payload, no file
    /// framing) right after command <paramref name="sequence"/> ran: every
    /// <see cref="EngineHostOptions.SnapshotInterval"/> commands and after each accepted
    /// <see cref="CommandType.Snapshot"/> command. Called on the journal's thread, only after every
    /// command up to <paramref name="sequence"/> has been passed to <see cref="OnCommands"/> and that
    /// batch's <c>endOfBatch</c> call has returned. The span is valid only during the call. Does
    /// nothing unless implemented.
    /// </summary>
    void OnSnapshot(long sequence, ReadOnlySpan<byte> snapshot) { }
}
