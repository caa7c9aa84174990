using TokenMatch.Commands;
using TokenMatch.Core;
using TokenMatch.Events;
using TokenMatch.Markets;

namespace TokenMatch.Tests.Support;

/// <summary>
/// Shorthands for scenario tests on top of <see cref="CoreHarness"/>: placing orders, reading
/// balances and lots, opening extra markets and naming instants of the standard cycle.
/// </summary>
public static class ScenarioKit
{
    /// <summary>The standard market.</summary>
    public const int M = CoreHarness.MarketId;

    /// <summary>Credits a <see cref="CoreHarness.Trader"/> starts with.</summary>
    public const long Credits = 1_000_000_000_000;

    /// <summary>Allocated lots a <see cref="CoreHarness.Trader"/> starts with.</summary>
    public const long Quota = 10_000;

    /// <summary>Length of the standard cycle: 31 days = 2,678,400,000,000,000 ns (divisible by 2, 3 and 4).</summary>
    public static long CycleLength => CoreHarness.End - CoreHarness.Start;

    /// <summary>The instant <paramref name="num"/>/<paramref name="den"/> of the way through the standard cycle.</summary>
    public static long At(long num, long den) => CoreHarness.Start + CycleLength / den * num;

    /// <summary>Places an order stamped <see cref="CoreHarness.Now"/> that must be accepted; returns its events.</summary>
    public static List<Event> Place(this CoreHarness h, int account, Side side, long price, long quantity,
        OrderType type = OrderType.Limit, TimeInForce tif = TimeInForce.Default, long clientId = 0,
        StpMode stp = StpMode.Default, PriceKind kind = PriceKind.Fte, long expireAt = 0, int market = M) =>
        h.MustRun(Command.Place(h.Now, account, market, side, price, quantity, type, tif, clientId, stp, kind, expireAt));

    /// <summary>The command of a place, stamped <see cref="CoreHarness.Now"/>, for <see cref="CoreHarness.MustReject"/>.</summary>
    public static Command PlaceCommand(this CoreHarness h, int account, Side side, long price, long quantity,
        OrderType type = OrderType.Limit, TimeInForce tif = TimeInForce.Default, long clientId = 0,
        StpMode stp = StpMode.Default, PriceKind kind = PriceKind.Fte, long expireAt = 0, int market = M) =>
        Command.Place(h.Now, account, market, side, price, quantity, type, tif, clientId, stp, kind, expireAt);

    /// <summary>The order id of the first accepted event of a place.</summary>
    public static long OrderId(this List<Event> events) => events.First(e => e.Type == EventType.Accepted).OrderId;

    /// <summary>An account's balances (the account must exist).</summary>
    public static AccountView Account(this CoreHarness h, int account) => h.Core.GetAccount(account)!;

    /// <summary>An account's lots in a market; all zero when it never held any there.</summary>
    public static MarketLotsView Lots(this CoreHarness h, int account, int market = M) =>
        h.Account(account).Lots.FirstOrDefault(l => l.Market == market) ?? new MarketLotsView(market, new long[4], 0, 0);

    /// <summary>Free lots of one origin.</summary>
    public static long Free(this CoreHarness h, int account, Origin origin, int market = M) =>
        h.Lots(account, market).Free[(int)origin];

    /// <summary>Creates an account with credits and lots of any origin in the standard market.</summary>
    public static void Holder(this CoreHarness h, int account, long credits = 0, long allocated = 0, long trial = 0,
        long promo = 0, Tier tier = Tier.Verified)
    {
        h.MustRun(Command.CreateAccount(h.Now, account, tier));
        if (credits > 0) h.MustRun(Command.Deposit(h.Now, account, credits));
        if (allocated > 0) h.MustRun(Command.Grant(h.Now, account, M, Origin.Allocated, allocated));
        if (trial > 0) h.MustRun(Command.Grant(h.Now, account, M, Origin.Trial, trial));
        if (promo > 0) h.MustRun(Command.Grant(h.Now, account, M, Origin.Promo, promo));
    }

    /// <summary>
    /// Creates and opens another market over the standard cycle: quantities 1..1,000,000, the given
    /// tick, face and FTE bounds, and a decay curve (a table curve takes <paramref name="table"/> points).
    /// </summary>
    public static void OpenMarket(this CoreHarness h, int market, string symbol, long face = 10_000_000,
        long tick = CoreHarness.Tick, long minPrice = CoreHarness.Tick, long maxPrice = 20_000_000,
        CurveKind curve = CurveKind.None, long floor = 0, params (long ElapsedPpm, long DecayPpm)[] table)
    {
        h.MustRun(Command.CreateMarket(h.Now, market, symbol, 1_000, tick, face, minPrice, maxPrice, 1, 1_000_000,
            CoreHarness.Start, CoreHarness.End));
        h.MustRun(Command.SetCurve(h.Now, market, curve, floor));
        foreach (var (x, d) in table) h.MustRun(Command.AddCurvePoint(h.Now, market, x, d));
        h.MustRun(Command.MarketState(h.Now, CommandType.OpenMarket, market));
    }
}
