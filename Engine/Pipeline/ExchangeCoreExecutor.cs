using System.Buffers;
using System.Runtime.CompilerServices;
using TokenMatch.Commands;
using TokenMatch.Core;
using TokenMatch.Events;

namespace TokenMatch.Pipeline;

/// <summary>Runs commands on an <see cref="ExchangeCore"/> (owned by the core thread).</summary>
internal readonly struct ExchangeCoreExecutor(ExchangeCore core) : ICommandExecutor
{
    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Execute(ref Command command, IEventSink sink) => core.Execute(ref command, sink);

    /// <inheritdoc/>
    public object QueryTarget => core;

    /// <inheritdoc/>
    public ulong StateHash() => core.StateHash();

    /// <inheritdoc/>
    public void WriteSnapshot(IBufferWriter<byte> output) => core.WriteSnapshot(output);
}
