using TokenMatch.Commands;
using TokenMatch.Core;

namespace TokenMatch.Journal.Writing;

/// <summary>
/// Journals commands run straight through a core, without a pipeline (<c>tokenmatch run --journal</c>,
/// <c>import lobster --journal</c>): numbers them from 0, collects them in batches of
/// <see cref="BatchSize"/> for the writer's group commit, and records a checkpoint every
/// <c>checkpointInterval</c> commands and at the end. Owned by the caller's thread.
/// </summary>
public sealed class JournalRecorder : IDisposable
{
    /// <summary>Commands per group commit.</summary>
    public const int BatchSize = 4096;

    private readonly JournalWriter _writer;
    private readonly long _checkpointInterval;
    private readonly Command[] _batch = new Command[BatchSize];
    private int _count;
    private long _next;
    private long _lastCheckpoint = -1;

    /// <summary>Starts a new journal in <paramref name="directory"/>, which must hold no segment yet.</summary>
    public JournalRecorder(string directory, long checkpointInterval = 100_000, JournalWriterOptions? options = null)
    {
        if (TokenMatch.Journal.Format.JournalFiles.Segments(directory).Count > 0)
            throw new IOException($"{directory} already holds a journal; give an empty or new directory.");
        _writer = new JournalWriter(directory, 0, options);
        _checkpointInterval = checkpointInterval;
    }

    /// <summary>Gives <paramref name="command"/> the next sequence and records it. Call before running it.</summary>
    public void Record(ref Command command)
    {
        command.Sequence = _next++;
        _batch[_count++] = command;
        if (_count == BatchSize) Commit();
    }

    /// <summary>Call after the recorded command ran: takes a checkpoint when one is due.</summary>
    public void Ran(ExchangeCore core)
    {
        if (_checkpointInterval > 0 && _next % _checkpointInterval == 0) Checkpoint(core);
    }

    /// <summary>Writes what is pending and a final checkpoint of <paramref name="core"/>'s state.</summary>
    public void Complete(ExchangeCore core)
    {
        if (_next > 0 && _lastCheckpoint != _next - 1) Checkpoint(core);
        Commit();
        _writer.Flush();
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        Commit();
        _writer.Dispose();
    }

    private void Checkpoint(ExchangeCore core)
    {
        Commit();
        _lastCheckpoint = _next - 1;
        _writer.OnCheckpoint(_lastCheckpoint, core.StateHash());
    }

    private void Commit()
    {
        if (_count == 0) return;
        _writer.OnCommands(_batch.AsSpan(0, _count), true);
        _count = 0;
    }
}
