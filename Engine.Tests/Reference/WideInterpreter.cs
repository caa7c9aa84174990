using TokenMatch.Commands;
using TokenMatch.Markets;
using TokenMatch.Tests.Support;

namespace TokenMatch.Tests.Reference;

/// <summary>
/// Turns a <see cref="GeneratedScenario"/> into commands for one market whose shape the variant picks:
/// from 3 levels to 2²⁰ (the most a market may span, so the price bitmap's second level and many
/// summary words are used), ticks of 1, 3 or 1,000, prices dense around a point, spread over the whole
/// band, or at its edges and at 4,096-level block edges; quantities at their bounds and sweeps that
/// take the whole book; 6 to 14 traders in three owner groups with link and unlink mid-run; every
/// self-trade mode (and the default) against every order type and time in force; good-till-time
/// orders and heartbeats to exactly their expiry; halts, buybacks, freezes, replay fills. Targets are
/// picked from the <see cref="ReferenceExchange"/>'s state, never the engine's.
/// </summary>
public sealed class WideInterpreter
{
    /// <summary>Level counts the variants cycle through.</summary>
    public static readonly int[] LevelChoices = [3, 8, 64, 65, 700, 4_096, 4_097, 9_000, 70_001, 1 << 20];

    /// <summary>Relative frequency of each operation kind.</summary>
    public static readonly IReadOnlyList<(int Weight, OpKind Kind)> Weights =
    [
        (120, OpKind.Place), (6, OpKind.Cancel), (4, OpKind.CancelByClientId), (14, OpKind.Amend), (2, OpKind.MassCancel),
        (3, OpKind.Consume), (2, OpKind.Spend), (2, OpKind.Deposit), (3, OpKind.Grant), (8, OpKind.Link), (5, OpKind.Unlink),
        (2, OpKind.Freeze), (4, OpKind.Unfreeze), (6, OpKind.SetStpDefault), (2, OpKind.SetTier), (1, OpKind.SetTierCap),
        (1, OpKind.SetMaxOpenOrders), (6, OpKind.SetBuyback), (2, OpKind.SetFees), (2, OpKind.Halt), (5, OpKind.Resume),
        (4, OpKind.Fill), (10, OpKind.Time), (1, OpKind.SetConsumeOrder),
    ];

    private const int Market = 1;
    private readonly ReferenceExchange _view;
    private readonly GeneratedScenario _scenario;
    private readonly int[] _traders;
    private readonly long _tick, _min, _max, _levels, _face, _minQty, _maxQty, _start, _end;
    private readonly int _priceMode;
    private readonly long _center;

    /// <summary>Prepares the commands of <paramref name="scenario"/>, picking targets from <paramref name="view"/>.</summary>
    public WideInterpreter(GeneratedScenario scenario, ReferenceExchange view)
    {
        _scenario = scenario;
        _view = view;
        int v = scenario.Variant;
        var r = new OpRandom((ulong)v * 0x9E3779B97F4A7C15UL + (ulong)scenario.Pace);
        _levels = LevelChoices[v % LevelChoices.Length];
        _tick = r.Pick([1L, 3L, 1_000L]);
        _min = _tick * r.Between(1, 40);
        _max = _min + (_levels - 1) * _tick;
        long faceIndex = r.Below(_levels);
        _minQty = r.Pick([1L, 1L, 2L]);
        _maxQty = r.Pick([12L, 1_000L, 100_000L]);
        _priceMode = (v / LevelChoices.Length) % 4;
        _center = _min + r.Below(_levels) * _tick;
        // Face sits a few ticks above the dense band's centre (when there is one), so that a buyback bid at face crosses asks.
        _face = _priceMode == 0 ? Math.Min(_max, _center + 3 * _tick) : _min + faceIndex * _tick;
        _start = CommandInterpreter.Start;
        _end = _start + CommandInterpreter.Cycle;
        _traders = Enumerable.Range(10, 6 + v % 9).ToArray();
        Now = _start;
    }

    /// <summary>The time the next command is stamped with.</summary>
    public long Now { get; private set; }

    /// <summary>The cycle end: runs of every fourth variant end with a heartbeat there (expiry of orders and lots).</summary>
    public long CycleEnd => _end;

    /// <summary>Price levels the market spans.</summary>
    public long Levels => _levels;

    /// <summary>A short description of the market shape, for failure messages.</summary>
    public string Shape => $"{_levels} levels, tick {_tick}, prices {_min}..{_max}, face {_face}, qty {_minQty}..{_maxQty}, price mode {_priceMode}";

