using TokenMatch.Commands;
using TokenMatch.Pipeline;

namespace TokenMatch.Tests.Pipeline.Support;

/// <summary>Counts answers per sequence (so a second answer is caught) and checks them.</summary>
internal sealed class CountingCallback(int capacity) : ICommandCallback
{
    private readonly int[] _answers = new int[capacity];
    private long _total;

    /// <summary>Answers so far.</summary>
    public long Total => Volatile.Read(ref _total);

    /// <summary>Runs on the responder thread before counting (tests use it to look at other stages).</summary>
    public Action<Command>? OnAnswer { get; set; }

    /// <summary>First problem seen, or null.</summary>
    public string? Error { get; private set; }

    /// <summary>How many times sequence <paramref name="sequence"/> was answered.</summary>
    public int AnswersFor(long sequence) => Volatile.Read(ref _answers[sequence]);

    /// <inheritdoc/>
    public void OnResult(in Command command)
    {
        if (command.Result != ResultCode.Ok) Error ??= $"Command {command.Sequence}: {command.Result}.";
        OnAnswer?.Invoke(command);
        Interlocked.Increment(ref _answers[command.Sequence]);
        Interlocked.Increment(ref _total);
    }
}
