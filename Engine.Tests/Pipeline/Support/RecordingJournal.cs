using TokenMatch.Commands;
using TokenMatch.Pipeline;

namespace TokenMatch.Tests.Pipeline.Support;

/// <summary>
/// A journal that writes down, in order, every call it gets: each batch (its sequences, and
/// whether the call ended the batch), each checkpoint and each snapshot (a copy of its bytes).
/// It can be made to throw on the batch holding a given sequence, and to check that nothing of a
/// command was released before the journal had it (<see cref="DurableUpTo"/>).
/// </summary>
internal sealed class RecordingJournal : IJournalConsumer
{
    private readonly List<string> _calls = [];
    private long _durable = -1;
    private long _pending = -1;

    /// <summary>Every call, in order: "commands 0-9 end", "checkpoint 9 10", "snapshot 24 (8 bytes)".</summary>
    public List<string> Calls => _calls;

    /// <summary>Checkpoints received: (sequence, hash).</summary>
    public List<(long Sequence, ulong Hash)> Checkpoints { get; } = [];

    /// <summary>Snapshots received: (sequence, payload copy).</summary>
    public List<(long Sequence, byte[] Payload)> Snapshots { get; } = [];

    /// <summary>Commands recorded (copies of the input fields).</summary>
    public List<Command> Recorded { get; } = [];

    /// <summary>The batch holding this sequence throws (−1: never).</summary>
    public long FailAt { get; set; } = -1;

    /// <summary>Everything up to here has been passed with its batch's end-of-batch call returned (any thread).</summary>
    public long DurableUpTo => Volatile.Read(ref _durable);

    /// <summary>Spins this many iterations in each batch before recording it (a journal that takes a while).</summary>
    public int SpinPerBatch { get; set; }

    /// <summary>The first problem seen, or null.</summary>
    public string? Error { get; private set; }

    /// <inheritdoc/>
    public void OnCommands(ReadOnlySpan<Command> commands, bool endOfBatch)
    {
        if (commands.IsEmpty) { Error ??= "an empty span"; return; }
        long first = commands[0].Sequence, last = commands[^1].Sequence;
        if (FailAt >= first && FailAt <= last) throw new IOException($"Planted disk failure at {FailAt}.");
        if (SpinPerBatch > 0) Thread.SpinWait(SpinPerBatch);
        if (first != Math.Max(_pending, _durable) + 1) Error ??= $"batch from {first} after {Math.Max(_pending, _durable)}";
        foreach (Command c in commands) Recorded.Add(c);
        _calls.Add($"commands {first}-{last}{(endOfBatch ? " end" : "")}");
        _pending = last;
        if (endOfBatch) Volatile.Write(ref _durable, last);
    }

    /// <inheritdoc/>
    public void OnCheckpoint(long sequence, ulong stateHash)
    {
        if (sequence > _durable) Error ??= $"checkpoint {sequence} before its commands were durable ({_durable})";
        Checkpoints.Add((sequence, stateHash));
        _calls.Add($"checkpoint {sequence} {stateHash}");
    }

    /// <inheritdoc/>
    public void OnSnapshot(long sequence, ReadOnlySpan<byte> snapshot)
    {
        if (sequence > _durable) Error ??= $"snapshot {sequence} before its commands were durable ({_durable})";
        Snapshots.Add((sequence, snapshot.ToArray()));
        _calls.Add($"snapshot {sequence} ({snapshot.Length} bytes)");
    }
}
