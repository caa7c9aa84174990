using System.Numerics;
using TokenMatch.Commands;
using TokenMatch.Events;
using TokenMatch.Markets;
using TokenMatch.Tests.Support;

namespace TokenMatch.Tests.Reference;

/// <summary>
/// A second exchange, written plainly from the design brief (/work/shared/design.md) and
/// docs/market-rules.md, docs/result-codes.md and docs/state-hash.md, sharing no rule code with the
/// engine: its own validation in the documented order, owner groups, self-trade prevention, holds,
/// fees, settlement, buyback, expiry, decay (through the BigInteger <see cref="ReferenceArithmetic"/>),
/// amend, client ids, limits and its own state-hash encoding. Sorted sets and lists, BigInteger for
/// every product, nothing pooled. Slow on purpose. It takes the engine's <see cref="Command"/> and
/// produces <see cref="Event"/> values (plain data shapes), so both can be compared field by field.
/// </summary>
public sealed partial class ReferenceExchange
{
    private const long Million = 1_000_000;

    private readonly SortedDictionary<int, RefMarket> _markets = new();
    private readonly SortedDictionary<int, RefAccount> _accounts = new();
    private readonly Dictionary<long, RefOrder> _live = new();
    private readonly long[] _tierCaps = [long.MaxValue, long.MaxValue, long.MaxValue];
    private readonly Origin[] _consumeOrder = [Origin.Trial, Origin.Promo, Origin.Acquired, Origin.Allocated];
    private readonly List<Event> _out = new();
    private long _clock;
    private long _now;
    private long _nextOrderId = 1;
    private long _priority;
    private long _maxOpenOrders = long.MaxValue;
    private int _provider = -1;
    private int _feeAccount = -1;
    private long _totalDeposits;
    private CommandType _type;
    private long _sequence;

    /// <summary>What the reference saw happen, by name (self-trade effects per mode, cancel reasons, sweeps): the runs assert on it.</summary>
    public Dictionary<string, int> Effects { get; } = new();

    /// <summary>The engine clock.</summary>
    public long Clock => _clock;

    /// <summary>Read access for generators: the markets.</summary>
    public IReadOnlyDictionary<int, RefMarket> Markets => _markets;

    /// <summary>Read access for generators: the accounts.</summary>
    public IReadOnlyDictionary<int, RefAccount> Accounts => _accounts;

    /// <summary>Read access for generators: every resting order by id (buyback bids included).</summary>
    public IReadOnlyDictionary<long, RefOrder> LiveOrders => _live;

    /// <summary>D(t) of a market at the clock (its curve as set so far; full value for an empty table).</summary>
    public long DecayNow(RefMarket m) => Decay(m, _clock);

    private void Note(string what) => Effects[what] = Effects.GetValueOrDefault(what) + 1;

    /// <summary>Runs one command; returns its result code and every event, in order.</summary>
    public (ResultCode Result, List<Event> Events) Execute(in Command c)
    {
        _out.Clear();
        _type = c.Type;
        _sequence = c.Sequence;
        _clock = Math.Max(_clock, c.Timestamp);
        _now = _clock;
        RunDueExpiries();
        ResultCode result;
        try
        {
            result = Run(in c);
        }
        catch (RejectException r)
        {
            result = r.Code;
        }
        if (result != ResultCode.Ok)
        {
            Emit(new Event
            {
                Type = EventType.Rejected, Code = result, Account = c.Account, Market = c.Market, OrderId = c.OrderId,
                ClientId = c.ClientId, Side = c.Side, Price = c.Price, Quantity = c.Quantity,
            });
        }
        return (result, new List<Event>(_out));
    }

    /// <summary>A rejection raised before anything changed (validation only throws before the first change).</summary>
    private sealed class RejectException(ResultCode code) : Exception(code.ToString())
    {
        public ResultCode Code { get; } = code;
    }

    private static void Reject(ResultCode code) => throw new RejectException(code);

    private static void Check(bool ok, ResultCode code)
    {
        if (!ok) Reject(code);
    }

    private void Emit(Event e)
    {
        e.Command = _type;
        e.Sequence = _sequence;
        e.Timestamp = _now;
        _out.Add(e);
    }

