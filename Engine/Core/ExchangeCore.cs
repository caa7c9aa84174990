using TokenMatch.Commands;
using TokenMatch.Events;

namespace TokenMatch.Core;

/// <summary>
/// The matching core: one command in, events out (validation → limits and ledger → order book →
/// settlement). Owned by one thread (the pipeline's core thread, or the caller when embedded
/// directly): no locks, no I/O, no clock, no floating point, no allocation per command in steady state.
/// </summary>
public sealed partial class ExchangeCore
{
    /// <summary>Builds an empty engine: no markets, no accounts.</summary>
    public ExchangeCore(CoreOptions? options = null) => throw new NotImplementedException();

    /// <summary>The engine clock: the latest command time seen (ns since the Unix epoch).</summary>
    public long Clock => throw new NotImplementedException();

    /// <summary>Runs one command: writes <see cref="Command.Result"/> and <see cref="Command.EventCount"/>, hands events to <paramref name="sink"/>.</summary>
    public void Execute(ref Command command, IEventSink sink) => throw new NotImplementedException();

    /// <summary>XxHash64 over the canonical state encoding of docs/state-hash.md.</summary>
    public ulong StateHash() => throw new NotImplementedException();

    /// <summary>Checks every internal invariant; throws <see cref="InvalidOperationException"/> naming the first broken one.</summary>
    public void ValidateInternalState() => throw new NotImplementedException();

    /// <summary>An account's balances and lots, or null when unknown.</summary>
    public AccountView? GetAccount(int account) => throw new NotImplementedException();

    /// <summary>An account's open orders, by order id.</summary>
    public IReadOnlyList<OrderView> GetOpenOrders(int account) => throw new NotImplementedException();

    /// <summary>A market's best <paramref name="levels"/> levels per side, or null when unknown.</summary>
    public BookDepth? GetDepth(int market, int levels) => throw new NotImplementedException();

    /// <summary>A market's settings and counters, or null when unknown.</summary>
    public MarketView? GetMarket(int market) => throw new NotImplementedException();
}
