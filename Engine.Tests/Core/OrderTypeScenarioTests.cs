using TokenMatch.Commands;
using TokenMatch.Tests.Support;
using static TokenMatch.Tests.Support.ScenarioKit;

namespace TokenMatch.Tests.Core;

/// <summary>
/// Each order type (limit, market, post-only) and time in force (good-till-cycle, good-till-time,
/// IOC, FOK) on the standard market (decay none, no fees, tick 1,000), with exact events and balances.
/// </summary>
public class OrderTypeScenarioTests
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

    [Test]
    public void GoodTillCycleLimitRestsThenFillsAtTheRestingPrice()
    {
        Assert.That(_h.Place(10, Side.Sell, 5_000_000, 10).Lines(), Is.EqualTo(new[]
        {
            "Accepted Place a10 m1 #1 c0 Sell 5000000x10",
            "Level m1 Sell 5000000=10",
        }));
        // 6,000,000 ≥ 5,000,000 crosses; the trade executes at eff(resting 5,000,000) = 5,000,000 (D = 1,000,000).
        Assert.That(_h.Place(11, Side.Buy, 6_000_000, 4).Lines(), Is.EqualTo(new[]
        {
            "Accepted Place a11 m1 #2 c0 Buy 6000000x4",
            "Trade m1 #1/a10 <- #2/a11 Buy 4@5000000 fte5000000 fees0/0 left6",
            "Level m1 Sell 5000000=6",
        }));
        // Buyer: 4 × 5,000,000 = 20,000,000 paid; the rest of its 4 × 6,000,000 hold released.
        Assert.That(_h.Account(11).Available, Is.EqualTo(Credits - 20_000_000));
        Assert.That(_h.Account(11).Held, Is.Zero);
        Assert.That(_h.Free(11, Origin.Acquired), Is.EqualTo(4));
        // Seller: paid 20,000,000; 10 allocated lots left the free pool, 6 of them still held by the order.
        Assert.That(_h.Account(10).Available, Is.EqualTo(Credits + 20_000_000));
        Assert.That(_h.Free(10, Origin.Allocated), Is.EqualTo(Quota - 10));
        Assert.That(_h.Lots(10).HeldAllocated, Is.EqualTo(6));
    }

    [Test]
    public void BetterPriceTradesFirstThenTimePriority()
    {
        _h.Place(10, Side.Sell, 5_000_000, 5);
        _h.Place(12, Side.Sell, 5_000_000, 5);
        _h.Place(10, Side.Sell, 4_000_000, 3);
        Assert.That(_h.Place(11, Side.Buy, 5_000_000, 12).Lines(), Is.EqualTo(new[]
        {
            "Accepted Place a11 m1 #4 c0 Buy 5000000x12",
            "Trade m1 #3/a10 <- #4/a11 Buy 3@4000000 fte4000000 fees0/0 left0",
            "Level m1 Sell 4000000=0",
            "Trade m1 #1/a10 <- #4/a11 Buy 5@5000000 fte5000000 fees0/0 left0",
            "Level m1 Sell 5000000=5",
            "Trade m1 #2/a12 <- #4/a11 Buy 4@5000000 fte5000000 fees0/0 left1",
            "Level m1 Sell 5000000=1",
        }));
        // 3 × 4,000,000 + 9 × 5,000,000 = 57,000,000.
        Assert.That(_h.Account(11).Available, Is.EqualTo(Credits - 57_000_000));
    }

    [Test]
    public void MarketBuyWithoutProtectionSweepsTheBookAndCancelsTheRemainder()
    {
        _h.Place(10, Side.Sell, 5_000_000, 3);
        _h.Place(12, Side.Sell, 7_000_000, 2);
        // No protection price: the limit is the market's max FTE price, 20,000,000; IOC by default.
        Assert.That(_h.Place(11, Side.Buy, 0, 10, OrderType.Market).Lines(), Is.EqualTo(new[]
        {
            "Accepted Place a11 m1 #3 c0 Buy 20000000x10",
            "Trade m1 #1/a10 <- #3/a11 Buy 3@5000000 fte5000000 fees0/0 left0",
            "Level m1 Sell 5000000=0",
            "Trade m1 #2/a12 <- #3/a11 Buy 2@7000000 fte7000000 fees0/0 left0",
            "Level m1 Sell 7000000=0",
            "Cancelled m1 #3 a11 c0 Buy 20000000x5 IocRemainder",
        }));
        // 3 × 5,000,000 + 2 × 7,000,000 = 29,000,000; nothing stays held.
        Assert.That(_h.Account(11).Available, Is.EqualTo(Credits - 29_000_000));
        Assert.That(_h.Account(11).Held, Is.Zero);
        Assert.That(_h.Free(11, Origin.Acquired), Is.EqualTo(5));
    }

    [Test]
    public void MarketBuyWithoutProtectionHoldsAtTheMarketsMaxPrice()
    {
        _h.Place(10, Side.Sell, 5_000_000, 10);
        // The hold is 10 × eff(20,000,000) = 200,000,000 even though the book offers 5,000,000.
        _h.Holder(20, credits: 200_000_000);
        _h.Holder(21, credits: 199_999_999);
        _h.Place(20, Side.Buy, 0, 10, OrderType.Market);
        Assert.That(_h.Account(20).Available, Is.EqualTo(200_000_000 - 50_000_000));
        _h.MustReject(_h.PlaceCommand(21, Side.Buy, 0, 10, OrderType.Market), ResultCode.InsufficientCredits);
        // With a protection price of 5,000,000 the hold is 10 × 5,000,000 = 50,000,000: affordable.
        _h.Place(10, Side.Sell, 5_000_000, 10);
        _h.Place(21, Side.Buy, 5_000_000, 10, OrderType.Market);
        Assert.That(_h.Account(21).Available, Is.EqualTo(199_999_999 - 50_000_000));
    }

    [Test]
    public void MarketBuyWithProtectionPriceStopsAtItsCap()
    {
        _h.Place(10, Side.Sell, 5_000_000, 3);
        _h.Place(12, Side.Sell, 7_000_000, 2);
        Assert.That(_h.Place(11, Side.Buy, 6_000_000, 10, OrderType.Market).Lines(), Is.EqualTo(new[]
        {
            "Accepted Place a11 m1 #3 c0 Buy 6000000x10",
            "Trade m1 #1/a10 <- #3/a11 Buy 3@5000000 fte5000000 fees0/0 left0",
            "Level m1 Sell 5000000=0",
            "Cancelled m1 #3 a11 c0 Buy 6000000x7 IocRemainder",
        }));
        var asks = _h.Core.GetDepth(M, 10)!.Asks;
        Assert.That(asks.Select(l => (l.Price, l.Quantity)), Is.EqualTo(new[] { (7_000_000L, 2L) }));
    }

    [Test]
    public void MarketSellWithProtectionPriceStopsAtItsFloor()
    {
        _h.Place(11, Side.Buy, 8_000_000, 2);
        _h.Place(12, Side.Buy, 4_000_000, 3);
        Assert.That(_h.Place(10, Side.Sell, 6_000_000, 5, OrderType.Market).Lines(), Is.EqualTo(new[]
        {
            "Accepted Place a10 m1 #3 c0 Sell 6000000x5",
            "Trade m1 #1/a11 <- #3/a10 Sell 2@8000000 fte8000000 fees0/0 left0",
            "Level m1 Buy 8000000=0",
            "Cancelled m1 #3 a10 c0 Sell 6000000x3 IocRemainder",
        }));
        // The 3 unfilled lots go back to free allocated and to the tier cap's count.
        Assert.That(_h.Free(10, Origin.Allocated), Is.EqualTo(Quota - 2));
        Assert.That(_h.Lots(10).HeldAllocated, Is.Zero);
        Assert.That(_h.Lots(10).SellCounted, Is.EqualTo(2));
    }

    [Test]
    public void MarketSellWithoutProtectionTakesEveryBid()
    {
        _h.Place(11, Side.Buy, 8_000_000, 2);
        _h.Place(12, Side.Buy, 4_000_000, 3);
        // No floor: the limit is the market's min FTE price, 1,000.
        Assert.That(_h.Place(10, Side.Sell, 0, 5, OrderType.Market).Lines(), Is.EqualTo(new[]
        {
            "Accepted Place a10 m1 #3 c0 Sell 1000x5",
            "Trade m1 #1/a11 <- #3/a10 Sell 2@8000000 fte8000000 fees0/0 left0",
            "Level m1 Buy 8000000=0",
            "Trade m1 #2/a12 <- #3/a10 Sell 3@4000000 fte4000000 fees0/0 left0",
            "Level m1 Buy 4000000=0",
        }));
        // 2 × 8,000,000 + 3 × 4,000,000 = 28,000,000.
        Assert.That(_h.Account(10).Available, Is.EqualTo(Credits + 28_000_000));
    }

    [Test]
    public void MarketFokFillsWholeOrIsRejected()
    {
        _h.Place(10, Side.Sell, 5_000_000, 3);
        _h.Place(12, Side.Sell, 7_000_000, 2);
        _h.MustReject(_h.PlaceCommand(11, Side.Buy, 0, 6, OrderType.Market, TimeInForce.Fok), ResultCode.FokNotFillable);
        Assert.That(_h.Place(11, Side.Buy, 0, 5, OrderType.Market, TimeInForce.Fok).Lines(), Is.EqualTo(new[]
        {
            "Accepted Place a11 m1 #3 c0 Buy 20000000x5",
            "Trade m1 #1/a10 <- #3/a11 Buy 3@5000000 fte5000000 fees0/0 left0",
            "Level m1 Sell 5000000=0",
            "Trade m1 #2/a12 <- #3/a11 Buy 2@7000000 fte7000000 fees0/0 left0",
            "Level m1 Sell 7000000=0",
        }));
    }

    [Test]
    public void PostOnlyRestsWhenItWouldNotTakeAndLaterMakes()
    {
        _h.Place(10, Side.Sell, 5_000_000, 5);
        _h.MustReject(_h.PlaceCommand(11, Side.Buy, 5_000_000, 2, OrderType.PostOnly), ResultCode.PostOnlyWouldTake);
        Assert.That(_h.Place(11, Side.Buy, 4_999_000, 2, OrderType.PostOnly).Lines(), Is.EqualTo(new[]
        {
            "Accepted Place a11 m1 #2 c0 Buy 4999000x2",
            "Level m1 Buy 4999000=2",
        }));
        Assert.That(_h.Place(12, Side.Sell, 4_999_000, 2).Lines(), Is.EqualTo(new[]
        {
            "Accepted Place a12 m1 #3 c0 Sell 4999000x2",
            "Trade m1 #2/a11 <- #3/a12 Sell 2@4999000 fte4999000 fees0/0 left0",
            "Level m1 Buy 4999000=0",
        }));
    }

    [Test]
    public void GoodTillTimeExpiresBeforeTheFirstCommandAtItsTime()
    {
        long expiry = _h.Now + 1_000;
        _h.Place(11, Side.Buy, 4_000_000, 5, tif: TimeInForce.GoodTillTime, expireAt: expiry);
        Assert.That(_h.Account(11).Held, Is.EqualTo(20_000_000));

        _h.Now = expiry - 1;
        Assert.That(_h.MustRun(Command.Time(_h.Now)), Is.Empty);

        // The first command at its time is a sell that would have crossed it: the expiry runs first.
        _h.Now = expiry;
        var events = _h.Place(10, Side.Sell, 4_000_000, 5);
        Assert.That(events.Lines(), Is.EqualTo(new[]
        {
            "Cancelled m1 #1 a11 c0 Buy 4000000x5 TimeExpiry",
            "Level m1 Buy 4000000=0",
            "Accepted Place a10 m1 #2 c0 Sell 4000000x5",
            "Level m1 Sell 4000000=5",
        }));
        Assert.That(events.Select(e => e.Timestamp), Is.All.EqualTo(expiry));
        Assert.That(_h.Account(11).Held, Is.Zero);
        Assert.That(_h.Account(11).Available, Is.EqualTo(Credits));
    }

    [Test]
    public void IocLimitCancelsItsUnfilledRemainder()
    {
        _h.Place(10, Side.Sell, 5_000_000, 4);
        Assert.That(_h.Place(11, Side.Buy, 6_000_000, 10, tif: TimeInForce.Ioc).Lines(), Is.EqualTo(new[]
        {
            "Accepted Place a11 m1 #2 c0 Buy 6000000x10",
            "Trade m1 #1/a10 <- #2/a11 Buy 4@5000000 fte5000000 fees0/0 left0",
            "Level m1 Sell 5000000=0",
            "Cancelled m1 #2 a11 c0 Buy 6000000x6 IocRemainder",
        }));
        Assert.That(_h.Core.GetDepth(M, 10)!.Bids, Is.Empty);
        Assert.That(_h.Account(11).Held, Is.Zero);
        Assert.That(_h.Account(11).Available, Is.EqualTo(Credits - 20_000_000));
    }

    [Test]
    public void FokFillsWholeAcrossLevels()
    {
        _h.Place(10, Side.Sell, 5_000_000, 4);
        _h.Place(12, Side.Sell, 6_000_000, 3);
        Assert.That(_h.Place(11, Side.Buy, 6_000_000, 7, tif: TimeInForce.Fok).Lines(), Is.EqualTo(new[]
        {
            "Accepted Place a11 m1 #3 c0 Buy 6000000x7",
            "Trade m1 #1/a10 <- #3/a11 Buy 4@5000000 fte5000000 fees0/0 left0",
            "Level m1 Sell 5000000=0",
            "Trade m1 #2/a12 <- #3/a11 Buy 3@6000000 fte6000000 fees0/0 left0",
            "Level m1 Sell 6000000=0",
        }));
        // 4 × 5,000,000 + 3 × 6,000,000 = 38,000,000.
        Assert.That(_h.Account(11).Available, Is.EqualTo(Credits - 38_000_000));
    }

    [Test]
    public void FokNotFillableClaimsNoIdAndNoClientIdAndChangesNothing()
    {
        _h.Place(10, Side.Sell, 5_000_000, 4);
        _h.Place(12, Side.Sell, 6_000_000, 3);
        // 7 lots rest at or below 6,000,000: 8 cannot fill whole, nor can 7 capped at 5,000,000.
        _h.MustReject(_h.PlaceCommand(11, Side.Buy, 6_000_000, 8, tif: TimeInForce.Fok, clientId: 42), ResultCode.FokNotFillable);
        _h.MustReject(_h.PlaceCommand(11, Side.Buy, 5_000_000, 7, tif: TimeInForce.Fok, clientId: 42), ResultCode.FokNotFillable);
        // The next accepted order takes id 3 and client id 42 is still free.
        Assert.That(_h.Place(11, Side.Buy, 1_000, 1, clientId: 42).Lines(), Is.EqualTo(new[]
        {
            "Accepted Place a11 m1 #3 c42 Buy 1000x1",
            "Level m1 Buy 1000=1",
        }));
    }
}
