using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using TokenMatch.Commands;
using TokenMatch.Util;

namespace TokenMatch.Pipeline;

public sealed partial class EngineHost
{
    /// <summary>True while commands are refused (before start, while stopping, after a fault). Written under the lifecycle lock or by Stop.</summary>
    private bool _closed = true;

    /// <summary>Producers between the gate check and publish; Stop waits for it to reach zero. Any thread, atomically.</summary>
    private int _activeProducers;

    private readonly ConcurrentQueue<CommandCompletion> _completions = new();

    /// <summary>
    /// Submits a command and returns its outcome: the command as the core left it (result code,
    /// sequence, timestamp, event count), once it is journaled and its events are delivered. A
    /// command that is not accepted completes at once with <see cref="Command.Result"/> =
    /// <see cref="ResultCode.RingFull"/> (ring full under <see cref="RingFullPolicy.Refuse"/>) or
    /// <see cref="ResultCode.ShuttingDown"/> (stopping, stopped or faulted) and a sequence of −1.
    /// The returned task must be awaited exactly once; it allocates nothing in steady state.
    /// </summary>
    public ValueTask<Command> SubmitAsync(in Command command)
    {
        if (!TryEnter(out ResultCode refusal)) return new ValueTask<Command>(Refused(command, refusal));
        try
        {
            if (!TryClaim(out long sequence)) return new ValueTask<Command>(Refused(command, ResultCode.RingFull));
            CommandCompletion completion = CommandCompletion.Rent(_completions);
            ValueTask<Command> task = completion.Task;
            Write(sequence, in command, _clock.UtcNowNanoseconds(), completion);
            _sequencer.Publish(sequence);
            return task;
        }
        finally
        {
            Exit();
        }
    }

    /// <summary>
    /// Posts a command; <paramref name="callback"/> (if any) gets its outcome exactly once, on the
    /// release thread. Returns <see cref="ResultCode.Ok"/> when accepted, else why not
    /// (<see cref="ResultCode.RingFull"/>, <see cref="ResultCode.ShuttingDown"/>) and the callback is not called.
    /// </summary>
    public ResultCode Post(in Command command, ICommandCallback? callback = null)
    {
        if (!TryEnter(out ResultCode refusal)) return refusal;
        try
        {
            if (!TryClaim(out long sequence)) return ResultCode.RingFull;
            Write(sequence, in command, _clock.UtcNowNanoseconds(), callback);
            _sequencer.Publish(sequence);
            return ResultCode.Ok;
        }
        finally
        {
            Exit();
        }
    }

    /// <summary>
    /// Posts <paramref name="commands"/> in order, claiming slots in chunks (one timestamp per
    /// chunk); <paramref name="callback"/> gets each outcome. Returns how many were accepted: all
    /// of them, or under <see cref="RingFullPolicy.Refuse"/> or when stopping, a prefix.
    /// </summary>
    public int PostBatch(ReadOnlySpan<Command> commands, ICommandCallback? callback = null)
    {
        if (commands.IsEmpty || !TryEnter(out _)) return 0;
        try
        {
            int posted = 0;
            int maxChunk = Math.Max(1, _commands.Size / 4);
            while (posted < commands.Length)
            {
                int n = Math.Min(commands.Length - posted, maxChunk);
                long last;
                if (_refuseWhenFull)
                {
                    if (!_sequencer.TryNext(n, out last)) break;
                }
                else
                {
                    last = _sequencer.Next(n);
                }
                long first = last - n + 1;
                long timestamp = _clock.UtcNowNanoseconds();
                for (int i = 0; i < n; i++) Write(first + i, in commands[posted + i], timestamp, callback);
                _sequencer.Publish(first, last);
                posted += n;
            }
            return posted;
        }
        finally
        {
            Exit();
        }
    }

    /// <summary>
    /// Claims a slot to be written in place (for a gateway decoding straight into the ring). On
    /// success the slot is cleared and stamped with its sequence and time; write the command's
    /// other fields through <see cref="SlotAt"/>, then call <see cref="PublishClaimed"/> exactly
    /// once, soon: every later command waits for it, and so does <see cref="Stop"/>.
    /// </summary>
    public bool TryClaim(out long sequence, out ResultCode refusal)
    {
        if (!TryEnter(out refusal))
        {
            sequence = -1;
            return false;
        }
        if (!TryClaim(out sequence))
        {
            Exit();
            refusal = ResultCode.RingFull;
            sequence = -1;
            return false;
        }
        ref Command slot = ref _commands[sequence];
        slot = default;
        slot.Sequence = sequence;
        slot.Timestamp = _clock.UtcNowNanoseconds();
        return true;
    }

    /// <summary>The slot of a sequence claimed with <see cref="TryClaim(out long, out ResultCode)"/>; leave its Sequence and Timestamp as stamped.</summary>
    public ref Command SlotAt(long sequence) => ref _commands[sequence];

    /// <summary>Publishes a claimed slot; <paramref name="callback"/> (if any) gets its outcome exactly once.</summary>
    public void PublishClaimed(long sequence, ICommandCallback? callback = null)
    {
        ref Command slot = ref _commands[sequence];
        slot.Sequence = sequence;
        slot.Result = ResultCode.Ok;
        slot.EventCount = 0;
        _pipeline.Callbacks[_commands.IndexOf(sequence)] = callback;
        _sequencer.Publish(sequence);
        Exit();
    }

    /// <summary>
    /// Submits <paramref name="settings"/> in order and waits for all of them; throws
    /// <see cref="InvalidOperationException"/> naming the first one rejected or refused.
    /// </summary>
    public async Task ApplySettingsAsync(IEnumerable<Command> settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var pending = new List<ValueTask<Command>>();
        foreach (Command setting in settings) pending.Add(SubmitAsync(setting));
        InvalidOperationException? failure = null;
        for (int i = 0; i < pending.Count; i++)
        {
            Command result = await pending[i].ConfigureAwait(false);
            if (result.Result != ResultCode.Ok && failure is null)
            {
                failure = new InvalidOperationException($"Setting #{i} ({result.Type}) was rejected: {result.Result}.");
            }
        }
        if (failure is not null) throw failure;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool TryClaim(out long sequence)
    {
        if (_refuseWhenFull) return _sequencer.TryNext(out sequence);
        sequence = _sequencer.Next();
        return true;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Write(long sequence, in Command command, long timestamp, ICommandCallback? callback)
    {
        ref Command slot = ref _commands[sequence];
        slot = command;
        slot.Sequence = sequence;
        slot.Timestamp = timestamp;
        slot.Result = ResultCode.Ok;
        slot.EventCount = 0;
        _pipeline.Callbacks[_commands.IndexOf(sequence)] = callback;
    }

    /// <summary>Lets a producer in, unless the host is closed. Pairs with the fence in <see cref="Stop"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool TryEnter(out ResultCode refusal)
    {
        Interlocked.Increment(ref _activeProducers);
        if (!Volatile.Read(ref _closed) && _pipeline.Status.Fault is null)
        {
            refusal = ResultCode.Ok;
            return true;
        }
        return Refuse(out refusal);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private bool Refuse(out ResultCode refusal)
    {
        Interlocked.Decrement(ref _activeProducers);
        if (State == EngineHostState.Created) ThrowHelper.ThrowInvalidOperation("The host has not been started.");
        refusal = ResultCode.ShuttingDown;
        return false;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Exit() => Interlocked.Decrement(ref _activeProducers);

    private static Command Refused(in Command command, ResultCode code)
    {
        Command refused = command;
        refused.Result = code;
        refused.Sequence = -1;
        refused.EventCount = 0;
        return refused;
    }
}
