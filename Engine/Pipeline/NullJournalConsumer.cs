using TokenMatch.Commands;

namespace TokenMatch.Pipeline;

/// <summary>A journal that records nothing: commands count as durable at once. Stateless.</summary>
public sealed class NullJournalConsumer : IJournalConsumer
{
    /// <summary>The shared instance.</summary>
    public static NullJournalConsumer Instance { get; } = new();

    /// <inheritdoc/>
    public void OnCommands(ReadOnlySpan<Command> commands, bool endOfBatch) { }
}
