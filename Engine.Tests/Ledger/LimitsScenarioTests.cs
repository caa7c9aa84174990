using TokenMatch.Commands;
using TokenMatch.Tests.Support;
using static TokenMatch.Tests.Support.ScenarioKit;

namespace TokenMatch.Tests.Ledger;

/// <summary>Limits and fraud controls before the book: tier caps, max open orders, freeze and unfreeze.</summary>
public class LimitsScenarioTests
{
    private CoreHarness _h = null!;

    [SetUp]
    public void SetUp()
    {
        _h = new CoreHarness();
        _h.Trader(10);
        _h.Trader(11);
    }

    [Test]
    public void TierCapsAreUnlimitedAndOpenOrdersUnlimitedByDefault()
    {
        _h.Place(10, Side.Sell, 5_000_000, Quota);
        for (int i = 0; i < 100; i++) _h.Place(11, Side.Buy, 1_000, 1);
        Assert.That(_h.Account(11).OpenOrders, Is.EqualTo(100));
    }

    [Test]
    public void TierCapCountsSoldPlusOpenSellsAtEntryAndCancelGivesBack()
    {
        _h.MustRun(Command.SetTierCap(_h.Now, Tier.Verified, 10));
        _h.Place(10, Side.Sell, 5_000_000, 6);
        _h.Place(10, Side.Sell, 6_000_000, 4);
        Assert.That(_h.Lots(10).SellCounted, Is.EqualTo(10));
        _h.MustReject(_h.PlaceCommand(10, Side.Sell, 5_000_000, 1), ResultCode.TierCapExceeded);
        // The cancel gives back the unfilled 4.
        _h.MustRun(Command.Cancel(_h.Now, 10, 2));
        Assert.That(_h.Lots(10).SellCounted, Is.EqualTo(6));
        _h.Place(10, Side.Sell, 6_000_000, 4);
        // Sold lots stay counted: 6 sold + 4 open = 10; after cancelling the 4, 6 + 5 = 11 > 10.
        _h.Place(11, Side.Buy, 5_000_000, 6);
        Assert.That(_h.Lots(10).SellCounted, Is.EqualTo(10));
        _h.MustRun(Command.Cancel(_h.Now, 10, 3));
        _h.MustReject(_h.PlaceCommand(10, Side.Sell, 5_000_000, 5), ResultCode.TierCapExceeded);
        _h.Place(10, Side.Sell, 5_000_000, 4);
        // Another tier, another cap (trusted: still unlimited).
        _h.MustRun(Command.SetTier(_h.Now, 10, Tier.Trusted));
        _h.Place(10, Side.Sell, 5_000_000, 100);
        Assert.That(_h.Lots(10).SellCounted, Is.EqualTo(110));
    }

    [Test]
    public void TierCapAmendIncreaseIsCountedAndReductionGivesBack()
    {
        _h.MustRun(Command.SetTierCap(_h.Now, Tier.Verified, 10));
        _h.Place(10, Side.Sell, 5_000_000, 6);
        _h.MustReject(Command.Amend(_h.Now, 10, 1, 11, 0), ResultCode.TierCapExceeded);
        _h.MustRun(Command.Amend(_h.Now, 10, 1, 10, 0));
        _h.MustRun(Command.Amend(_h.Now, 10, 1, 3, 0));
        Assert.That(_h.Lots(10).SellCounted, Is.EqualTo(3));
    }

    [Test]
    public void MaxOpenOrdersCountsRestingOrdersOnly()
    {
        _h.MustRun(Command.SetMaxOpenOrders(_h.Now, 2));
        _h.Place(10, Side.Sell, 5_000_000, 1);
        _h.Place(10, Side.Buy, 4_000_000, 1);
        _h.MustReject(_h.PlaceCommand(10, Side.Buy, 3_000_000, 1), ResultCode.MaxOpenOrdersExceeded);
        // An IOC never rests, so it is not held back by the cap.
        _h.Place(10, Side.Buy, 3_000_000, 1, tif: TimeInForce.Ioc);
        // Another account has its own count; a cancel frees a place.
        _h.Place(11, Side.Buy, 3_000_000, 1);
        _h.MustRun(Command.Cancel(_h.Now, 10, 1));
        _h.Place(10, Side.Buy, 3_000_000, 1);
        Assert.That(_h.Account(10).OpenOrders, Is.EqualTo(2));
    }

    [Test]
    public void FreezeCancelsRestingOrdersAndRejectsNewOnesUnfreezeRestoresOnlyTrading()
    {
        _h.Place(10, Side.Sell, 5_000_000, 2);
        _h.Place(10, Side.Buy, 4_000_000, 1);
        Assert.That(_h.MustRun(Command.Freeze(_h.Now, 10)).Lines(), Is.EqualTo(new[]
        {
            "Accepted Freeze a10 m0 #0 c0 None 0x0",
            "Cancelled m1 #1 a10 c0 Sell 5000000x2 Freeze",
            "Level m1 Sell 5000000=0",
            "Cancelled m1 #2 a10 c0 Buy 4000000x1 Freeze",
            "Level m1 Buy 4000000=0",
        }));
        Assert.That(_h.Account(10).Frozen, Is.True);
        Assert.That((_h.Account(10).Held, _h.Lots(10).HeldAllocated), Is.EqualTo((0L, 0L)));
        _h.MustReject(_h.PlaceCommand(10, Side.Buy, 4_000_000, 1), ResultCode.AccountFrozen);
        _h.MustRun(Command.Unfreeze(_h.Now, 10));
        Assert.That(_h.Core.GetOpenOrders(10), Is.Empty);
        _h.Place(10, Side.Buy, 4_000_000, 1);
    }
}