    /// <summary>House accounts, traders with credits and lots, the market with the variant's curve, owner groups.</summary>
    public List<Command> Setup()
    {
        long t = Now;
        int v = _scenario.Variant;
        var list = new List<Command>
        {
            Command.CreateAccount(t, 0, Tier.Trusted), Command.CreateAccount(t, 1, Tier.Trusted), Command.SetHouse(t, 0, 1),
            Command.CreateMarket(t, Market, "WIDE", 1_000, _tick, _face, _min, _max, _minQty, _maxQty, _start, _end),
        };
        list.Add(((v / 3) % 5) switch
        {
            0 => Command.SetCurve(t, Market, CurveKind.None),
            1 => Command.SetCurve(t, Market, CurveKind.Linear, 300_000),
            2 => Command.SetCurve(t, Market, CurveKind.Exponential, 0, (_end - _start) / 9),
            3 => Command.SetCurve(t, Market, CurveKind.Sqrt, 50_000),
            _ => Command.SetCurve(t, Market, CurveKind.Table),
        });
        if ((v / 3) % 5 == 4)
        {
            list.Add(Command.AddCurvePoint(t, Market, 0, 1_000_000));
            list.Add(Command.AddCurvePoint(t, Market, 300_000, 950_000));
            list.Add(Command.AddCurvePoint(t, Market, 800_000, 0));
        }
        if (v % 2 == 0) list.Add(Command.SetFees(t, Market, 7 * (v % 4), 30));
        list.Add(Command.MarketState(t, CommandType.OpenMarket, Market));
        list.Add(Command.Deposit(t, 0, 1_000_000_000_000_000));
        foreach (int id in _traders)
        {
            list.Add(Command.CreateAccount(t, id, (Tier)(id % 3)));
            list.Add(Command.Deposit(t, id, id % 5 == 0 ? 3_000_000 : 100_000_000_000_000));
            list.Add(Command.Grant(t, id, Market, Origin.Allocated, id % 7 == 0 ? 30 : 10_000_000));
            if (id % 3 == 0) list.Add(Command.Grant(t, id, Market, Origin.Trial, 20));
            if (id % 4 == 0) list.Add(Command.Grant(t, id, Market, Origin.Promo, 20));
            if (id % 3 != 2) list.Add(Command.Link(t, id, 1 + id % 3));
            if (id % 4 == 1) list.Add(Command.SetStpDefault(t, id, (StpMode)(1 + id % 5)));
        }
        return list;
    }

    /// <summary>The command of one operation; advances <see cref="Now"/>.</summary>
    public Command Next(GenOp op)
    {
        var r = new OpRandom(op.Seed);
        if (op.Kind != OpKind.Time && r.Chance(50)) Now += r.Below(2 * _scenario.Pace);
        bool halted = _view.Markets.TryGetValue(Market, out RefMarket? market) && market.State == MarketState.Halted;
        OpKind kind = halted && op.Kind == OpKind.Place && r.Chance(40) ? OpKind.SetBuyback : op.Kind;
        Command c = kind switch
        {
            OpKind.Place => Place(ref r),
            OpKind.Cancel => PickOrder(ref r) is { } o ? Command.Cancel(Now, o.Account, o.Id) : Command.Cancel(Now, Trader(ref r), 1),
            OpKind.CancelByClientId => PickOrder(ref r, withClientId: true) is { } o
                ? Command.CancelByClientId(Now, o.Account, Market, o.ClientId) : Command.CancelByClientId(Now, Trader(ref r), Market, 3),
            OpKind.Amend => Amend(ref r),
            OpKind.MassCancel => Command.MassCancel(Now, PickOrder(ref r) is { Buyback: false } mo && r.Chance(80) ? mo.Account : Trader(ref r), r.Chance(50) ? -1 : Market),
            OpKind.Consume => Command.Consume(Now, Trader(ref r), Market, r.Between(1, 40)),
            OpKind.Spend => Command.Spend(Now, Trader(ref r), r.Between(1, 5_000_000)),
            OpKind.Deposit => Command.Deposit(Now, Trader(ref r), r.Between(1, 1_000_000_000)),
            OpKind.Grant => Command.Grant(Now, Trader(ref r), Market, (Origin)r.Below(3), r.Between(1, 1_000)),
            OpKind.Link => Command.Link(Now, Trader(ref r), r.Between(1, 2)),
            OpKind.Unlink => Command.Unlink(Now, Trader(ref r)),
            OpKind.Freeze => Command.Freeze(Now, Trader(ref r)),
            OpKind.Unfreeze => Command.Unfreeze(Now, Frozen(ref r)),
            OpKind.SetStpDefault => Command.SetStpDefault(Now, Trader(ref r), (StpMode)r.Between(1, 5)),
            OpKind.SetTier => Command.SetTier(Now, Trader(ref r), (Tier)r.Below(3)),
            OpKind.SetTierCap => Command.SetTierCap(Now, (Tier)r.Below(3), r.Chance(50) ? long.MaxValue : r.Between(0, 20_000)),
            OpKind.SetMaxOpenOrders => Command.SetMaxOpenOrders(Now, r.Chance(60) ? long.MaxValue : r.Between(1, 40)),
            // While halted, a bid at face that often crosses resting asks, so that the resume must match it.
            OpKind.SetBuyback => _view.Markets.TryGetValue(Market, out RefMarket? m) && m.State == MarketState.Halted
                ? Command.SetBuyback(Now, Market, 10_000, m.BoughtBack + r.Between(100, 500))
                : Command.SetBuyback(Now, Market, r.Between(0, 10_000), r.Chance(20) ? 0 : r.Between(1, 500)),
            OpKind.SetFees => Command.SetFees(Now, Market, r.Between(0, 40), r.Between(0, 60)),
            OpKind.Halt => Command.MarketState(Now, CommandType.HaltMarket, Market),
            OpKind.Resume => Command.MarketState(Now, CommandType.ResumeMarket, Market),
            OpKind.Fill => Fill(ref r),
            OpKind.Time => Time(ref r),
            _ => Command.SetConsumeOrder(Now, Origin.Allocated, Origin.Trial, Origin.Acquired, Origin.Promo),
        };
        if (kind != OpKind.Time && r.Chance(3)) c.Timestamp = Now - 1 - r.Below(1_000);
        else Now = Math.Max(Now, c.Timestamp);
        return c;
    }

