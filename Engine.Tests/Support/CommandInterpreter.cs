using TokenMatch.Commands;
using TokenMatch.Core;
using TokenMatch.Markets;

namespace TokenMatch.Tests.Support;

/// <summary>
/// Turns a <see cref="GeneratedScenario"/> into concrete commands: a deterministic setup (house
/// accounts, traders with deposits and grants, owner groups, tier caps, four markets with different
/// curves, one with fees, one left pre-open with a table curve), then one command per generated
/// operation. Targets (open orders, client ids) are picked from the state of a core it reads,
/// never changes, so that cancels and amends mostly hit live orders. Time advances by the
/// scenario's pace and through every market's cycle end.
/// </summary>
/// <remarks>
/// Setup variants: market 1 curve none or linear (floor 20%), with maker 10 / taker 25 bps fees;
/// market 2 exponential (floor 0, so D reaches 0 before the end) or sqrt (floor 0); market 3 table,
/// exponential (floor 25%) or sqrt (floor 10%); market 4 pre-open, table. Accounts: 0 provider,
/// 1 fee account, 9 trial-only (trial and promo grants, never allocated), traders from 10 (6 to 10
/// of them, 10/11/14 in owner group 1 and 12/13 in group 2), 40 and 41 created later by admin
/// operations, 77 never created.
/// </remarks>
public sealed partial class CommandInterpreter
{
    /// <summary>The provider account (buyback bids).</summary>
    public const int Provider = 0;
    /// <summary>The fee account.</summary>
    public const int FeeAccount = 1;
    /// <summary>An account that only ever receives trial and promo lots.</summary>
    public const int TrialOnly = 9;
    /// <summary>First trader account id.</summary>
    public const int FirstTrader = 10;
    /// <summary>An account id never created.</summary>
    public const int UnknownAccountId = 77;
    /// <summary>A market id never created.</summary>
    public const int UnknownMarketId = 7;
    /// <summary>The market left pre-open by the setup.</summary>
    public const int PreOpenMarket = 4;

    /// <summary>Cycle start of every generated market.</summary>
    public static readonly long Start = CoreHarness.Start;
    /// <summary>Length of market 1's cycle (one month).</summary>
    public static readonly long Cycle = CoreHarness.End - CoreHarness.Start;

    /// <summary>The generated markets, ids 1 to 4.</summary>
    public static readonly IReadOnlyList<MarketSpec> Markets =
    [
        new(1, "LLM-L/2026-12", 1_000, 100_000, 1_000, 300_000, 1, 500, Start, Start + Cycle),
        new(2, "LLM-S/2026-12", 500, 50_000, 500, 150_000, 1, 200, Start, Start + Cycle * 3 / 4),
        new(3, "LLM-X/2026-12", 2_000, 200_000, 2_000, 600_000, 2, 1_000, Start, Start + Cycle * 5 / 4),
        new(4, "EMB/2026-12", 1_000, 100_000, 1_000, 300_000, 1, 500, Start, Start + Cycle),
    ];

    private static readonly MarketSpec Unknown = Markets[0] with { Id = UnknownMarketId };

    private readonly ExchangeCore _view;
    private readonly GeneratedScenario _scenario;
    private readonly int[] _traders;
    private readonly int[] _others = [Provider, FeeAccount, TrialOnly, 40, 41, UnknownAccountId];

    /// <summary>Prepares the commands of <paramref name="scenario"/>, picking targets from <paramref name="view"/>'s state.</summary>
    public CommandInterpreter(GeneratedScenario scenario, ExchangeCore view)
    {
        _scenario = scenario;
        _view = view;
        int traders = 6 + scenario.Variant % 5;
        _traders = Enumerable.Range(FirstTrader, traders).ToArray();
        Now = Start;
    }

    /// <summary>The time the next command is stamped with (never earlier than any command so far, apart from deliberately late stamps).</summary>
    public long Now { get; private set; }

    /// <summary>Every account id the commands may name, created or not, house accounts included.</summary>
    public IEnumerable<int> AccountIds => _traders.Concat(_others);

