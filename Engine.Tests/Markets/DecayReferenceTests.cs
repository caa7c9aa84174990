using FsCheck;
using FsCheck.Fluent;
using System.Numerics;
using TokenMatch.Commands;
using TokenMatch.Core;
using TokenMatch.Events;
using TokenMatch.Markets;
using TokenMatch.Tests.Support;

namespace TokenMatch.Tests.Markets;

/// <summary>
/// <see cref="DecayCurve"/> and <see cref="Pricing"/> against <see cref="ReferenceArithmetic"/> (BigInteger,
/// straight from the brief) over random curves, times and prices; hand-worked points for every curve;
/// monotonicity; and the core's holds, executed prices, fees and absolute-price entry against the reference.
/// </summary>
public class DecayReferenceTests
{
    private const long Full = 1_000_000;

    // Hand-worked points use a cycle of exactly 1,000,000 ns, so that elapsed ns are elapsed ppm.
    private const long HandStart = 1_000;
    private const long HandEnd = HandStart + 1_000_000;

    private static readonly (long X, long D)[] HandTable = [(0, 1_000_000), (500_000, 800_000), (900_000, 300_000)];

    private static Config Runs(int count) => Config.QuickThrowOnFailure.WithMaxTest(count * CommandGenerators.Multiplier).WithQuietOnSuccess(true);

    private static DecayCurve Curve(CurveKind kind, long floor = 0, long halfLife = 0, IEnumerable<(long X, long D)>? table = null)
    {
        var curve = new DecayCurve();
        curve.Set(kind, floor, halfLife);
        foreach (var (x, d) in table ?? []) curve.TryAddPoint(x, d);
        return curve;
    }

    // none: 1,000,000 at every time.
    [TestCase(0, 1_000_000)]
    [TestCase(500_000, 1_000_000)]
    [TestCase(1_000_000, 1_000_000)]
    [TestCase(2_000_000, 1_000_000)]
    public void NoneByHand(long elapsed, long expected) => AssertHand(Curve(CurveKind.None), elapsed, expected, CurveKind.None, 0, 0);

    // linear, floor 200,000: D = 1,000,000 − 800,000 × e / 1,000,000.
    // e = 0 → 1,000,000; e = 1 → 800,000 × 1 / 10⁶ = 0.8 → 0 → 1,000,000;
    // e = 333,333 → 266,666.4 → 266,666 → 733,334; e = 500,000 → 400,000 → 600,000;
    // e = T → 200,000; past the end e is clamped to T → 200,000.
    [TestCase(0, 1_000_000)]
    [TestCase(1, 1_000_000)]
    [TestCase(333_333, 733_334)]
    [TestCase(500_000, 600_000)]
    [TestCase(1_000_000, 200_000)]
    [TestCase(3_000_000, 200_000)]
    public void LinearByHand(long elapsed, long expected) =>
        AssertHand(Curve(CurveKind.Linear, 200_000), elapsed, expected, CurveKind.Linear, 200_000, 0);

    // sqrt, floor 100,000: D = 100,000 + 900,000 × isqrt(r × 10¹² / T) / 10⁶.
    // start r = 10⁶ → isqrt(10¹²) = 10⁶ → 1,000,000; middle r = 500,000 → isqrt(5 × 10¹¹) = 707,106
    // (707,106² = 499,998,895,236 ≤ 5 × 10¹¹ < 707,107² = 500,000,309,449) → 900,000 × 707,106 / 10⁶
    // = 636,395.4 → 636,395 → 736,395; end r = 0 → 100,000; past the end → 100,000.
    [TestCase(0, 1_000_000)]
    [TestCase(500_000, 736_395)]
    [TestCase(1_000_000, 100_000)]
    [TestCase(1_000_001, 100_000)]
    public void SqrtByHand(long elapsed, long expected) =>
        AssertHand(Curve(CurveKind.Sqrt, 100_000), elapsed, expected, CurveKind.Sqrt, 100_000, 0);