    private int Trader(ref OpRandom r) => r.Chance(97) ? r.Pick(_traders) : 0;

    private int Frozen(ref OpRandom r)
    {
        var frozen = _view.Accounts.Values.Where(a => a.Frozen).Select(a => a.Id).ToList();
        return frozen.Count > 0 && r.Chance(85) ? r.Pick(frozen) : Trader(ref r);
    }

    private RefOrder? PickOrder(ref OpRandom r, bool withClientId = false)
    {
        var open = _view.LiveOrders.Values.Where(o => !withClientId || o.ClientId != 0).OrderBy(o => o.Id).ToList();
        return open.Count == 0 ? null : r.Pick(open);
    }

    /// <summary>A price on the tick by the variant's mode: dense near a point, anywhere, or at band and block edges.</summary>
    private long Price(ref OpRandom r, Side side)
    {
        int mode = r.Chance(70) ? _priceMode : (int)r.Below(4);
        long index = mode switch
        {
            0 => (_center - _min) / _tick + r.Between(-5, 5) + (side == Side.Buy ? -4 : 4),
            // Anywhere, bids mostly in the lower half and asks in the upper, so that sparse books build depth too.
            1 => r.Chance(80) ? (side == Side.Buy ? r.Below(_levels / 2 + 1) : _levels / 2 + r.Below(_levels - _levels / 2)) : r.Below(_levels),
            2 => r.Pick([0L, 1L, _levels - 2, _levels - 1, _levels / 2]),
            _ => 4_096 * r.Below(Math.Max(1, _levels / 4_096 + 1)) + r.Between(-2, 2),
        };
        index = Math.Clamp(index, 0, _levels - 1);
        return _min + index * _tick;
    }

    private long Quantity(ref OpRandom r) => r.Weighted([70, 8, 8, 8, 6]) switch
    {
        0 => Math.Clamp(r.Between(1, 12), _minQty, _maxQty),
        1 => _minQty,
        2 => _maxQty,
        3 => Math.Min(_maxQty, r.Between(13, 400)),
        _ => r.Chance(50) ? _maxQty + 1 : _minQty - 1,
    };

