using TokenMatch.Core;

namespace TokenMatch.Pipeline;

public sealed partial class EngineHost
{
    /// <summary>
    /// Runs <paramref name="query"/> against the core's state and returns its answer. While the host
    /// runs, the query is marshalled to the core thread and runs between two batches of commands;
    /// it sees every command submitted before it was called and answered before it, and it is
    /// answered (on a pool thread) only once every command it reflects has been journaled and
    /// answered. Before <see cref="Start"/> and after <see cref="Stop"/> it runs on the caller's
    /// thread. The query must not keep references into the core, nor change it. Not from a
    /// callback or subscriber (the task fails with <see cref="InvalidOperationException"/>).
    /// </summary>
    public Task<T> QueryAsync<T>(Func<ExchangeCore, T> query) => QueryAsync<ExchangeCore, T>(query);

    /// <summary>An account's balances and lots, or null when unknown (see <see cref="QueryAsync{T}"/>).</summary>
    public Task<AccountView?> GetAccountAsync(int account) => QueryAsync(core => core.GetAccount(account));

    /// <summary>An account's open orders (see <see cref="QueryAsync{T}"/>).</summary>
    public Task<IReadOnlyList<OrderView>> GetOpenOrdersAsync(int account) => QueryAsync(core => core.GetOpenOrders(account));

    /// <summary>A market's best levels per side, or null when unknown (see <see cref="QueryAsync{T}"/>).</summary>
    public Task<BookDepth?> GetDepthAsync(int market, int levels) => QueryAsync(core => core.GetDepth(market, levels));

    /// <summary>A market's settings and counters, or null when unknown (see <see cref="QueryAsync{T}"/>).</summary>
    public Task<MarketView?> GetMarketAsync(int market) => QueryAsync(core => core.GetMarket(market));

    /// <summary>The core's state hash (see <see cref="QueryAsync{T}"/>).</summary>
    public Task<ulong> StateHashAsync() => QueryAsync(core => core.StateHash());

    /// <summary>Runs a query against whatever the core stage executes (tests use stand-ins for the core).</summary>
    internal Task<T> QueryAsync<TTarget, T>(Func<TTarget, T> query) where TTarget : class
    {
        ArgumentNullException.ThrowIfNull(query);
        if (_pipeline.IsPipelineThread())
        {
            return Task.FromException<T>(new InvalidOperationException("Queries cannot be made from a pipeline thread (a callback or subscriber)."));
        }
        var work = new QueryWork<TTarget, T>(query);
        lock (_lifecycle)
        {
            if (State is EngineHostState.Running or EngineHostState.Stopping)
            {
                _pipeline.Status.QueryAccepted();
                _pipeline.Queries.Enqueue(work);
                _pipeline.CoreBarrier.Alert();
                return work.Task;
            }
            // No core thread: the caller's thread owns the core for the duration (under the lock).
            work.Run(_pipeline.QueryTarget);
            work.Complete();
            return work.Task;
        }
    }
}
