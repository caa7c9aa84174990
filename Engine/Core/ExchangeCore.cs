using System.Runtime.CompilerServices;
using TokenMatch.Commands;
using TokenMatch.Events;
using TokenMatch.Ledger;
using TokenMatch.Markets;
using TokenMatch.Matching;

namespace TokenMatch.Core;

/// <summary>
/// The matching core: one command in, events out (validation → limits and ledger → order book →
/// settlement). Owned by one thread (the pipeline's core thread, or the caller when embedded
/// directly): no locks, no I/O, no clock, no floating point, no allocation per command in steady
/// state. Its output depends only on the sequence of commands (with their timestamps) it is given.
/// </summary>
/// <remarks>
/// A façade over parts with one job each, wired here and owned by the same thread:
/// <code>
///   Execute ─▶ RunExpiries ─▶ Dispatch ─┬─▶ OrderDesk        place, cancel, amend, mass cancel, fill;
///                                       │                    match-and-rest, an order's end (IBookHost)
///                                       ├─▶ Buyback          set buyback, the bid's match on resume
///                                       ├─▶ MarketLifecycle  create, curve, fees, open, halt, resume, expire
///                                       └─▶ account commands (ExchangeCore.Accounts.cs)
///   every part ──▶ LedgerBook (Ledger/: holds, releases, settlement, fees, consume, spend, settings)
///   every part ──▶ EventWriter (the event buffer, stamped with the command's sequence and time)
/// </code>
/// The façade keeps what reads the whole state: queries, the state hash, snapshots and the invariant check.
/// </remarks>
public sealed partial class ExchangeCore
{
    /// <summary>Market ids run 0..MaxMarkets-1.</summary>
    public const int MaxMarkets = 1024;

    /// <summary>Account ids run 0..MaxAccounts-1.</summary>
    public const int MaxAccounts = 1 << 24;

    private readonly CoreOptions _options;
    // The state the parts share, each object created once here and handed to the parts that need it.
    private readonly OrderPool _orders;
    private readonly OrderIndex _orderIndex;
    private readonly Market?[] _markets = new Market?[MaxMarkets];
    private readonly AccountTable _accounts;
    private readonly GttQueue _gtt;
    private readonly List<int> _scratch = new();
    // The parts.
    private readonly EventWriter _events;
    private readonly LedgerBook _ledger;
    private readonly OrderDesk _desk;
    private readonly Buyback _buyback;
    private readonly MarketLifecycle _lifecycle;
    private readonly List<Market> _marketList;

    private long _clock;

    /// <summary>Builds an empty engine: no markets, no accounts.</summary>
    public ExchangeCore(CoreOptions? options = null)
    {
        _options = options ?? new CoreOptions();
        _orders = new OrderPool(_options.InitialOrderCapacity);
        _orderIndex = new OrderIndex(_options.InitialOrderCapacity);
        _accounts = new AccountTable(MaxAccounts, Math.Max(16, _options.InitialAccountCapacity));
        _gtt = new GttQueue(_options.InitialGoodTillTimeCapacity, _options.InitialOrderCapacity);
        _events = new EventWriter(_orders, Math.Max(16, _options.EventBufferSize));
        _ledger = new LedgerBook(_accounts, _markets, _orders);
        _desk = new OrderDesk(_orders, _orderIndex, _gtt, _markets, _ledger, _events);
        _buyback = new Buyback(_orders, _orderIndex, _ledger, _desk, _events);
        _lifecycle = new MarketLifecycle(_markets, _options, _ledger, _desk, _buyback, _events);
        _marketList = _lifecycle.Markets;
    }

    /// <summary>
    /// The <see cref="Command.Sequence"/> of the last command executed (−1 before the first): where a
    /// snapshot stands in the journal. Not part of the state hash (a rejection moves it too).
    /// </summary>
    public long LastSequence => _events.Sequence;

    /// <summary>The engine clock: the latest command time seen (ns since the Unix epoch).</summary>
    public long Clock => _clock;

    /// <summary>Runs one command: writes <see cref="Command.Result"/> and <see cref="Command.EventCount"/>, hands events to <paramref name="sink"/>.</summary>
    public void Execute(ref Command command, IEventSink sink)
    {
        // Time never runs backwards: an earlier stamp is processed at the previous command's time.
        if (command.Timestamp > _clock) _clock = command.Timestamp;
        _events.Begin(sink, command.Sequence, command.Type, _clock);
        // Nearly every command has nothing due: two compares here, the loop out of line.
        if (_gtt.DueBy(_clock) || (_lifecycle.MarketEndPending && _lifecycle.NextMarketEnd <= _clock)) RunExpiries();
        ResultCode result = Dispatch(ref command);
        command.Result = result;
        if (result != ResultCode.Ok) _events.Rejected(ref command, result);
        command.EventCount = _events.End();
    }

