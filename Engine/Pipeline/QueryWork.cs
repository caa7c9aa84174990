namespace TokenMatch.Pipeline;

/// <summary>
/// A query in flight: run on the core thread between batches, then answered by the release
/// thread once every command it reflects has been journaled and answered. Each field is written
/// by one stage before it hands the object on through a concurrent queue.
/// </summary>
internal abstract class QueryWork
{
    /// <summary>The last command sequence the core had run when the query ran (core thread).</summary>
    public long AfterSequence { get; set; }

    /// <summary>Runs the query against the core's state (core thread, or the caller while stopped).</summary>
    public abstract void Run(object target);

    /// <summary>Hands the answer to the caller (release thread, or the caller while stopped).</summary>
    public abstract void Complete();

    /// <summary>Fails the caller's task instead of answering (release thread: the journal failed before the query's commands were recorded).</summary>
    public abstract void Fail(Exception exception);
}