    // sqrt, floor 0: e = 750,000 → r = 250,000 → isqrt(2.5 × 10¹¹) = 500,000 → 500,000;
    // one ns before the end r = 1 → isqrt(10⁶) = 1,000 → 1,000.
    [TestCase(750_000, 500_000)]
    [TestCase(999_999, 1_000)]
    public void SqrtFloorZeroByHand(long elapsed, long expected) =>
        AssertHand(Curve(CurveKind.Sqrt, 0), elapsed, expected, CurveKind.Sqrt, 0, 0);

    // exponential, half-life 100,000 ns, floor 0: start g = 10⁶; middle k = 5, v = 10⁶ >> 5 = 31,250, e mod h = 0
    // → 31,250; e = 550,000: k = 5, (v − v/2) = 15,625 × 50,000 / 100,000 = 7,812.5 → 7,812 → 23,438;
    // end k = 10, v = 10⁶ >> 10 = 976 → 976; past the end (clamped) → 976.
    [TestCase(0, 0, 1_000_000)]
    [TestCase(0, 500_000, 31_250)]
    [TestCase(0, 550_000, 23_438)]
    [TestCase(0, 1_000_000, 976)]
    [TestCase(0, 5_000_000, 976)]
    // floor 250,000: D = 250,000 + 750,000 × g / 10⁶: middle 750,000 × 31,250 / 10⁶ = 23,437.5 → 273,437;
    // end 750,000 × 976 / 10⁶ = 732 → 250,732.
    [TestCase(250_000, 0, 1_000_000)]
    [TestCase(250_000, 500_000, 273_437)]
    [TestCase(250_000, 1_000_000, 250_732)]
    [TestCase(250_000, 1_000_001, 250_732)]
    public void ExponentialByHand(long floor, long elapsed, long expected) =>
        AssertHand(Curve(CurveKind.Exponential, floor, 100_000), elapsed, expected, CurveKind.Exponential, floor, 100_000);

    // exponential, half-life 40,000 ns, floor 0: e = 799,999 → k = 19, v = 10⁶ >> 19 = 1, (1 − 0) × 39,999 / 40,000 = 0
    // → g = 1; e = 800,000 → k = 20 → g = 0: D reaches 0 before the end and stays there.
    [TestCase(799_999, 1)]
    [TestCase(800_000, 0)]
    [TestCase(1_000_000, 0)]
    public void ExponentialReachesZeroByHand(long elapsed, long expected) =>
        AssertHand(Curve(CurveKind.Exponential, 0, 40_000), elapsed, expected, CurveKind.Exponential, 0, 40_000);

    // table (0, 10⁶), (500,000, 800,000), (900,000, 300,000): e = 250,000 → 10⁶ − 200,000 × 250,000 / 500,000
    // = 900,000; e = 333,333 → 133,333.2 → 133,333 → 866,667; e = 500,000 → 800,000 (a point);
    // e = 700,000 → 800,000 − 500,000 × 200,000 / 400,000 = 550,000; e = 950,000 → last held 300,000; end and past: 300,000.
    [TestCase(0, 1_000_000)]
    [TestCase(250_000, 900_000)]
    [TestCase(333_333, 866_667)]
    [TestCase(500_000, 800_000)]
    [TestCase(700_000, 550_000)]
    [TestCase(950_000, 300_000)]
    [TestCase(1_000_000, 300_000)]
    [TestCase(4_000_000, 300_000)]
    public void TableByHand(long elapsed, long expected) =>
        AssertHand(Curve(CurveKind.Table, table: HandTable), elapsed, expected, CurveKind.Table, 0, 0);