    /// <summary>The setup commands (one deliberate rejection among them: fees set before the house).</summary>
    public List<Command> Setup()
    {
        int v = _scenario.Variant;
        long t = Now;
        var list = new List<Command>
        {
            Command.CreateAccount(t, Provider, Tier.Trusted),
            Command.CreateAccount(t, FeeAccount, Tier.Trusted),
            Command.CreateAccount(t, TrialOnly, Tier.Unverified),
        };
        foreach (int id in _traders) list.Add(Command.CreateAccount(t, id, (Tier)(id % 3)));
        foreach (MarketSpec m in Markets) list.Add(m.Create(t));

        MarketSpec m2 = Markets[1], m3 = Markets[2];
        list.Add(v % 2 == 0 ? Command.SetCurve(t, 1, CurveKind.None) : Command.SetCurve(t, 1, CurveKind.Linear, 200_000));
        list.Add((v / 2) % 2 == 0
            ? Command.SetCurve(t, 2, CurveKind.Exponential, 0, m2.Length / 25)
            : Command.SetCurve(t, 2, CurveKind.Sqrt, 0));
        switch ((v / 4) % 3)
        {
            case 0:
                list.Add(Command.SetCurve(t, 3, CurveKind.Table));
                list.Add(Command.AddCurvePoint(t, 3, 0, 1_000_000));
                list.Add(Command.AddCurvePoint(t, 3, 500_000, 800_000));
                list.Add(Command.AddCurvePoint(t, 3, 900_000, 300_000));
                break;
            case 1:
                list.Add(Command.SetCurve(t, 3, CurveKind.Exponential, 250_000, m3.Length / 6));
                break;
            default:
                list.Add(Command.SetCurve(t, 3, CurveKind.Sqrt, 100_000));
                break;
        }
        list.Add(Command.SetCurve(t, PreOpenMarket, CurveKind.Table));
        list.Add(Command.AddCurvePoint(t, PreOpenMarket, 0, 1_000_000));
        list.Add(Command.AddCurvePoint(t, PreOpenMarket, 400_000, 900_000));

        list.Add(Command.SetFees(t, 1, 10, 25));
        list.Add(Command.SetHouse(t, Provider, FeeAccount));
        list.Add(Command.SetFees(t, 1, 10, 25));
        for (int id = 1; id <= 3; id++) list.Add(Command.MarketState(t, CommandType.OpenMarket, id));
        list.Add(Command.SetTierCap(t, Tier.Unverified, 60));
        list.Add(Command.SetTierCap(t, Tier.Verified, 200));

        list.Add(Command.Deposit(t, Provider, 1_000_000_000_000));
        list.Add(Command.Deposit(t, TrialOnly, 5_000_000));
        foreach (int id in _traders)
        {
            list.Add(Command.Deposit(t, id, id % 4 == 0 ? 400_000 : 20_000_000L * (1 + id % 3)));
            for (int market = 1; market <= 4; market++)
                list.Add(Command.Grant(t, id, market, Origin.Allocated, market == PreOpenMarket ? 50 : 80 + 10 * (id % 5)));
            if (id % 2 == 0) list.Add(Command.Grant(t, id, 1, Origin.Trial, 10));
            if (id % 3 == 0) list.Add(Command.Grant(t, id, 2, Origin.Promo, 5));
        }
        list.Add(Command.Grant(t, TrialOnly, 1, Origin.Trial, 40));
        list.Add(Command.Grant(t, TrialOnly, 2, Origin.Promo, 30));
        list.Add(Command.Grant(t, TrialOnly, 3, Origin.Trial, 20));
        foreach (int id in _traders)
        {
            if (id is 10 or 11 or 14) list.Add(Command.Link(t, id, 1));
            if (id is 12 or 13) list.Add(Command.Link(t, id, 2));
        }
        return list;
    }

    /// <summary>The command for one generated operation; advances <see cref="Now"/>.</summary>
    public Command Next(GenOp op)
    {
        var r = new OpRandom(op.Seed);
        if (op.Kind != OpKind.Time && r.Chance(50)) Now += r.Below(2 * _scenario.Pace);
        Command c = op.Kind switch
        {
            OpKind.Place => Place(ref r),
            OpKind.Cancel => Cancel(ref r),
            OpKind.CancelByClientId => CancelByClientId(ref r),
            OpKind.Amend => Amend(ref r),
            OpKind.MassCancel => Command.MassCancel(Now, PickAccount(ref r), r.Chance(50) ? -1 : PickMarket(ref r).Id),
            OpKind.Consume => Consume(ref r),
            OpKind.Spend => Spend(ref r),
            OpKind.Deposit => Deposit(ref r),
            OpKind.Grant => Grant(ref r),
            OpKind.Link => Command.Link(Now, PickAccount(ref r), r.Chance(85) ? r.Between(1, 3) : -r.Below(2)),
            OpKind.Unlink => Command.Unlink(Now, PickAccount(ref r)),
            OpKind.Freeze => Command.Freeze(Now, PickAccount(ref r)),
            OpKind.Unfreeze => Command.Unfreeze(Now, PickFrozenAccount(ref r)),
            OpKind.SetStpDefault => Command.SetStpDefault(Now, PickAccount(ref r), PickStp(ref r, allowDefault: false)),
            OpKind.SetTier => Command.SetTier(Now, PickAccount(ref r), r.Chance(95) ? (Tier)r.Below(3) : (Tier)9),
            OpKind.SetTierCap => SetTierCap(ref r),
            OpKind.SetMaxOpenOrders => SetMaxOpenOrders(ref r),
            OpKind.SetBuyback => SetBuyback(ref r),
            OpKind.SetFees => SetFees(ref r),
            OpKind.Halt => Command.MarketState(Now, CommandType.HaltMarket, PickMarket(ref r).Id),
            OpKind.Resume => Command.MarketState(Now, CommandType.ResumeMarket, PickHaltedMarket(ref r)),
            OpKind.Expire => Expire(ref r),
            OpKind.Fill => Fill(ref r),
            OpKind.Time => Time(ref r),
            OpKind.SetConsumeOrder => SetConsumeOrder(ref r),
            OpKind.Admin => Admin(ref r),
            _ => Invalid(ref r),
        };
        // Now and then a command arrives stamped before the clock: the core must process it at the clock.
        if (op.Kind != OpKind.Time && r.Chance(4)) c.Timestamp = Now - 1 - r.Below(1_000);
        else Now = Math.Max(Now, c.Timestamp);
        return c;
    }

