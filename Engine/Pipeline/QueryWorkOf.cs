namespace TokenMatch.Pipeline;

/// <summary>A query returning <typeparamref name="TResult"/> from a <typeparamref name="TTarget"/>.</summary>
internal sealed class QueryWork<TTarget, TResult>(Func<TTarget, TResult> query) : QueryWork where TTarget : class
{
    private readonly TaskCompletionSource<TResult> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private TResult? _result;
    private Exception? _exception;

    /// <summary>The caller's task.</summary>
    public Task<TResult> Task => _completion.Task;

    /// <inheritdoc/>
    public override void Run(object target)
    {
        try
        {
            _result = target is TTarget typed
                ? query(typed)
                : throw new InvalidOperationException($"This engine's core is a {target.GetType().Name}, not a {typeof(TTarget).Name}.");
        }
        catch (Exception e)
        {
            _exception = e;
        }
    }

    /// <inheritdoc/>
    public override void Complete()
    {
        if (_exception is not null) _completion.TrySetException(_exception);
        else _completion.TrySetResult(_result!);
    }

    /// <inheritdoc/>
    public override void Fail(Exception exception) => _completion.TrySetException(exception);
}
