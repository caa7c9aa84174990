using TokenMatch.Commands;
using TokenMatch.Events;
using TokenMatch.Gateway.Sessions;

namespace TokenMatch.Gateway.MarketData;

/// <summary>
/// The gateway's market-data view of one market, built from the event feed: the L2 book (price →
/// total lots per side), a depth sequence that counts book updates, a trade sequence, and the ticker
/// statistics. Written by the event thread and read by subscribing sessions, both under <see cref="Gate"/>;
/// frames to subscribers are queued under it too, so a snapshot at depth sequence N is followed by
/// exactly the updates N+1, N+2, …
/// </summary>
internal sealed class MarketBook
{
    private static readonly Session[] None = [];

    private readonly SortedDictionary<long, long> _bids = new(Comparer<long>.Create(static (a, b) => b.CompareTo(a)));
    private readonly SortedDictionary<long, long> _asks = new();
    private Session[] _depth = None;
    private Session[] _trades = None;
    private Session[] _tickers = None;

    public readonly Lock Gate = new();

    public MarketBook(int market) => Market = market;

    public int Market { get; }

    /// <summary>Book updates applied so far (the sequence of the last one).</summary>
    public long DepthSequence { get; private set; }

    /// <summary>Trades seen so far.</summary>
    public long TradeSequence { get; private set; }

    /// <summary>Last trade's FTE price and executed (absolute) price; 0 before the first.</summary>
    public long LastPrice { get; private set; }

    /// <summary>Last trade's executed price.</summary>
    public long LastExecPrice { get; private set; }

    /// <summary>Lots traded since the gateway started.</summary>
    public long Volume { get; private set; }

    /// <summary>Σ executed price × lots since the gateway started.</summary>
    public Int128 Notional { get; private set; }

    /// <summary>True when someone wants the ticker.</summary>
    public bool HasTickerSubscribers => _tickers.Length > 0;

    /// <summary>Levels of one side, best first (call under <see cref="Gate"/>).</summary>
    public IEnumerable<KeyValuePair<long, long>> Levels(Side side) => side == Side.Buy ? _bids : _asks;

    /// <summary>Best bid price, or 0.</summary>
    public long BestBid => _bids.Count == 0 ? 0 : _bids.First().Key;

    /// <summary>Best ask price, or 0.</summary>
    public long BestAsk => _asks.Count == 0 ? 0 : _asks.First().Key;

    /// <summary>Event thread: a level's new total.</summary>
    public void ApplyLevel(in Event e)
    {
        SortedDictionary<long, long> side = e.Side == Side.Buy ? _bids : _asks;
        if (e.Quantity == 0) side.Remove(e.Price);
        else side[e.Price] = e.Quantity;
        DepthSequence++;
        foreach (Session s in _depth) s.SendBookUpdate(Market, DepthSequence, e.Side, e.Price, e.Quantity);
    }

    /// <summary>Event thread: a trade.</summary>
    public void ApplyTrade(in Event e)
    {
        TradeSequence++;
        LastPrice = e.Price;
        LastExecPrice = e.ExecPrice;
        Volume += e.Quantity;
        Notional += (Int128)e.ExecPrice * e.Quantity;
        foreach (Session s in _trades) s.SendTradeTick(Market, TradeSequence, e.Timestamp, e.Side, e.Price, e.ExecPrice, e.Quantity);
    }

    /// <summary>Adds or removes a session's subscriptions (call under <see cref="Gate"/>); a depth subscription gets a snapshot first.</summary>
    public void Subscribe(Session session, int what)
    {
        Remove(session);
        if ((what & Protocol.Subscriptions.Depth) != 0)
        {
            _depth = [.. _depth, session];
            session.SendBookSnapshot(this);
        }
        if ((what & Protocol.Subscriptions.Trades) != 0) _trades = [.. _trades, session];
        if ((what & Protocol.Subscriptions.Ticker) != 0) _tickers = [.. _tickers, session];
    }

    /// <summary>Removes every subscription of a session (call under <see cref="Gate"/>).</summary>
    public void Remove(Session session)
    {
        if (Array.IndexOf(_depth, session) >= 0) _depth = [.. _depth.Where(s => s != session)];
        if (Array.IndexOf(_trades, session) >= 0) _trades = [.. _trades.Where(s => s != session)];
        if (Array.IndexOf(_tickers, session) >= 0) _tickers = [.. _tickers.Where(s => s != session)];
    }

    /// <summary>Ticker subscribers (call under <see cref="Gate"/>).</summary>
    public Session[] TickerSubscribers => _tickers;
}
