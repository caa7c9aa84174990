using TokenMatch.Commands;
using TokenMatch.Pipeline;

namespace TokenMatch.Tests.Pipeline.Support;

/// <summary>Keeps each answer by sequence (responder thread; read after the host stops).</summary>
internal sealed class ResultCollector(int capacity) : ICommandCallback
{
    /// <summary>The answers, indexed by sequence.</summary>
    public Command[] Results { get; } = new Command[capacity];

    /// <inheritdoc/>
    public void OnResult(in Command command) => Results[command.Sequence] = command;
}
