using System.Buffers;
using TokenMatch.Commands;
using TokenMatch.Events;

namespace TokenMatch.Pipeline;

/// <summary>
/// What the core stage runs for each command: <see cref="ExchangeCoreExecutor"/> in production, a
/// simple stand-in in pipeline tests and benchmarks. Called only on the core thread, which owns
/// the executor and everything it reaches.
/// </summary>
internal interface ICommandExecutor
{
    /// <summary>Runs one command in its slot: writes its result and event count, hands its events to <paramref name="sink"/>.</summary>
    void Execute(ref Command command, IEventSink sink);

    /// <summary>The object queries run against (on the core thread, or while the pipeline is stopped).</summary>
    object QueryTarget { get; }

    /// <summary>The state hash after the last command run (checkpoints).</summary>
    ulong StateHash();

    /// <summary>Writes a snapshot of the state after the last command run.</summary>
    void WriteSnapshot(IBufferWriter<byte> output);
}
