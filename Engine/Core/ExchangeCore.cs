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
public sealed partial class ExchangeCore : IBookHost
{
    /// <summary>Market ids run 0..MaxMarkets-1.</summary>
    public const int MaxMarkets = 1024;

    /// <summary>Account ids run 0..MaxAccounts-1.</summary>
    public const int MaxAccounts = 1 << 24;

    private readonly CoreOptions _options;
    private readonly OrderPool _orders;
    private readonly OrderIndex _orderIndex;
    private readonly Market?[] _markets = new Market?[MaxMarkets];
    private readonly List<Market> _marketList = new();
    private readonly AccountTable _accounts;
    private readonly Event[] _events;
    private readonly GttQueue _gtt;
    private readonly List<int> _scratch = new();
    private readonly long[] _tierCaps = [long.MaxValue, long.MaxValue, long.MaxValue];
    private readonly Origin[] _consumeOrder = [Origin.Trial, Origin.Promo, Origin.Acquired, Origin.Allocated];

    private IEventSink? _sink;
    private int _eventCount;
    private int _eventTotal;
    private long _sequence = -1;
    private long _now;
    private CommandType _commandType;

    private long _clock;
    private long _nextOrderId = 1;
    private long _maxOpenOrders = long.MaxValue;
    private int _provider = -1;
    private int _feeAccount = -1;
    private long _totalDeposits;
    // The earliest cycle end of a market not yet expired, valid only while _marketEndPending: a flag,
    // not a sentinel time, because every long is a time a command may carry (long.MaxValue included).
    private long _nextMarketEnd;
    private bool _marketEndPending;

    /// <summary>Builds an empty engine: no markets, no accounts.</summary>
    public ExchangeCore(CoreOptions? options = null)
    {
        _options = options ?? new CoreOptions();
        _orders = new OrderPool(_options.InitialOrderCapacity);
        _orderIndex = new OrderIndex(_options.InitialOrderCapacity);
        _accounts = new AccountTable(MaxAccounts, Math.Max(16, _options.InitialAccountCapacity));
        _events = new Event[Math.Max(16, _options.EventBufferSize)];
        _gtt = new GttQueue(_options.InitialGoodTillTimeCapacity, _options.InitialOrderCapacity);
    }

    /// <summary>
    /// The <see cref="Command.Sequence"/> of the last command executed (−1 before the first): where a
    /// snapshot stands in the journal. Not part of the state hash (a rejection moves it too).
    /// </summary>
    public long LastSequence => _sequence;

    /// <summary>The engine clock: the latest command time seen (ns since the Unix epoch).</summary>
    public long Clock => _clock;

    OrderPool IBookHost.Orders => _orders;

    /// <summary>Runs one command: writes <see cref="Command.Result"/> and <see cref="Command.EventCount"/>, hands events to <paramref name="sink"/>.</summary>
    public void Execute(ref Command command, IEventSink sink)
    {
        _sink = sink;
        _eventCount = 0;
        _eventTotal = 0;
        _sequence = command.Sequence;
        _commandType = command.Type;
        // Time never runs backwards: an earlier stamp is processed at the previous command's time.
        if (command.Timestamp > _clock) _clock = command.Timestamp;
        _now = _clock;
        // Nearly every command has nothing due: two compares here, the loop out of line.
        if (_gtt.DueBy(_now) || (_marketEndPending && _nextMarketEnd <= _now)) RunExpiries();
        ResultCode result = Dispatch(ref command);
        command.Result = result;
        if (result != ResultCode.Ok) EmitRejected(ref command, result);
        Flush();
        command.EventCount = _eventTotal;
        _sink = null;
    }

    /// <summary>Trading commands first; everything else through <see cref="DispatchRare"/>, kept out of line so its locals do not weigh on the hot path.</summary>
    private ResultCode Dispatch(ref Command c) => c.Type switch
    {
        CommandType.Place => Place(ref c),
        CommandType.Cancel => Cancel(ref c),
        CommandType.Amend => Amend(ref c),
        _ => DispatchRare(ref c),
    };

    [MethodImpl(MethodImplOptions.NoInlining)]
    private ResultCode DispatchRare(ref Command c) => c.Type switch
    {
        CommandType.Time => ResultCode.Ok,
        CommandType.MassCancel => MassCancel(ref c),
        CommandType.Consume => Consume(ref c),
        CommandType.Spend => Spend(ref c),
        CommandType.Fill => Fill(ref c),
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
        CommandType.CreateMarket => CreateMarket(ref c),
        CommandType.SetCurve => SetCurve(ref c),
        CommandType.AddCurvePoint => AddCurvePoint(ref c),
        CommandType.OpenMarket => OpenMarket(ref c),
        CommandType.HaltMarket => HaltMarket(ref c),
        CommandType.ResumeMarket => ResumeMarket(ref c),
        CommandType.ExpireMarket => ExpireMarketCommand(ref c),
        CommandType.SetFees => SetFees(ref c),
        CommandType.SetBuyback => SetBuyback(ref c),
        CommandType.Snapshot => AcceptSnapshot(ref c),
        _ => ResultCode.UnknownCommand,
    };

    /// <summary>Runs, in time order, every good-till-time expiry and cycle end due at or before the current time.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private void RunExpiries()
    {
        while (true)
        {
            // The queue holds exactly the resting good-till-time orders (an order leaves it when it ends).
            long gttDue = long.MaxValue;
            int gttOrder = -1;
            if (_gtt.Count > 0) (gttDue, _, gttOrder) = _gtt.Peek();
            // At equal times an order's own expiry comes before its market's end.
            if (gttOrder >= 0 && gttDue <= _now && (!_marketEndPending || gttDue <= _nextMarketEnd))
            {
                CancelResting(gttOrder, CancelReason.TimeExpiry);
            }
            else if (_marketEndPending && _nextMarketEnd <= _now)
            {
                foreach (Market m in _marketList)
                {
                    if (m.State != MarketState.Expired && m.CycleEnd == _nextMarketEnd)
                    {
                        ExpireMarket(m);
                        break;
                    }
                }
            }
            else return;
        }
    }

    private void RecomputeNextMarketEnd()
    {
        bool pending = false;
        long next = 0;
        foreach (Market m in _marketList)
        {
            if (m.State == MarketState.Expired || (pending && m.CycleEnd >= next)) continue;
            next = m.CycleEnd;
            pending = true;
        }
        _nextMarketEnd = next;
        _marketEndPending = pending;
    }

    /// <summary>A snapshot request: accepted, changes nothing (the pipeline takes the snapshot after it).</summary>
    private ResultCode AcceptSnapshot(ref Command c)
    {
        EmitAccepted(ref c);
        return ResultCode.Ok;
    }

    private Account? AccountOrNull(int id) => _accounts.Find(id);

    private Market? MarketOrNull(int id) => (uint)id < MaxMarkets ? _markets[id] : null;

    private static ResultCode TradingState(Market m) => m.State switch
    {
        MarketState.Open => ResultCode.Ok,
        MarketState.PreOpen => ResultCode.MarketNotOpen,
        MarketState.Halted => ResultCode.MarketHalted,
        _ => ResultCode.MarketExpired,
    };
}