    [Test]
    public void BeforeTheStartEveryCurveIsAtFullValue()
    {
        foreach (DecayCurve curve in new[]
                 {
                     Curve(CurveKind.None), Curve(CurveKind.Linear, 200_000), Curve(CurveKind.Sqrt, 100_000),
                     Curve(CurveKind.Exponential, 0, 100_000), Curve(CurveKind.Table, table: HandTable),
                 })
            Assert.That(curve.At(HandStart, HandEnd, HandStart - 500), Is.EqualTo(Full), curve.Kind.ToString());
    }

    [Test]
    public void TheDecayQueryAnswersForAMarketWithAnEmptyTable()
    {
        var core = new ExchangeCore(SmallOptions);
        var log = new EventLog();
        var create = Command.CreateMarket(CoreHarness.Start, 4, "EMB/2026-12", 1_000, 1_000, 100_000, 1_000, 300_000, 1, 500, CoreHarness.Start, CoreHarness.End);
        var curve = Command.SetCurve(CoreHarness.Start, 4, CurveKind.Table);
        core.Execute(ref create, log);
        core.Execute(ref curve, log);
        Assert.That(curve.Result, Is.EqualTo(ResultCode.Ok));
        Assert.That(core.GetDecay(4), Is.EqualTo(Full), "a table without points reads as full value");
    }

    private static void AssertHand(DecayCurve curve, long elapsed, long expected, CurveKind kind, long floor, long halfLife)
    {
        long t = HandStart + elapsed;
        Assert.That(curve.At(HandStart, HandEnd, t), Is.EqualTo(expected), "engine");
        Assert.That(ReferenceArithmetic.Decay(kind, floor, halfLife, HandTable, HandStart, HandEnd, t), Is.EqualTo(expected), "reference");
    }

    [Test]
    public void PricesByHand()
    {
        // D = 736,395 (sqrt's middle above), FTE 100,000, tick 1,000: 100,000 × 736,395 / 10⁶ = 73,639.5 → 73,639
        // → ⌊73.639⌋ × 1,000 = 73,000.
        Assert.That(Pricing.Effective(100_000, 736_395, 1_000), Is.EqualTo(73_000));
        // FTE 1,000 at D = 976: 0.976 → 0 ticks → raised to one tick.
        Assert.That(Pricing.Effective(1_000, 976, 1_000), Is.EqualTo(1_000));
        // Fee at 25 bps on 73,000: 182.5 → 182 per lot; 7 lots → 1,274.
        Assert.That(Pricing.FeePerLot(73_000, 25), Is.EqualTo(182));
        Assert.That(ReferenceArithmetic.Fee(7, 73_000, 25), Is.EqualTo(1_274));
        // Absolute 73,500 at D = 736,395: 73,500 × 10⁶ / 736,395 = 99,810.56…; a buy rounds down to 99,000,
        // a sell up to 100,000.
        Assert.That(Pricing.AbsoluteToFte(73_500, 736_395, 1_000, isBuy: true), Is.EqualTo(99_000));
        Assert.That(Pricing.AbsoluteToFte(73_500, 736_395, 1_000, isBuy: false), Is.EqualTo(100_000));
        // A buy at FTE 100,000 with maker 10 / taker 25 bps holds 73,000 + ⌊73,000 × 25 / 10,000⌋ = 73,182 per lot.
        Assert.That(ReferenceArithmetic.BuyHoldPerLot(100_000, 736_395, 1_000, 10, 25), Is.EqualTo(73_182));
        // The reference agrees with every hand value above.
        Assert.That(ReferenceArithmetic.Effective(100_000, 736_395, 1_000), Is.EqualTo(73_000));
        Assert.That(ReferenceArithmetic.Effective(1_000, 976, 1_000), Is.EqualTo(1_000));
        Assert.That(ReferenceArithmetic.AbsoluteToFte(73_500, 736_395, 1_000, isBuy: true), Is.EqualTo(99_000));
        Assert.That(ReferenceArithmetic.AbsoluteToFte(73_500, 736_395, 1_000, isBuy: false), Is.EqualTo(100_000));
    }

