using TokenMatch.Commands;
using TokenMatch.Markets;
using TokenMatch.Tests.Support;
using static TokenMatch.Tests.Support.ScenarioKit;

namespace TokenMatch.Tests.Matching;

/// <summary>
/// Priority after each kind of amend: a pure reduction keeps it; an increase or a price change is a
/// cancel-and-replace (new priority, hold recomputed now) that may match at once. The order keeps its
/// order id and client id either way. Book in most tests: #1 account 10 and #2 account 12, both 5 lots
/// at 5,000,000, #1 first.
/// </summary>
public class AmendScenarioTests
{
    private CoreHarness _h = null!;

    [SetUp]
    public void SetUp()
    {
        _h = new CoreHarness();
        _h.Trader(10);
        _h.Trader(11);
        _h.Trader(12);
    }

    private void TwoAsks()
    {
        _h.Place(10, Side.Sell, 5_000_000, 5, clientId: 77);
        _h.Place(12, Side.Sell, 5_000_000, 5);
    }

    [Test]
    public void ReductionKeepsPriority()
    {
        TwoAsks();
        Assert.That(_h.MustRun(Command.Amend(_h.Now, 10, 1, 3, 0)).Lines(), Is.EqualTo(new[]
        {
            "Accepted Amend a10 m1 #1 c77 Sell 0x3",
            "Amended m1 #1 a10 c77 Sell 5000000x3",
            "Level m1 Sell 5000000=8",
        }));
        Assert.That(_h.Lots(10).HeldAllocated, Is.EqualTo(3));
        Assert.That(_h.Free(10, Origin.Allocated), Is.EqualTo(Quota - 3));
        Assert.That(_h.Place(11, Side.Buy, 5_000_000, 3).Lines()[1],
            Is.EqualTo("Trade m1 #1/a10 <- #3/a11 Buy 3@5000000 fte5000000 fees0/0 left0"));
    }

    [Test]
    public void IncreaseLosesPriority()
    {
        TwoAsks();
        Assert.That(_h.MustRun(Command.Amend(_h.Now, 10, 1, 7, 0)).Lines(), Is.EqualTo(new[]
        {
            "Accepted Amend a10 m1 #1 c77 Sell 0x7",
            "Level m1 Sell 5000000=5",
            "Amended m1 #1 a10 c77 Sell 5000000x7",
            "Level m1 Sell 5000000=12",
        }));
        Assert.That(_h.Lots(10).HeldAllocated, Is.EqualTo(7));
        Assert.That(_h.Place(11, Side.Buy, 5_000_000, 3).Lines()[1],
            Is.EqualTo("Trade m1 #2/a12 <- #3/a11 Buy 3@5000000 fte5000000 fees0/0 left2"));
    }

    [Test]
    public void PriceChangeLosesPriorityEvenBackAtTheSamePrice()
    {
        _h.Place(10, Side.Sell, 6_000_000, 5, clientId: 77);
        _h.Place(12, Side.Sell, 5_000_000, 5);
        _h.MustRun(Command.Amend(_h.Now, 10, 1, 0, 5_000_000));
        Assert.That(_h.Place(11, Side.Buy, 5_000_000, 3).Lines()[1],
            Is.EqualTo("Trade m1 #2/a12 <- #3/a11 Buy 3@5000000 fte5000000 fees0/0 left2"));
    }

    [Test]
    public void PriceChangeThatCrossesMatchesAtOnceAsTheIncomingOrder()
    {
        TwoAsks();
        _h.Place(11, Side.Buy, 4_000_000, 4);
        Assert.That(_h.MustRun(Command.Amend(_h.Now, 10, 1, 0, 4_000_000)).Lines(), Is.EqualTo(new[]
        {
            "Accepted Amend a10 m1 #1 c77 Sell 4000000x0",
            "Level m1 Sell 5000000=5",
            "Amended m1 #1 a10 c77 Sell 4000000x5",
            "Trade m1 #3/a11 <- #1/a10 Sell 4@4000000 fte4000000 fees0/0 left0",
            "Level m1 Buy 4000000=0",
            "Level m1 Sell 4000000=1",
        }));
        Assert.That(_h.Account(10).Available, Is.EqualTo(Credits + 16_000_000));
    }

    [Test]
    public void AmendKeepsOrderIdAndClientId()
    {
        TwoAsks();
        _h.MustRun(Command.AmendByClientId(_h.Now, 10, M, 77, 9, 6_000_000));
        var open = _h.Core.GetOpenOrders(10).Single();
        Assert.That((open.OrderId, open.ClientId, open.Price, open.Remaining), Is.EqualTo((1L, 77L, 6_000_000L, 9L)));
        Assert.That(_h.MustRun(Command.CancelByClientId(_h.Now, 10, M, 77)).Lines()[1],
            Is.EqualTo("Cancelled m1 #1 a10 c77 Sell 6000000x9 User"));
    }

    [Test]
    public void ReplacedGoodTillTimeOrderKeepsItsExpiry()
    {
        long expiry = _h.Now + 1_000;
        _h.Place(10, Side.Sell, 5_000_000, 5, tif: TimeInForce.GoodTillTime, expireAt: expiry);
        _h.MustRun(Command.Amend(_h.Now, 10, 1, 8, 6_000_000));
        Assert.That(_h.Core.GetOpenOrders(10).Single().ExpireAt, Is.EqualTo(expiry));
        _h.Now = expiry;
        Assert.That(_h.MustRun(Command.Time(_h.Now)).Lines(), Is.EqualTo(new[]
        {
            "Cancelled m1 #1 a10 c0 Sell 6000000x8 TimeExpiry",
            "Level m1 Sell 6000000=0",
        }));
        Assert.That(_h.Free(10, Origin.Allocated), Is.EqualTo(Quota));
    }

    [Test]
    public void ReplacedBuyHoldIsRecomputedAtTheCurrentTime()
    {
        var h = new CoreHarness(CurveKind.Linear, makerBps: 10, takerBps: 25);
        h.Trader(11);
        // At the start: hold per lot = eff(5,000,000) + ⌊5,000,000 × 25 / 10,000⌋ = 5,000,000 + 12,500.
        h.Place(11, Side.Buy, 5_000_000, 10);
        Assert.That(h.Account(11).Held, Is.EqualTo(10 * 5_012_500));
        // Half-way D = 500,000: a reduction keeps the old per-lot hold (8 × 5,012,500) ...
        h.Now = At(1, 2);
        h.MustRun(Command.Amend(h.Now, 11, 1, 8, 0));
        Assert.That(h.Account(11).Held, Is.EqualTo(8 * 5_012_500));
        // ... an increase recomputes it: eff = 2,500,000, fee ⌊2,500,000 × 25 / 10,000⌋ = 6,250.
        h.MustRun(Command.Amend(h.Now, 11, 1, 12, 0));
        Assert.That(h.Core.GetOpenOrders(11).Single().HoldPerLot, Is.EqualTo(2_506_250));
        Assert.That(h.Account(11).Held, Is.EqualTo(12 * 2_506_250));
        Assert.That(h.Account(11).Available, Is.EqualTo(Credits - 12 * 2_506_250));
    }
}
