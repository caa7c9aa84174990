namespace TokenMatch.Pipeline;

/// <summary>
/// State every stage of one pipeline shares: the first fatal fault and the number of queries in
/// flight. Written by any pipeline thread with atomic operations; read by the host.
/// </summary>
internal sealed class PipelineStatus(Action<Exception>? onError)
{
    private Exception? _fault;
    private int _pendingQueries;
    private long _journalFailedAt = long.MaxValue;

    /// <summary>The first fatal fault (core or journal), or null.</summary>
    public Exception? Fault => Volatile.Read(ref _fault);

    /// <summary>The first command the journal failed to record (long.MaxValue while it works): the core runs nothing from it on.</summary>
    public long JournalFailedAt => Volatile.Read(ref _journalFailedAt);

    /// <summary>Records where the journal failed (release thread), before the fault is reported.</summary>
    public void JournalFailed(long first) => Volatile.Write(ref _journalFailedAt, Math.Min(first, JournalFailedAt));

    /// <summary>Queries accepted and not yet answered.</summary>
    public int PendingQueries => Volatile.Read(ref _pendingQueries);

    /// <summary>Counts a query in.</summary>
    public void QueryAccepted() => Interlocked.Increment(ref _pendingQueries);

    /// <summary>Counts a query out.</summary>
    public void QueryAnswered() => Interlocked.Decrement(ref _pendingQueries);

    /// <summary>Records a fault that stops the host from accepting commands (core or journal failure).</summary>
    public void ReportFatal(Exception exception)
    {
        Interlocked.CompareExchange(ref _fault, exception, null);
        Report(exception);
    }

    /// <summary>Tells the host's error handler; never throws.</summary>
    public void Report(Exception exception)
    {
        try
        {
            onError?.Invoke(exception);
        }
        catch (Exception)
        {
            // The error handler is the last resort: an exception from it has nowhere to go.
        }
    }
}
