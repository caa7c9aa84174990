using System.Collections.Concurrent;
using TokenMatch.Commands;
using TokenMatch.Events;
using TokenMatch.Gateway.Sessions;
using TokenMatch.Pipeline;

namespace TokenMatch.Gateway.MarketData;

/// <summary>
/// The gateway's event subscriber, on the pipeline's event thread (off the core thread): notes order
/// ids for pending results, keeps the per-account fill logs, sends execution reports to the sessions
/// of the accounts involved, builds each market's L2 book and trade statistics and sends them to
/// subscribers, and closes the sessions of revoked keys. Never waits on a client: sessions queue
/// frames without blocking.
/// </summary>
internal sealed class EventFeed : IEventSubscriber
{
    private readonly GatewayServer _server;
    private readonly PendingCommands _pending;
    private readonly int _logSize;
    private readonly ConcurrentDictionary<int, MarketBook> _books = new();
    private readonly ConcurrentDictionary<int, AccountLog> _logs = new();

    public EventFeed(GatewayServer server, PendingCommands pending, int logSize)
    {
        _server = server;
        _pending = pending;
        _logSize = logSize;
    }

    /// <summary>The market-data view of a market (created empty on first use).</summary>
    public MarketBook Book(int market) => _books.GetOrAdd(market, static m => new MarketBook(m));

    /// <summary>Every market seen so far.</summary>
    public ICollection<MarketBook> Books => _books.Values;

    /// <summary>An account's log (created empty on first use).</summary>
    public AccountLog Log(int account) => _logs.GetOrAdd(account, static (_, size) => new AccountLog(size), _logSize);

    public void OnEvents(ReadOnlySpan<Event> events)
    {
        foreach (ref readonly Event e in events)
        {
            switch (e.Type)
            {
                case EventType.Accepted:
                    if (e.OrderId != 0) _pending.NoteOrderId(e.Sequence, e.OrderId);
                    if (e.Command == CommandType.Place)
                    {
                        AccountLog log = Log(e.Account);
                        lock (log.Gate) log.AddOrder(e.OrderId, e.ClientId, e.Market);
                        Report(e.Account, in e, default, isFill: false);
                    }
                    else if (e.Command == CommandType.RevokeApiKey)
                    {
                        _server.OnKeyRevoked(e.OrderId);
                    }
                    break;
                case EventType.Trade:
                    Trade(in e);
                    break;
                case EventType.Cancelled:
                case EventType.Amended:
                case EventType.Decremented:
                    Report(e.Account, in e, default, isFill: false);
                    break;
                case EventType.BookLevel:
                {
                    MarketBook book = Book(e.Market);
                    lock (book.Gate) book.ApplyLevel(in e);
                    break;
                }
            }
        }
    }

    private void Trade(in Event e)
    {
        Side makerSide = e.Side == Side.Buy ? Side.Sell : Side.Buy;
        var maker = new FillRecord(e.Sequence, e.Timestamp, e.Market, e.OrderId, makerSide, e.Price, e.ExecPrice, e.Quantity,
            makerSide == Side.Buy ? e.Fee : e.OtherFee, Maker: true, e.OtherOrderId);
        var taker = new FillRecord(e.Sequence, e.Timestamp, e.Market, e.OtherOrderId, e.Side, e.Price, e.ExecPrice, e.Quantity,
            e.Side == Side.Buy ? e.Fee : e.OtherFee, Maker: false, e.OrderId);
        AddFill(e.Account, in maker);
        AddFill(e.OtherAccount, in taker);
        Report(e.Account, in e, in maker, isFill: true);
        Report(e.OtherAccount, in e, in taker, isFill: true);
        MarketBook book = Book(e.Market);
        lock (book.Gate) book.ApplyTrade(in e);
    }

    private void AddFill(int account, in FillRecord fill)
    {
        AccountLog log = Log(account);
        lock (log.Gate) log.AddFill(in fill);
    }

    private void Report(int account, in Event e, in FillRecord fill, bool isFill)
    {
        foreach (Session s in _server.SessionsOf(account)) s.SendExecution(in e, in fill, isFill);
    }
}
