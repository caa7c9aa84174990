using System.Buffers;
using System.Buffers.Binary;
using TokenMatch.Commands;
using TokenMatch.Events;
using TokenMatch.Pipeline;

namespace TokenMatch.Tests.Pipeline.Support;

/// <summary>
/// A stand-in for the matching core: answers every command Ok and emits <see cref="Command.Quantity"/>
/// events for it (Quantity = the event's index within the command), through a reused buffer as
/// the real core does. It checks, on the core thread, that sequences arrive without gaps and that
/// each producer's commands (producer in <see cref="Command.Account"/>, its counter in
/// <see cref="Command.ClientId"/>) arrive in order. A command with <see cref="Command.Price"/> = −1 throws.
/// </summary>
internal sealed class FakeExecutor : ICommandExecutor
{
    private readonly Event[] _buffer = new Event[4096];
    private readonly Dictionary<int, long> _lastClientId = [];
    private long _expectedSequence;
    private long _executed;

    /// <summary>Commands run so far (readable from any thread).</summary>
    public long Executed => Volatile.Read(ref _executed);

    /// <summary>First ordering problem seen, or null (readable after the pipeline has stopped).</summary>
    public string? Error { get; private set; }

    /// <summary>Called on the core thread after each command (tests use it to block or observe the core).</summary>
    public Action<Command>? AfterExecute { get; set; }

    /// <inheritdoc/>
    public object QueryTarget => this;

    /// <summary>The "state hash": commands run so far, so a checkpoint says where the core was.</summary>
    public ulong StateHash() => (ulong)_executed;

    /// <summary>The "snapshot": commands run so far, as 8 bytes.</summary>
    public void WriteSnapshot(IBufferWriter<byte> output)
    {
        BinaryPrimitives.WriteInt64LittleEndian(output.GetSpan(8), _executed);
        output.Advance(8);
    }

    /// <inheritdoc/>
    public void Execute(ref Command command, IEventSink sink)
    {
        if (command.Price == -1) throw new InvalidOperationException("Planted failure.");
        if (command.Sequence != _expectedSequence) Error ??= $"Sequence {command.Sequence}, expected {_expectedSequence}.";
        _expectedSequence = command.Sequence + 1;
        if (command.ClientId != 0)
        {
            _lastClientId.TryGetValue(command.Account, out long last);
            if (command.ClientId != last + 1) Error ??= $"Producer {command.Account}: {command.ClientId} after {last}.";
            _lastClientId[command.Account] = command.ClientId;
        }

        long count = command.Quantity;
        int filled = 0;
        for (long i = 0; i < count; i++)
        {
            _buffer[filled++] = new Event
            {
                Type = EventType.Accepted, Command = command.Type, Sequence = command.Sequence,
                Timestamp = command.Timestamp, Account = command.Account, Quantity = i,
            };
            if (filled == _buffer.Length)
            {
                sink.OnEvents(_buffer);
                filled = 0;
            }
        }
        if (filled > 0) sink.OnEvents(_buffer.AsSpan(0, filled));
        command.Result = ResultCode.Ok;
        command.EventCount = (int)Math.Min(count, int.MaxValue);
        Volatile.Write(ref _executed, _executed + 1);
        AfterExecute?.Invoke(command);
    }
}