    /// <summary>Trading commands first; everything else through <see cref="DispatchRare"/>, kept out of line so its locals do not weigh on the hot path.</summary>
    private ResultCode Dispatch(ref Command c) => c.Type switch
    {
        CommandType.Place => _desk.Place(ref c),
        CommandType.Cancel => _desk.Cancel(ref c),
        CommandType.Amend => _desk.Amend(ref c),
        _ => DispatchRare(ref c),
    };

    [MethodImpl(MethodImplOptions.NoInlining)]
    private ResultCode DispatchRare(ref Command c) => c.Type switch
    {
        CommandType.Time => ResultCode.Ok,
        CommandType.MassCancel => _desk.MassCancel(ref c),
        CommandType.Consume => Consume(ref c),
        CommandType.Spend => Spend(ref c),
        CommandType.Fill => _desk.Fill(ref c),
        CommandType.CreateAccount => CreateAccount(ref c),
        CommandType.Deposit => Deposit(ref c),
        CommandType.Grant => Grant(ref c),
        CommandType.SetTier => SetTier(ref c),
        CommandType.SetTierCap => SetTierCap(ref c),
        CommandType.SetMaxOpenOrders => SetMaxOpenOrders(ref c),
        CommandType.Link => Link(ref c),
        CommandType.Unlink => Unlink(ref c),
        CommandType.Freeze => Freeze(ref c),
        CommandType.Unfreeze => Unfreeze(ref c),
        CommandType.SetStpDefault => SetStpDefault(ref c),
        CommandType.SetConsumeOrder => SetConsumeOrder(ref c),
        CommandType.SetHouse => SetHouse(ref c),
        CommandType.IssueApiKey => IssueApiKey(ref c),
        CommandType.RevokeApiKey => RevokeApiKey(ref c),
        CommandType.CreateMarket => _lifecycle.CreateMarket(ref c),
        CommandType.SetCurve => _lifecycle.SetCurve(ref c),
        CommandType.AddCurvePoint => _lifecycle.AddCurvePoint(ref c),
        CommandType.OpenMarket => _lifecycle.OpenMarket(ref c),
        CommandType.HaltMarket => _lifecycle.HaltMarket(ref c),
        CommandType.ResumeMarket => _lifecycle.ResumeMarket(ref c),
        CommandType.ExpireMarket => _lifecycle.ExpireMarketCommand(ref c),
        CommandType.SetFees => _lifecycle.SetFees(ref c),
        CommandType.SetBuyback => _buyback.Set(ref c, MarketOrNull(c.Market)),
        CommandType.Snapshot => AcceptSnapshot(ref c),
        _ => ResultCode.UnknownCommand,
    };

    /// <summary>Runs, in time order, every good-till-time expiry and cycle end due at or before the current time.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private void RunExpiries()
    {
        long now = _clock;
        while (true)
        {
            // The queue holds exactly the resting good-till-time orders (an order leaves it when it ends).
            long gttDue = long.MaxValue;
            int gttOrder = -1;
            if (_gtt.Count > 0) (gttDue, _, gttOrder) = _gtt.Peek();
            // At equal times an order's own expiry comes before its market's end.
            if (gttOrder >= 0 && gttDue <= now && (!_lifecycle.MarketEndPending || gttDue <= _lifecycle.NextMarketEnd))
            {
                _desk.CancelResting(gttOrder, CancelReason.TimeExpiry);
            }
            else if (_lifecycle.MarketEndPending && _lifecycle.NextMarketEnd <= now)
            {
                foreach (Market m in _marketList)
                {
                    if (m.State != MarketState.Expired && m.CycleEnd == _lifecycle.NextMarketEnd)
                    {
                        _lifecycle.ExpireMarket(m);
                        break;
                    }
                }
            }
            else return;
        }
    }

    /// <summary>A snapshot request: accepted, changes nothing (the pipeline takes the snapshot after it).</summary>
    private ResultCode AcceptSnapshot(ref Command c)
    {
        _events.Accepted(ref c);
        return ResultCode.Ok;
    }

    private Account? AccountOrNull(int id) => _accounts.Find(id);

    private Market? MarketOrNull(int id) => (uint)id < MaxMarkets ? _markets[id] : null;
}
