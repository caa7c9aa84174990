using System.Collections.Concurrent;
using System.Threading.Tasks.Sources;
using TokenMatch.Commands;

namespace TokenMatch.Pipeline;

/// <summary>
/// The awaitable behind <see cref="EngineHost.SubmitAsync"/>: a pooled value-task source, so that
/// awaiting a result allocates nothing in steady state. Rented by the submitting thread, completed
/// by the release thread, returned to the pool when the awaiter reads the result (so its
/// <see cref="System.Threading.Tasks.ValueTask{TResult}"/> must be awaited exactly once).
/// </summary>
internal sealed class CommandCompletion : IValueTaskSource<Command>, ICommandCallback
{
    private readonly ConcurrentQueue<CommandCompletion> _pool;
    private ManualResetValueTaskSourceCore<Command> _source;

    private CommandCompletion(ConcurrentQueue<CommandCompletion> pool)
    {
        _pool = pool;
        // Never run the awaiter's continuation on the release thread: it would stall every answer after it.
        _source.RunContinuationsAsynchronously = true;
    }

    /// <summary>Takes a completion from <paramref name="pool"/>, or makes one.</summary>
    public static CommandCompletion Rent(ConcurrentQueue<CommandCompletion> pool) =>
        pool.TryDequeue(out CommandCompletion? completion) ? completion : new CommandCompletion(pool);

    /// <summary>The task the submitter awaits.</summary>
    public ValueTask<Command> Task => new(this, _source.Version);

    /// <inheritdoc/>
    public void OnResult(in Command command) => _source.SetResult(command);

    /// <inheritdoc/>
    public Command GetResult(short token)
    {
        try
        {
            return _source.GetResult(token);
        }
        finally
        {
            _source.Reset();
            _pool.Enqueue(this);
        }
    }

    /// <inheritdoc/>
    public ValueTaskSourceStatus GetStatus(short token) => _source.GetStatus(token);

    /// <inheritdoc/>
    public void OnCompleted(Action<object?> continuation, object? state, short token, ValueTaskSourceOnCompletedFlags flags) =>
        _source.OnCompleted(continuation, state, token, flags);
}
