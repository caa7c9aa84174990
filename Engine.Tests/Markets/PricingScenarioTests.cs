using TokenMatch.Commands;
using TokenMatch.Markets;
using TokenMatch.Tests.Support;
using static TokenMatch.Tests.Support.ScenarioKit;

namespace TokenMatch.Tests.Markets;

/// <summary>
/// Executed-price rounding and absolute-price conversion at hand-worked points. On the linear curve
/// with floor 0, a third of the way through the cycle, D = 1,000,000 − ⌊1,000,000 × (T/3) / T⌋ = 666,667.
/// </summary>
public class PricingScenarioTests
{
    private CoreHarness _h = null!;

    [SetUp]
    public void SetUp()
    {
        _h = new CoreHarness(CurveKind.Linear);
        _h.Trader(10);
        _h.Trader(11);
    }

    [Test]
    public void ExecutedPriceIsTheRestingPricesEffectiveValueRoundedDownToTheTick()
    {
        _h.Place(10, Side.Sell, 5_000_000, 3);
        _h.Now = At(1, 3);
        _h.MustRun(Command.Time(_h.Now));
        Assert.That(_h.Core.GetDecay(M), Is.EqualTo(666_667));
        // ⌊5,000,000 × 666,667 / 1,000,000⌋ = 3,333,335; ⌊3,333,335 / 1,000⌋ × 1,000 = 3,333,000.
        Assert.That(_h.Place(11, Side.Buy, 5_000_000, 3).Lines()[1],
            Is.EqualTo("Trade m1 #1/a10 <- #2/a11 Buy 3@3333000 fte5000000 fees0/0 left0"));
        Assert.That(_h.Account(11).Available, Is.EqualTo(Credits - 9_999_000));
    }

    [Test]
    public void EffectivePriceIsNeverBelowOneTick()
    {
        _h.Place(10, Side.Sell, 1_000, 2);
        _h.Place(10, Side.Sell, 2_000, 2);
        _h.Now = At(1, 3);
        // eff(1,000) = max(1,000, ⌊666 / 1,000⌋ × 1,000 = 0); eff(2,000) = max(1,000, ⌊1,333 / 1,000⌋ × 1,000 = 1,000).
        var lines = _h.Place(11, Side.Buy, 2_000, 4).Lines();
        Assert.That(lines[1], Is.EqualTo("Trade m1 #1/a10 <- #3/a11 Buy 2@1000 fte1000 fees0/0 left0"));
        Assert.That(lines[3], Is.EqualTo("Trade m1 #2/a10 <- #3/a11 Buy 2@1000 fte2000 fees0/0 left0"));
    }

    [Test]
    public void AbsoluteBuyRoundsDownAndAbsoluteSellRoundsUp()
    {
        _h.Now = At(1, 3);
        // 3,000,000 × 1,000,000 / 666,667 / 1,000 = 4,499.997…: a buy gets 4,499,000, a sell 4,500,000.
        Assert.That(_h.Place(11, Side.Buy, 3_000_000, 1, kind: PriceKind.Absolute).Lines()[0],
            Is.EqualTo("Accepted Place a11 m1 #1 c0 Buy 4499000x1"));
        Assert.That(_h.Place(10, Side.Sell, 3_000_000, 1, kind: PriceKind.Absolute).Lines()[0],
            Is.EqualTo("Accepted Place a10 m1 #2 c0 Sell 4500000x1"));
        // Never worse for the sender: the buy's effective price ⌊2,999,334 / 1,000⌋ × 1,000 = 2,999,000 ≤ 3,000,000
        // (its hold), the sell's ⌊3,000,001 / 1,000⌋ × 1,000 = 3,000,000 ≥ 3,000,000. They do not cross.
        Assert.That(_h.Account(11).Held, Is.EqualTo(2_999_000));
        Assert.That(_h.Core.GetDepth(M, 1)!.Bids[0].Price, Is.EqualTo(4_499_000));
        Assert.That(_h.Core.GetDepth(M, 1)!.Asks[0].Price, Is.EqualTo(4_500_000));
    }

    [Test]
    public void AbsoluteAmendConvertsAtTheCurrentDecay()
    {
        _h.Place(11, Side.Buy, 1_000_000, 1);
        _h.Now = At(1, 3);
        _h.MustRun(Command.Amend(_h.Now, 11, 1, 0, 3_000_000, PriceKind.Absolute));
        Assert.That(_h.Core.GetOpenOrders(11).Single().Price, Is.EqualTo(4_499_000));
    }

    [Test]
    public void AbsolutePriceIsRejectedWhenTheDecayIsZero()
    {
        // Table curve: full value at the start, 0 from half-way (the market still open until its end).
        _h.OpenMarket(2, "LLM-S/2026-12", curve: CurveKind.Table, table: [(0, 1_000_000), (500_000, 0)]);
        _h.MustRun(Command.Grant(_h.Now, 10, 2, Origin.Allocated, 10));
        _h.Now = At(1, 4);
        _h.MustRun(Command.Time(_h.Now));
        // A quarter in: D = 1,000,000 − (1,000,000 − 0) × 250,000 / 500,000 = 500,000.
        Assert.That(_h.Core.GetDecay(2), Is.EqualTo(500_000));
        _h.Now = At(1, 2);
        Assert.That(_h.Core.GetDecay(2), Is.EqualTo(500_000), "the clock moves only with a command");
        _h.MustRun(Command.Time(_h.Now));
        Assert.That(_h.Core.GetDecay(2), Is.Zero);
        _h.MustReject(_h.PlaceCommand(11, Side.Buy, 3_000_000, 1, kind: PriceKind.Absolute, market: 2), ResultCode.DecayIsZero);
        _h.MustReject(_h.PlaceCommand(10, Side.Sell, 3_000_000, 1, kind: PriceKind.Absolute, market: 2), ResultCode.DecayIsZero);
        // FTE prices still trade, at one tick: eff = max(1,000, 0).
        _h.Place(10, Side.Sell, 5_000_000, 2, market: 2);
        Assert.That(_h.Place(11, Side.Buy, 5_000_000, 2, market: 2).Lines()[1],
            Is.EqualTo("Trade m2 #1/a10 <- #2/a11 Buy 2@1000 fte5000000 fees0/0 left0"));
    }
}
