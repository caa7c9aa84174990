using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using TokenMatch.Gateway.MarketData;
using TokenMatch.Gateway.Sessions;
using TokenMatch.Pipeline;

namespace TokenMatch.Gateway;

/// <summary>
/// The binary TCP gateway (docs/protocol.md) in front of an <see cref="EngineHost"/>: accepts
/// connections, runs a <see cref="Session"/> per connection, answers commands through one
/// <see cref="PendingCommands"/> callback on the responder thread, and feeds market data and execution
/// reports from an event subscriber on the event thread. Start it right after the host starts, so its
/// market-data books see every book event. The session registries are concurrent (any thread).
/// </summary>
public sealed class GatewayServer : IAsyncDisposable
{
    private static readonly Session[] NoSessions = [];

    private readonly Socket _listener;
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentDictionary<long, Session> _sessions = new();
    private readonly ConcurrentDictionary<int, Session[]> _byAccount = new();
    private readonly ConcurrentDictionary<int, TokenBucket> _accountRates = new();
    private readonly Lock _bindLock = new();
    private readonly IDisposable _subscription;
    private Task _accept = Task.CompletedTask;
    private Task _tickers = Task.CompletedTask;
    private long _nextSessionId;
    private long _slowConsumers;

    /// <summary>Builds a gateway over a running host and subscribes to its events; <see cref="Start"/> listens.</summary>
    public GatewayServer(EngineHost host, GatewayOptions? options = null)
    {
        Host = host;
        Options = options ?? new GatewayOptions();
        Pending = new PendingCommands(host.CommandRingSize);
        Feed = new EventFeed(this, Pending, Options.AccountLogSize);
        Tickers = new TickerLoop(host, Feed);
        _subscription = host.Subscribe(Feed);
        if (Options.Alerts is { } hub) Alerts = new Alerts.AlertRelay(hub, Options.AlertsKept);
        _listener = new Socket(Options.Endpoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
    }

    /// <summary>The engine.</summary>
    public EngineHost Host { get; }

    /// <summary>The options.</summary>
    public GatewayOptions Options { get; }

    internal PendingCommands Pending { get; }

    internal EventFeed Feed { get; }

    internal TickerLoop Tickers { get; }

    /// <summary>The alert stream to provider sessions (null without <see cref="GatewayOptions.Alerts"/>).</summary>
    internal Alerts.AlertRelay? Alerts { get; }

    /// <summary>The bound endpoint (its port when port 0 was asked for).</summary>
    public IPEndPoint Endpoint => (IPEndPoint)_listener.LocalEndPoint!;

    /// <summary>Open sessions.</summary>
    public int SessionCount => _sessions.Count;

    /// <summary>Sessions cut off as slow consumers so far.</summary>
    public long SlowConsumers => Interlocked.Read(ref _slowConsumers);

    /// <summary>Every open session (a snapshot).</summary>
    public IReadOnlyList<Session> Sessions => [.. _sessions.Values];

    /// <summary>
    /// Seeds the market-data books from <paramref name="core"/>'s resting orders, for a gateway over an
    /// engine recovered from a journal. Call it before the host starts, while no other thread touches
    /// the core; the books then follow the event feed from there on.
    /// </summary>
    public void SeedBooks(Core.ExchangeCore core)
    {
        ArgumentNullException.ThrowIfNull(core);
        for (int market = 0; market < Core.ExchangeCore.MaxMarkets; market++)
        {
            if (core.GetDepth(market, int.MaxValue) is not { } depth) continue;
            MarketData.MarketBook book = Feed.Book(market);
            foreach (Core.DepthLevel level in depth.Bids) book.Seed(Commands.Side.Buy, level.Price, level.Quantity);
            foreach (Core.DepthLevel level in depth.Asks) book.Seed(Commands.Side.Sell, level.Price, level.Quantity);
        }
    }

    /// <summary>Binds and starts accepting connections.</summary>
    public void Start()
    {
        _listener.Bind(Options.Endpoint);
        _listener.Listen(512);
        _accept = AcceptLoopAsync();
        _tickers = Tickers.RunAsync(Options.TickerInterval, _stop.Token);
    }

    private async Task AcceptLoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            Socket socket;
            try
            {
                socket = await _listener.AcceptAsync(_stop.Token).ConfigureAwait(false);
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                if (_stop.IsCancellationRequested) return;
                continue;
            }
            var session = new Session(this, socket, Interlocked.Increment(ref _nextSessionId));
            _sessions[session.Id] = session;
            _ = Task.Run(session.RunAsync);
        }
    }

    /// <summary>Sessions logged in to an account (lock-free read; the event thread routes execution reports with it).</summary>
    internal Session[] SessionsOf(int account) => _byAccount.TryGetValue(account, out Session[]? s) ? s : NoSessions;

    internal TokenBucket AccountRate(int account) =>
        _accountRates.GetOrAdd(account, static (_, o) => new TokenBucket(o.AccountRate, o.AccountBurst), Options);

    internal void Bind(Session session)
    {
        // Execution reports are private: market-data sessions get none.
        if (session.Role == Commands.Role.MarketData) return;
        lock (_bindLock)
        {
            Session[] current = SessionsOf(session.Account);
            _byAccount[session.Account] = [.. current, session];
        }
    }

    internal void Remove(Session session)
    {
        _sessions.TryRemove(session.Id, out _);
        if (session.CloseReason == Commands.ResultCode.SlowConsumer) Interlocked.Increment(ref _slowConsumers);
        if (session.Account >= 0)
        {
            lock (_bindLock)
            {
                Session[] current = SessionsOf(session.Account);
                if (Array.IndexOf(current, session) >= 0) _byAccount[session.Account] = [.. current.Where(s => s != session)];
            }
        }
        foreach (MarketBook book in Feed.Books)
            lock (book.Gate) book.Remove(session);
        Alerts?.Remove(session);
    }

    /// <summary>Event thread: a key was revoked; its sessions are closed (off the event thread).</summary>
    internal void OnKeyRevoked(long keyId)
    {
        foreach (Session s in _sessions.Values)
            if (s.KeyId == keyId) _ = Task.Run(() => s.CloseAsync(Commands.ResultCode.KeyRevoked, "the session's API key was revoked"));
    }

    /// <summary>Stops listening and closes every session (the host keeps running; stop it after).</summary>
    public async ValueTask DisposeAsync()
    {
        _stop.Cancel();
        _listener.Dispose();
        await _accept.ConfigureAwait(false);
        await _tickers.ConfigureAwait(false);
        await Task.WhenAll(_sessions.Values.Select(s => s.CloseAsync(Commands.ResultCode.SessionClosed, "server shutting down"))).ConfigureAwait(false);
        _subscription.Dispose();
        Alerts?.Dispose();
    }
}