    [Test]
    public void DecayMatchesTheReferenceAtRandomTimes()
    {
        var gen = from c in CurveCases.Random()
                  from t in CurveCases.Time(c.Start, c.End)
                  select (c, t);
        Check.One(Runs(3_000), Prop.ForAll(Arb.From(gen), sample =>
        {
            var (c, t) = sample;
            long expected = ReferenceArithmetic.Decay(c.Kind, c.Floor, c.HalfLife, c.Table, c.Start, c.End, t);
            Assert.That(c.Build().At(c.Start, c.End, t), Is.EqualTo(expected), $"{c} at {t}");
        }));
    }

    [Test]
    public void DecayNeverRisesAndStaysBetweenItsFloorAndFullValue()
    {
        var gen = from c in CurveCases.Random()
                  from t1 in CurveCases.Time(c.Start, c.End)
                  from t2 in CurveCases.Time(c.Start, c.End)
                  select (c, Math.Min(t1, t2), Math.Max(t1, t2));
        Check.One(Runs(2_000), Prop.ForAll(Arb.From(gen), sample =>
        {
            var (c, early, late) = sample;
            DecayCurve curve = c.Build();
            long d1 = curve.At(c.Start, c.End, early), d2 = curve.At(c.Start, c.End, late);
            long lowest = c.Kind == CurveKind.Table ? c.Table[^1].D : c.Kind == CurveKind.None ? Full : c.Floor;
            Assert.That(d2, Is.LessThanOrEqualTo(d1), $"{c}: D({early}) = {d1}, D({late}) = {d2}");
            Assert.That(d2, Is.InRange(lowest, Full), c.ToString());
            Assert.That(d1, Is.InRange(lowest, Full), c.ToString());
        }));
    }

    [Test]
    public void IntegerSqrtMatchesBigIntegerSqrt()
    {
        var edge = Gen.Elements(0UL, 1UL, 2UL, 3UL, 4UL, 1_000_000_000_000UL, 999_999_999_999UL, ulong.MaxValue, ulong.MaxValue - 1,
            (ulong)uint.MaxValue * uint.MaxValue, (ulong)uint.MaxValue * uint.MaxValue - 1, 1UL << 62, (1UL << 62) - 1);
        var squareish = from root in Gen.Choose(0, int.MaxValue)
                        from delta in Gen.Choose(-1, 1)
                        select unchecked((ulong)root * (ulong)root + (ulong)delta);
        var gen = Gen.Frequency((1, edge), (3, squareish), (6, CurveCases.ULong()));
        Check.One(Runs(5_000), Prop.ForAll(Arb.From(gen), n =>
            Assert.That((BigInteger)DecayCurve.IntegerSqrt(n), Is.EqualTo(ReferenceArithmetic.IntegerSqrt(n)), $"isqrt({n})")));
    }

    [Test]
    public void EffectiveFeesAndAbsoluteConversionMatchTheReference()
    {
        var gen = from price in CurveCases.LongBetween(1, Market.MaxPriceLimit)
                  from decay in Gen.Frequency((1, Gen.Elements(0L, 1L, Full)), (9, CurveCases.LongBetween(0, Full)))
                  from tick in Gen.Elements(1L, 7L, 500L, 1_000L, 2_000L, 1_000_000L)
                  from bps in Gen.Choose(0, 1_000)
                  from absolute in CurveCases.LongBetween(1, Market.MaxPriceLimit)
                  select (price, decay, tick, (long)bps, absolute);
        Check.One(Runs(3_000), Prop.ForAll(Arb.From(gen), sample =>
        {
            var (price, decay, tick, bps, absolute) = sample;
            long eff = Pricing.Effective(price, decay, tick);
            Assert.That(eff, Is.EqualTo(ReferenceArithmetic.Effective(price, decay, tick)), "eff");
            Assert.That(eff >= tick && eff % tick == 0, "eff is at least a tick and on the tick");
            Assert.That(Pricing.FeePerLot(eff, bps), Is.EqualTo(ReferenceArithmetic.FeePerLot(eff, bps)), "fee");
            if (decay == 0) return;
            foreach (bool isBuy in new[] { true, false })
            {
                long? expected = ReferenceArithmetic.AbsoluteToFte(absolute, decay, tick, isBuy);
                long fte = Pricing.AbsoluteToFte(absolute, decay, tick, isBuy);
                Assert.That(fte, Is.EqualTo(expected ?? -1), $"abs→FTE {(isBuy ? "buy" : "sell")}");
                if (expected is null) continue;
                // Never worse for the sender: a buy's FTE is worth at most the absolute price, a sell's at least.
                BigInteger worth = (BigInteger)fte * decay;
                Assert.That(isBuy ? worth <= (BigInteger)absolute * Full : worth >= (BigInteger)absolute * Full, "never worse for the sender");
            }
        }));
    }

