using TokenMatch.Events;
using TokenMatch.Pipeline;

namespace TokenMatch.Tests.Pipeline.Support;

/// <summary>A subscriber that (wrongly) queries the host from the event thread, once.</summary>
internal sealed class QueryingSubscriber : IEventSubscriber
{
    /// <summary>The host to query (set before any event arrives).</summary>
    public EngineHost? Host { get; set; }

    /// <summary>The query's task, once made.</summary>
    public Task<long>? Query { get; private set; }

    /// <inheritdoc/>
    public void OnEvents(ReadOnlySpan<Event> events)
    {
        if (Query is null && Host is not null) Query = Host.QueryAsync((FakeExecutor f) => f.Executed);
    }
}