    private int PickAccount(ref OpRandom r) => r.Chance(92) ? r.Pick(_traders) : r.Pick(_others);

    private MarketSpec PickMarket(ref OpRandom r) => r.Weighted([92, 5, 2, 1]) switch
    {
        0 => Markets[(int)r.Below(3)],
        1 => Markets[3],
        2 => Unknown,
        _ => Unknown with { Id = -1 },
    };

    /// <summary>A frozen account when one is (so that freezes do not last), else any account.</summary>
    private int PickFrozenAccount(ref OpRandom r)
    {
        var frozen = AccountIds.Where(id => _view.GetAccount(id)?.Frozen == true).ToList();
        return frozen.Count > 0 && r.Chance(80) ? r.Pick(frozen) : PickAccount(ref r);
    }

    /// <summary>A halted market when one is (so that halts do not last), else any market.</summary>
    private int PickHaltedMarket(ref OpRandom r)
    {
        var halted = Markets.Where(m => _view.GetMarket(m.Id)?.State == MarketState.Halted).Select(m => m.Id).ToList();
        return halted.Count > 0 && r.Chance(80) ? r.Pick(halted) : PickMarket(ref r).Id;
    }

    private static MarketSpec SpecOf(int market) => market is >= 1 and <= 4 ? Markets[market - 1] : Unknown;

    private static StpMode PickStp(ref OpRandom r, bool allowDefault) =>
        r.Weighted([allowDefault ? 40 : 0, 10, 10, 12, 12, 14, 2]) switch
        {
            0 => StpMode.Default,
            1 => StpMode.None,
            2 => StpMode.CancelNewest,
            3 => StpMode.CancelOldest,
            4 => StpMode.CancelBoth,
            5 => StpMode.DecrementAndCancel,
            _ => r.Chance(50) && !allowDefault ? StpMode.Default : (StpMode)9,
        };

    /// <summary>An open order of any account, the buyback bids included, or null when none rests.</summary>
    private OrderView? PickOpenOrder(ref OpRandom r, bool withClientId = false)
    {
        var open = new List<OrderView>();
        foreach (int id in AccountIds) open.AddRange(_view.GetOpenOrders(id));
        if (!withClientId)
            for (int market = 1; market <= 4; market++)
                if (_view.GetBuybackOrder(market) is { } bid) open.Add(bid);
        if (withClientId) open.RemoveAll(o => o.ClientId == 0);
        return open.Count == 0 ? null : r.Pick(open);
    }

    /// <summary>An FTE price on a narrow band around face (so orders cross), now and then extreme or malformed.</summary>
    private (long Price, PriceKind Kind) PickPrice(ref OpRandom r, MarketSpec m)
    {
        long fte = m.Face + r.Between(-4, 4) * m.Tick;
        switch (r.Weighted([80, 12, 2, 1, 1, 2, 1, 1]))
        {
            case 0: return (fte, PriceKind.Fte);
            case 1: return (AbsoluteNear(ref r, m, fte), PriceKind.Absolute);
            case 2: return (fte + m.Tick / 2, PriceKind.Fte);
            case 3: return (r.Chance(50) ? 0 : -m.Tick, PriceKind.Fte);
            case 4: return (m.MaxPrice + m.Tick, PriceKind.Fte);
            case 5: return (r.Chance(50) ? m.MinPrice : m.MaxPrice, PriceKind.Fte);
            case 6: return (fte, (PriceKind)5);
            default: return (-fte, PriceKind.Absolute);
        }
    }

    /// <summary>An absolute price near what FTE <paramref name="fte"/> is worth now (give or take half a tick).</summary>
    private long AbsoluteNear(ref OpRandom r, MarketSpec m, long fte)
    {
        // Markets not trading take full value: their curve may still be being written (the decay query reads an
        // empty table as full value too). Kept this way so that the fixed-seed runs generate what they always did.
        long decay = _view.GetMarket(m.Id) is { State: MarketState.Open or MarketState.Halted } ? _view.GetDecay(m.Id)!.Value : DecayCurve.Full;
        return Math.Max(1, fte * decay / DecayCurve.Full + r.Between(-m.Tick / 2, m.Tick / 2));
    }

    private static long PickQuantity(ref OpRandom r, MarketSpec m) => r.Weighted([88, 6, 2, 2, 2]) switch
    {
        0 => r.Between(1, 12),
        1 => r.Between(13, 120),
        2 => -r.Below(3),
        3 => m.MaxQuantity + r.Between(1, 10),
        _ => long.MaxValue / 3,
    };
}