    [Test]
    public void EffectiveNeverRisesAsDecayFallsAndNeverFallsAsPriceRises()
    {
        var gen = from p1 in CurveCases.LongBetween(1, 10_000_000)
                  from p2 in CurveCases.LongBetween(1, 10_000_000)
                  from d1 in CurveCases.LongBetween(0, Full)
                  from d2 in CurveCases.LongBetween(0, Full)
                  from tick in Gen.Elements(1L, 500L, 1_000L, 3_000L)
                  select (Math.Min(p1, p2), Math.Max(p1, p2), Math.Min(d1, d2), Math.Max(d1, d2), tick);
        Check.One(Runs(2_000), Prop.ForAll(Arb.From(gen), sample =>
        {
            var (low, high, lessDecay, moreDecay, tick) = sample;
            Assert.That(Pricing.Effective(low, moreDecay, tick), Is.LessThanOrEqualTo(Pricing.Effective(high, moreDecay, tick)));
            Assert.That(Pricing.Effective(high, lessDecay, tick), Is.LessThanOrEqualTo(Pricing.Effective(high, moreDecay, tick)));
        }));
    }

    [Test]
    public void TheCoreHoldsChargesAndConvertsAsTheReferenceSays()
    {
        var gen = from c in Gen.Elements(CoreCurves)
                  from elapsedPermille in Gen.Choose(0, 999)
                  from limitTicks in Gen.Choose(1, 20_000)
                  from maker in Gen.Choose(0, 1_000)
                  from taker in Gen.Choose(0, 1_000)
                  from quantity in Gen.Choose(1, 50)
                  from absolute in CurveCases.LongBetween(1, 30_000_000)
                  select (c, elapsedPermille, limitTicks * CoreHarness.Tick, (long)maker, (long)taker, (long)quantity, absolute);
        Check.One(Runs(150), Prop.ForAll(Arb.From(gen), sample =>
        {
            var (c, permille, limit, maker, taker, quantity, absolute) = sample;
            CoreHoldCase(c, permille, limit, maker, taker, quantity, absolute);
        }));
    }

    private static readonly CurveCase[] CoreCurves =
    [
        new(CurveKind.None, 0, 0, [], CoreHarness.Start, CoreHarness.End),
        new(CurveKind.Linear, 150_000, 0, [], CoreHarness.Start, CoreHarness.End),
        new(CurveKind.Sqrt, 0, 0, [], CoreHarness.Start, CoreHarness.End),
        new(CurveKind.Exponential, 50_000, (CoreHarness.End - CoreHarness.Start) / 7, [], CoreHarness.Start, CoreHarness.End),
        new(CurveKind.Exponential, 0, (CoreHarness.End - CoreHarness.Start) / 30, [], CoreHarness.Start, CoreHarness.End),
        new(CurveKind.Table, 0, 0, [.. HandTable], CoreHarness.Start, CoreHarness.End),
    ];