    private Command Place(ref OpRandom r)
    {
        int account = Trader(ref r);
        Side side = r.Chance(50) ? Side.Buy : Side.Sell;
        OrderType type = r.Weighted([55, 25, 20]) switch { 0 => OrderType.Limit, 1 => OrderType.Market, _ => OrderType.PostOnly };
        TimeInForce tif = type switch
        {
            OrderType.Market => r.Pick([TimeInForce.Default, TimeInForce.Ioc, TimeInForce.Fok]),
            OrderType.PostOnly => r.Pick([TimeInForce.Default, TimeInForce.GoodTillCycle, TimeInForce.GoodTillTime]),
            _ => r.Weighted([35, 25, 15, 12, 13]) switch
            {
                0 => TimeInForce.Default,
                1 => TimeInForce.GoodTillCycle,
                2 => TimeInForce.GoodTillTime,
                3 => TimeInForce.Ioc,
                _ => TimeInForce.Fok,
            },
        };
        long expireAt = tif == TimeInForce.GoodTillTime ? Expiry(ref r) : 0;
        StpMode stp = (StpMode)r.Weighted([30, 14, 14, 14, 14, 14]);
        long clientId = r.Chance(40) ? 0 : r.Between(1, 30);
        long price = Price(ref r, side);
        long quantity = Quantity(ref r);
        PriceKind kind = PriceKind.Fte;
        // Now and then an order aimed at a resting order of the same owner (itself or a linked account), any mode.
        if (r.Chance(20) && PickOrder(ref r) is { Buyback: false } own)
        {
            var owners = _view.Accounts.Values.Where(a => a.Id == own.Account
                || (a.Group != 0 && a.Group == _view.Accounts[own.Account].Group)).Select(a => a.Id).ToList();
            OrderType t = r.Chance(60) ? OrderType.Limit : OrderType.Market;
            TimeInForce f = t == OrderType.Market ? r.Pick([TimeInForce.Ioc, TimeInForce.Fok]) : r.Pick([TimeInForce.Default, TimeInForce.Ioc, TimeInForce.Fok]);
            return Command.Place(Now, r.Pick(owners), Market, own.Side == Side.Buy ? Side.Sell : Side.Buy, own.Price,
                Math.Clamp(own.Remaining + r.Between(-2, 3), _minQty, _maxQty), t, f, 0, (StpMode)r.Between(0, 5));
        }
        // Now and then a sweep: a market order for the most it may, through the whole other side.
        if (r.Chance(10))
            return Command.Place(Now, account, Market, side, 0, Math.Min(_maxQty, 300), OrderType.Market, TimeInForce.Ioc, 0,
                r.Chance(50) ? StpMode.None : (StpMode)r.Between(0, 5));
        if (type == OrderType.Market && r.Chance(50)) price = 0;
        else if (r.Chance(8))
        {
            long decay = _view.DecayNow(_view.Markets[Market]);
            (price, kind) = (Math.Max(1, price * decay / 1_000_000 + r.Between(-_tick, _tick)), PriceKind.Absolute);
        }
        return Command.Place(Now, account, Market, side, price, quantity, type, tif, clientId, stp, kind, expireAt);
    }

    /// <summary>A good-till-time expiry after now: often on a grid of the pace, so that several orders expire at one instant (then by id).</summary>
    private long Expiry(ref OpRandom r)
    {
        if (r.Chance(50)) return Now + 1 + r.Below(4 * _scenario.Pace);
        long grid = _scenario.Pace;
        return (Now / grid + 1 + r.Below(3)) * grid;
    }

    private Command Amend(ref OpRandom r)
    {
        RefOrder? o = PickOrder(ref r);
        if (o is null) return Command.Amend(Now, Trader(ref r), 1, 1, 0);
        long quantity = 0, price = 0;
        switch (r.Below(4))
        {
            case 0: quantity = Math.Max(1, o.Remaining - r.Between(1, 3)); break;
            case 1: quantity = Math.Min(_maxQty + (r.Chance(10) ? 1 : 0), o.Remaining + r.Between(1, 20)); break;
            case 2: price = Price(ref r, o.Side); break;
            default: quantity = Quantity(ref r); price = Price(ref r, o.Side); break;
        }
        return r.Chance(25) && o.ClientId != 0
            ? Command.AmendByClientId(Now, o.Account, Market, o.ClientId, quantity, price)
            : Command.Amend(Now, o.Account, o.Id, quantity, price);
    }

    private Command Fill(ref OpRandom r)
    {
        RefOrder? o = PickOrder(ref r);
        if (o is null) return Command.Fill(Now, Trader(ref r), 1, 1);
        return Command.Fill(Now, Trader(ref r), o.Id, r.Chance(90) ? r.Between(1, o.Remaining) : o.Remaining + 1);
    }

    private Command Time(ref OpRandom r)
    {
        switch (r.Below(5))
        {
            case 0:
                {
                    // Exactly at the earliest pending good-till-time expiry (or just before it).
                    var pending = _view.LiveOrders.Values.Where(o => o.ExpireAt >= Now).Select(o => o.ExpireAt).ToList();
                    if (pending.Count > 0) return Command.Time(pending.Min() - (r.Chance(25) ? 1 : 0));
                    return Command.Time(Now + _scenario.Pace);
                }
            case 1:
            case 2:
                return Command.Time(Now + r.Below(4 * _scenario.Pace));
            default:
                return Command.Time(_end - Now <= 20 * _scenario.Pace ? _end - (r.Chance(50) ? 0 : 1) : Now + _scenario.Pace);
        }
    }
}
