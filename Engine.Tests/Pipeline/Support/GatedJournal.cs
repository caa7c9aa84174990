using TokenMatch.Commands;
using TokenMatch.Pipeline;

namespace TokenMatch.Tests.Pipeline.Support;

/// <summary>A journal that keeps copies of the commands it is given and can be held shut.</summary>
internal sealed class GatedJournal : IJournalConsumer
{
    private readonly List<Command> _recorded = [];

    /// <summary>While reset, the journal waits before recording (as if a disk were slow).</summary>
    public ManualResetEventSlim Gate { get; } = new(true);

    /// <summary>Commands recorded (journal thread; read after the host stops).</summary>
    public List<Command> Recorded => _recorded;

    /// <summary>Batches that arrived (incremented before waiting at the gate).</summary>
    public int Arrived => Volatile.Read(ref _arrived);

    private int _arrived;

    /// <inheritdoc/>
    public void OnCommands(ReadOnlySpan<Command> commands, bool endOfBatch)
    {
        Interlocked.Increment(ref _arrived);
        Gate.Wait(TestWait.Timeout);
        foreach (Command c in commands) _recorded.Add(c);
    }
}