    /// <summary>A resting buy's hold per lot, the trade a sell takes from it, its fees, and an absolute-price buy's FTE.</summary>
    private static void CoreHoldCase(CurveCase c, int permille, long limit, long maker, long taker, long quantity, long absolute)
    {
        long t = c.Start + (c.End - c.Start) / 1_000 * permille;
        var core = new ExchangeCore(SmallOptions);
        var log = new EventLog();
        long sequence = 0;
        ResultCode Run(Command command)
        {
            command.Sequence = ++sequence;
            log.Events.Clear();
            core.Execute(ref command, log);
            return command.Result;
        }
        void Must(Command command) => Assert.That(Run(command), Is.EqualTo(ResultCode.Ok), TestText.Describe(command));

        const int market = CoreHarness.MarketId;
        foreach (int id in new[] { 0, 1, 10, 11 }) Must(Command.CreateAccount(c.Start, id, Tier.Trusted));
        Must(Command.SetHouse(c.Start, 0, 1));
        Must(Command.CreateMarket(c.Start, market, "REF/1", 1_000, CoreHarness.Tick, 10_000_000, CoreHarness.Tick, 20_000_000, 1, 1_000, c.Start, c.End));
        Must(Command.SetCurve(c.Start, market, c.Kind, c.Kind == CurveKind.Table ? 0 : c.Floor, c.HalfLife));
        foreach (var (x, d) in c.Table) Must(Command.AddCurvePoint(c.Start, market, x, d));
        Must(Command.SetFees(c.Start, market, maker, taker));
        Must(Command.MarketState(c.Start, CommandType.OpenMarket, market));
        Must(Command.Deposit(c.Start, 10, 1_000_000_000_000));
        Must(Command.Grant(c.Start, 11, market, Origin.Allocated, 1_000));

        long decay = ReferenceArithmetic.Decay(c.Kind, c.Floor, c.HalfLife, c.Table, c.Start, c.End, t);
        Must(Command.Place(t, 10, market, Side.Buy, limit, quantity));
        OrderView bid = core.GetOpenOrders(10).Single();
        Assert.That(bid.HoldPerLot, Is.EqualTo(ReferenceArithmetic.BuyHoldPerLot(limit, decay, CoreHarness.Tick, maker, taker)), "hold per lot");

        Must(Command.Place(t, 11, market, Side.Sell, CoreHarness.Tick, quantity, OrderType.Limit, TimeInForce.Ioc));
        Event trade = log.Events.Single(e => e.Type == EventType.Trade);
        long exec = ReferenceArithmetic.Effective(limit, decay, CoreHarness.Tick);
        Assert.That(trade.ExecPrice, Is.EqualTo(exec), "executed price");
        Assert.That(trade.Fee, Is.EqualTo(ReferenceArithmetic.Fee(quantity, exec, maker)), "buyer (maker) fee");
        Assert.That(trade.OtherFee, Is.EqualTo(ReferenceArithmetic.Fee(quantity, exec, taker)), "seller (taker) fee");

        long? fte = ReferenceArithmetic.AbsoluteToFte(absolute, decay, CoreHarness.Tick, isBuy: true);
        ResultCode result = Run(Command.Place(t, 10, market, Side.Buy, absolute, 1, priceKind: PriceKind.Absolute));
        if (fte is null) Assert.That(result, Is.EqualTo(ResultCode.DecayIsZero));
        else if (fte < CoreHarness.Tick || fte > 20_000_000) Assert.That(result, Is.EqualTo(ResultCode.PriceOutOfRange));
        else Assert.That(log.Events.First(e => e.Type == EventType.Accepted).Price, Is.EqualTo(fte), "absolute price entered as FTE");
    }

    private static CoreOptions SmallOptions => new()
    {
        InitialOrderCapacity = 16, InitialAccountCapacity = 16, InitialClientIdCapacity = 16, EventBufferSize = 64,
    };
}
