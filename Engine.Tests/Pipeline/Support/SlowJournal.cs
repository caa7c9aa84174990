using TokenMatch.Commands;
using TokenMatch.Pipeline;

namespace TokenMatch.Tests.Pipeline.Support;

/// <summary>A journal that takes about a millisecond per batch, as a disk with an fsync per batch might.</summary>
internal sealed class SlowJournal : IJournalConsumer
{
    /// <inheritdoc/>
    public void OnCommands(ReadOnlySpan<Command> commands, bool endOfBatch)
    {
        if (endOfBatch) Thread.Sleep(1);
    }
}
