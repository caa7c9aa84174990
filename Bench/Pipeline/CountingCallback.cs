using TokenMatch.Commands;
using TokenMatch.Pipeline;

namespace TokenMatch.Bench.Pipeline;

/// <summary>Counts answers (release thread writes, the benchmark thread reads).</summary>
public sealed class CountingCallback : ICommandCallback
{
    private long _count;

    /// <summary>Answers so far.</summary>
    public long Count => Volatile.Read(ref _count);

    /// <inheritdoc/>
    public void OnResult(in Command command) => Volatile.Write(ref _count, _count + 1);
}
