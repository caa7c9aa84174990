using TokenMatch.Commands;
using TokenMatch.Events;

namespace TokenMatch.Surveillance.Model;

/// <summary>
/// The picture of the exchange every detector shares, rebuilt from the commands and events alone
/// (never from the core): markets with their curves, accounts with tier, group and first
/// activity, and the orders being tracked. <see cref="Apply"/> runs before the detectors see a
/// command; <see cref="Retire"/> after, so that detectors still find orders that ended in it.
/// Owned by the thread that runs the detectors. Lookups are by key; nothing iterates a hash table.
/// </summary>
public sealed class SurveillanceState
{
    private readonly Dictionary<int, MarketInfo> _markets = new();
    private readonly Dictionary<int, AccountInfo> _accounts = new();
    private readonly Dictionary<long, OrderInfo> _orders = new();
    private readonly List<long> _ended = new();

    /// <summary>The provider (buyback) account, or −1 before <c>set house</c>.</summary>
    public int Provider { get; private set; } = -1;

    /// <summary>The fee account, or −1 before <c>set house</c>.</summary>
    public int FeeAccount { get; private set; } = -1;

    /// <summary>Engine time of the latest command (ns).</summary>
    public long Clock { get; private set; }

    /// <summary>Sequence of the latest command, −1 before any.</summary>
    public long LastSequence { get; private set; } = -1;

    /// <summary>Sequence of the first command seen, −1 before any.</summary>
    public long FirstSequence { get; private set; } = -1;

    /// <summary>A market, or null.</summary>
    public MarketInfo? Market(int id) => _markets.GetValueOrDefault(id);

    /// <summary>An account, or null.</summary>
    public AccountInfo? Account(int id) => _accounts.GetValueOrDefault(id);

    /// <summary>A tracked order (open, or ended in the current command), or null.</summary>
    public OrderInfo? Order(long id) => _orders.GetValueOrDefault(id);

    /// <summary>Accounts ascending by id (a fresh list).</summary>
    public List<AccountInfo> AccountsById()
    {
        var list = new List<AccountInfo>(_accounts.Values);
        list.Sort((a, b) => a.Id.CompareTo(b.Id));
        return list;
    }

    /// <summary>True for the provider and fee accounts: the house's own trades are never surveilled.</summary>
    public bool IsHouse(int account) => account == Provider || account == FeeAccount;

    /// <summary>True when both accounts are in the same owner group (self-trade prevention applies to them).</summary>
    public bool Linked(int a, int b)
    {
        long ga = Account(a)?.Group ?? 0, gb = Account(b)?.Group ?? 0;
        return ga != 0 && ga == gb;
    }

    /// <summary>The engine time a command ran at: its events' time, else its own stamp, never earlier than the clock.</summary>
    public static long TimeOf(in Command command, ReadOnlySpan<Event> events, long clock)
    {
        long t = events.Length > 0 ? events[0].Timestamp : command.Timestamp;
        return t > clock ? t : clock;
    }

    /// <summary>Updates the picture with one command and its events (before the detectors see it).</summary>
    public void Apply(in CommandRecord r)
    {
        Clock = r.Time;
        LastSequence = r.Sequence;
        if (FirstSequence < 0) FirstSequence = r.Sequence;
        Command c = r.Command;
        if (r.Result == ResultCode.Ok) ApplyAccepted(c, r.Time);
        if (c.Type == CommandType.Place && Account(c.Account) is { FirstOrderAt: < 0 } first) first.FirstOrderAt = r.Time;

        foreach (ref readonly Event e in r.Events)
        {
            switch (e.Type)
            {
                case EventType.Accepted when e.Command == CommandType.Place && e.OrderId != 0:
                    _orders[e.OrderId] = new OrderInfo
                    {
                        Id = e.OrderId, Account = e.Account, Market = e.Market, Side = e.Side, Price = e.Price,
                        Quantity = c.Quantity, PlacedAt = r.Time, PlacedSequence = r.Sequence,
                    };
                    if (Market(e.Market) is { } m)
                    {
                        m.OrdersPlaced++;
                        m.LotsPlaced += c.Quantity;
                    }
                    break;
                case EventType.Amended when Order(e.OrderId) is { } amended:
                    amended.Price = e.Price;
                    break;
                case EventType.Trade:
                    if (Market(e.Market) is { } tm)
                    {
                        tm.Trades++;
                        tm.TradedLots += e.Quantity;
                    }
                    Fill(e.OrderId, e.Quantity, e.Remaining == 0);
                    Fill(e.OtherOrderId, e.Quantity, false);
                    break;
                case EventType.Cancelled:
                    if (e.Reason is CancelReason.User or CancelReason.MassCancel && Market(e.Market) is { } cm)
                    {
                        cm.OwnerCancels++;
                        cm.CancelledLots += e.Quantity;
                    }
                    End(e.OrderId);
                    break;
            }
        }
    }

    /// <summary>Forgets the orders that ended in the last command (after the detectors saw it).</summary>
    public void Retire()
    {
        foreach (long id in _ended) _orders.Remove(id);
        _ended.Clear();
    }

    private void Fill(long orderId, long quantity, bool done)
    {
        if (Order(orderId) is not { } o) return;
        o.Filled += quantity;
        if (done || o.Filled >= o.Quantity) End(orderId);
    }

    private void End(long orderId)
    {
        if (Order(orderId) is not { Done: false } o) return;
        o.Done = true;
        _ended.Add(orderId);
    }

    private void ApplyAccepted(in Command c, long time)
    {
        switch (c.Type)
        {
            case CommandType.CreateAccount:
                _accounts[c.Account] = new AccountInfo
                {
                    Id = c.Account, CreatedAt = time, CreatedSequence = c.Sequence, Tier = (Tier)c.Code, InitialTier = (Tier)c.Code,
                };
                break;
            case CommandType.SetTier when Account(c.Account) is { } a:
                a.Tier = (Tier)c.Code;
                break;
            case CommandType.Link when Account(c.Account) is { } a:
                a.Group = c.Arg;
                break;
            case CommandType.Unlink when Account(c.Account) is { } a:
                a.Group = 0;
                break;
            case CommandType.Freeze when Account(c.Account) is { } a:
                a.Frozen = true;
                break;
            case CommandType.Unfreeze when Account(c.Account) is { } a:
                a.Frozen = false;
                break;
            case CommandType.Grant when Account(c.Account) is { FirstGrantAt: < 0 } a:
                a.FirstGrantAt = time;
                break;
            case CommandType.Deposit when Account(c.Account) is { FirstDepositAt: < 0 } a:
                a.FirstDepositAt = time;
                break;
            case CommandType.SetHouse:
                Provider = c.Account;
                FeeAccount = (int)c.Arg;
                break;
            case CommandType.CreateMarket:
                _markets[c.Market] = new MarketInfo
                {
                    Id = c.Market, Tick = c.A1, Face = c.A2, CycleStart = c.A7, CycleEnd = c.Quantity,
                };
                break;
            case CommandType.SetCurve when Market(c.Market) is { } m:
                m.Curve.Set((Markets.CurveKind)c.Code, c.A0, c.A1);
                break;
            case CommandType.AddCurvePoint when Market(c.Market) is { } m:
                m.Curve.TryAddPoint(c.A0, c.A1);
                break;
        }
    }
}