    private ResultCode Run(in Command c)
    {
        switch (c.Type)
        {
            case CommandType.Time: return ResultCode.Ok;
            case CommandType.Place: Place(in c); break;
            case CommandType.Cancel: Cancel(in c); break;
            case CommandType.Amend: Amend(in c); break;
            case CommandType.MassCancel: MassCancel(in c); break;
            case CommandType.Consume: Consume(in c); break;
            case CommandType.Spend: Spend(in c); break;
            case CommandType.Fill: Fill(in c); break;
            case CommandType.CreateAccount: CreateAccount(in c); break;
            case CommandType.Deposit: Deposit(in c); break;
            case CommandType.Grant: Grant(in c); break;
            case CommandType.SetTier: SetTier(in c); break;
            case CommandType.SetTierCap: SetTierCap(in c); break;
            case CommandType.SetMaxOpenOrders: SetMaxOpenOrders(in c); break;
            case CommandType.Link: Link(in c); break;
            case CommandType.Unlink: Unlink(in c); break;
            case CommandType.Freeze: Freeze(in c); break;
            case CommandType.Unfreeze: Unfreeze(in c); break;
            case CommandType.SetStpDefault: SetStpDefault(in c); break;
            case CommandType.SetConsumeOrder: SetConsumeOrder(in c); break;
            case CommandType.SetHouse: SetHouse(in c); break;
            case CommandType.CreateMarket: CreateMarket(in c); break;
            case CommandType.SetCurve: SetCurve(in c); break;
            case CommandType.AddCurvePoint: AddCurvePoint(in c); break;
            case CommandType.OpenMarket: OpenMarket(in c); break;
            case CommandType.HaltMarket: HaltMarket(in c); break;
            case CommandType.ResumeMarket: ResumeMarket(in c); break;
            case CommandType.ExpireMarket: ExpireMarketCommand(in c); break;
            case CommandType.SetFees: SetFees(in c); break;
            case CommandType.SetBuyback: SetBuyback(in c); break;
            default: return ResultCode.UnknownCommand;
        }
        return ResultCode.Ok;
    }

    /// <summary>
    /// Before the command: every good-till-time expiry and cycle end due by now, earliest first; at
    /// one instant an order's own expiry before a cycle end, orders by id, markets by id.
    /// </summary>
    private void RunDueExpiries()
    {
        while (true)
        {
            RefOrder? gtt = _live.Values.Where(o => o.ExpireAt != 0)
                .OrderBy(o => o.ExpireAt).ThenBy(o => o.Id).FirstOrDefault();
            RefMarket? ending = _markets.Values.Where(m => m.State != MarketState.Expired)
                .OrderBy(m => m.CycleEnd).ThenBy(m => m.Id).FirstOrDefault();
            long gttAt = gtt?.ExpireAt ?? long.MaxValue;
            long endAt = ending?.CycleEnd ?? long.MaxValue;
            if (gtt is not null && gttAt <= _now && gttAt <= endAt)
            {
                Note("expiry:gtt");
                CancelResting(gtt, CancelReason.TimeExpiry);
            }
            else if (ending is not null && endAt <= _now)
            {
                Note("expiry:cycle");
                ExpireMarket(ending);
            }
            else return;
        }
    }

    private RefAccount? AccountOrNull(int id) => _accounts.GetValueOrDefault(id);

    private RefMarket? MarketOrNull(int id) => _markets.GetValueOrDefault(id);

    private static ResultCode TradingCode(RefMarket m) => m.State switch
    {
        MarketState.Open => ResultCode.Ok,
        MarketState.PreOpen => ResultCode.MarketNotOpen,
        MarketState.Halted => ResultCode.MarketHalted,
        _ => ResultCode.MarketExpired,
    };

    private static long Decay(RefMarket m, long t)
    {
        // A table being written before open may be empty; the engine's query then reads full value.
        if (m.Curve == CurveKind.Table && m.Table.Count == 0) return Million;
        return ReferenceArithmetic.Decay(m.Curve, m.Floor, m.HalfLife, m.Table, m.CycleStart, m.CycleEnd, t);
    }

    private static long Eff(RefMarket m, long price, long decay) => ReferenceArithmetic.Effective(price, decay, m.Tick);

    private static long FeePerLot(long price, long bps) => ReferenceArithmetic.FeePerLot(price, bps);

    /// <summary>Credits × lots, checked: every amount the reference moves goes through here or BigInteger.</summary>
    private static long Mul(long a, long b) => checked(a * b);

    private static BigInteger Big(long v) => v;
}
