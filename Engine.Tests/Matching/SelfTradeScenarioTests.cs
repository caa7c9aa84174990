using TokenMatch.Commands;
using TokenMatch.Tests.Support;
using static TokenMatch.Tests.Support.ScenarioKit;

namespace TokenMatch.Tests.Matching;

/// <summary>
/// Self-trade prevention across an owner group, each mode decided by the incoming order. Accounts
/// 10 and 11 are linked as group 7; account 12 is a stranger. The book in most tests, all at
/// 5,000,000: #1 stranger 3 lots, #2 account 10 5 lots, #3 stranger 2 lots (in that priority).
/// </summary>
public class SelfTradeScenarioTests
{
    private CoreHarness _h = null!;

    [SetUp]
    public void SetUp()
    {
        _h = new CoreHarness();
        _h.Trader(10);
        _h.Trader(11);
        _h.Trader(12);
        _h.MustRun(Command.Link(_h.Now, 10, 7));
        _h.MustRun(Command.Link(_h.Now, 11, 7));
    }

    private void StrangerOwnStranger()
    {
        _h.Place(12, Side.Sell, 5_000_000, 3);
        _h.Place(10, Side.Sell, 5_000_000, 5);
        _h.Place(12, Side.Sell, 5_000_000, 2);
    }

    [Test]
    public void NoneLetsTheGroupTrade()
    {
        _h.Place(10, Side.Sell, 5_000_000, 5);
        Assert.That(_h.Place(11, Side.Buy, 5_000_000, 5, stp: StpMode.None).Lines(), Is.EqualTo(new[]
        {
            "Accepted Place a11 m1 #2 c0 Buy 5000000x5",
            "Trade m1 #1/a10 <- #2/a11 Buy 5@5000000 fte5000000 fees0/0 left0",
            "Level m1 Sell 5000000=0",
        }));
    }

    [Test]
    public void CancelNewestCancelsTheIncomingRemainder()
    {
        StrangerOwnStranger();
        Assert.That(_h.Place(11, Side.Buy, 5_000_000, 8, stp: StpMode.CancelNewest).Lines(), Is.EqualTo(new[]
        {
            "Accepted Place a11 m1 #4 c0 Buy 5000000x8",
            "Trade m1 #1/a12 <- #4/a11 Buy 3@5000000 fte5000000 fees0/0 left0",
            "Level m1 Sell 5000000=7",
            "Cancelled m1 #4 a11 c0 Buy 5000000x5 SelfTrade",
        }));
        // 3 × 5,000,000 paid, the other 5 lots' hold released.
        Assert.That(_h.Account(11).Available, Is.EqualTo(Credits - 15_000_000));
        Assert.That(_h.Account(11).Held, Is.Zero);
    }

    [Test]
    public void CancelOldestCancelsTheRestingOrderAndGoesOn()
    {
        StrangerOwnStranger();
        Assert.That(_h.Place(11, Side.Buy, 5_000_000, 8, stp: StpMode.CancelOldest).Lines(), Is.EqualTo(new[]
        {
            "Accepted Place a11 m1 #4 c0 Buy 5000000x8",
            "Trade m1 #1/a12 <- #4/a11 Buy 3@5000000 fte5000000 fees0/0 left0",
            "Level m1 Sell 5000000=7",
            "Cancelled m1 #2 a10 c0 Sell 5000000x5 SelfTrade",
            "Level m1 Sell 5000000=2",
            "Trade m1 #3/a12 <- #4/a11 Buy 2@5000000 fte5000000 fees0/0 left0",
            "Level m1 Sell 5000000=0",
            "Level m1 Buy 5000000=3",
        }));
        // Account 10's 5 lots are free again and given back to its tier-cap count.
        Assert.That(_h.Free(10, Origin.Allocated), Is.EqualTo(Quota));
        Assert.That(_h.Lots(10).SellCounted, Is.Zero);
    }

    [Test]
    public void CancelBothCancelsRestingAndIncoming()
    {
        StrangerOwnStranger();
        Assert.That(_h.Place(11, Side.Buy, 5_000_000, 8, stp: StpMode.CancelBoth).Lines(), Is.EqualTo(new[]
        {
            "Accepted Place a11 m1 #4 c0 Buy 5000000x8",
            "Trade m1 #1/a12 <- #4/a11 Buy 3@5000000 fte5000000 fees0/0 left0",
            "Level m1 Sell 5000000=7",
            "Cancelled m1 #2 a10 c0 Sell 5000000x5 SelfTrade",
            "Level m1 Sell 5000000=2",
            "Cancelled m1 #4 a11 c0 Buy 5000000x5 SelfTrade",
        }));
        Assert.That(_h.Core.GetOpenOrders(12).Select(o => o.Remaining), Is.EqualTo(new[] { 2L }));
    }

    [Test]
    public void DecrementAndCancelShrinksBothWhenTheRestingIsLarger()
    {
        StrangerOwnStranger();
        // 3 trade with #1; then d = min(3 left, 5) = 3: #2 keeps 2, the incoming reaches 0.
        Assert.That(_h.Place(11, Side.Buy, 5_000_000, 6, stp: StpMode.DecrementAndCancel).Lines(), Is.EqualTo(new[]
        {
            "Accepted Place a11 m1 #4 c0 Buy 5000000x6",
            "Trade m1 #1/a12 <- #4/a11 Buy 3@5000000 fte5000000 fees0/0 left0",
            "Level m1 Sell 5000000=7",
            "Decremented m1 #2 a10 Sell -3 left2",
            "Decremented m1 #4 a11 Buy -3 left0",
            "Level m1 Sell 5000000=4",
        }));
        Assert.That(_h.Account(11).Held, Is.Zero);
        Assert.That(_h.Account(11).Available, Is.EqualTo(Credits - 15_000_000));
        // Account 10: 5 held, 3 decremented back to free: 10,000 − 2 free, 2 held, 2 counted.
        Assert.That(_h.Free(10, Origin.Allocated), Is.EqualTo(Quota - 2));
        Assert.That(_h.Lots(10).HeldAllocated, Is.EqualTo(2));
        Assert.That(_h.Lots(10).SellCounted, Is.EqualTo(2));
    }

    [Test]
    public void DecrementAndCancelRemovesTheRestingOrderAndGoesOnMatching()
    {
        StrangerOwnStranger();
        // 3 trade with #1; d = min(6, 5) = 5 removes #2; the last lot trades with #3.
        Assert.That(_h.Place(11, Side.Buy, 5_000_000, 9, stp: StpMode.DecrementAndCancel).Lines(), Is.EqualTo(new[]
        {
            "Accepted Place a11 m1 #4 c0 Buy 5000000x9",
            "Trade m1 #1/a12 <- #4/a11 Buy 3@5000000 fte5000000 fees0/0 left0",
            "Level m1 Sell 5000000=7",
            "Decremented m1 #2 a10 Sell -5 left0",
            "Decremented m1 #4 a11 Buy -5 left1",
            "Level m1 Sell 5000000=2",
            "Trade m1 #3/a12 <- #4/a11 Buy 1@5000000 fte5000000 fees0/0 left1",
            "Level m1 Sell 5000000=1",
        }));
        Assert.That(_h.Core.GetOpenOrders(10), Is.Empty);
        Assert.That(_h.Free(11, Origin.Acquired), Is.EqualTo(4));
    }

    [Test]
    public void TheSameAccountIsItsOwnOwnerGroup()
    {
        _h.Place(12, Side.Sell, 5_000_000, 2);
        Assert.That(_h.Place(12, Side.Buy, 5_000_000, 2).Lines(), Is.EqualTo(new[]
        {
            "Accepted Place a12 m1 #2 c0 Buy 5000000x2",
            "Cancelled m1 #2 a12 c0 Buy 5000000x2 SelfTrade",
        }));
    }

    [Test]
    public void DefaultModeComesFromTheAccountAndIsCancelNewestUntilSet()
    {
        Assert.That(_h.Account(11).StpDefault, Is.EqualTo(StpMode.CancelNewest));
        _h.Place(10, Side.Sell, 5_000_000, 5);
        Assert.That(_h.Place(11, Side.Buy, 5_000_000, 2).Lines()[1], Is.EqualTo("Cancelled m1 #2 a11 c0 Buy 5000000x2 SelfTrade"));

        _h.MustRun(Command.SetStpDefault(_h.Now, 11, StpMode.None));
        Assert.That(_h.Place(11, Side.Buy, 5_000_000, 2).Lines()[1], Is.EqualTo("Trade m1 #1/a10 <- #3/a11 Buy 2@5000000 fte5000000 fees0/0 left3"));
        // An explicit mode on the order overrides the account's default.
        Assert.That(_h.Place(11, Side.Buy, 5_000_000, 2, stp: StpMode.CancelOldest).Lines()[1],
            Is.EqualTo("Cancelled m1 #1 a10 c0 Sell 5000000x3 SelfTrade"));
    }

    [Test]
    public void LinkAndUnlinkApplyToMatchesFromThenOn()
    {
        _h.Trader(20);
        _h.Trader(21);
        // Not linked: they trade.
        _h.Place(20, Side.Sell, 5_000_000, 10);
        Assert.That(_h.Place(21, Side.Buy, 5_000_000, 1).Lines()[1], Is.EqualTo("Trade m1 #1/a20 <- #2/a21 Buy 1@5000000 fte5000000 fees0/0 left9"));
        // Linked after the resting order was placed: the link applies to this match.
        _h.MustRun(Command.Link(_h.Now, 20, 8));
        _h.MustRun(Command.Link(_h.Now, 21, 8));
        Assert.That(_h.Account(21).Group, Is.EqualTo(8));
        Assert.That(_h.Place(21, Side.Buy, 5_000_000, 1).Lines()[1], Is.EqualTo("Cancelled m1 #3 a21 c0 Buy 5000000x1 SelfTrade"));
        // Unlinked: group 0, strangers again.
        _h.MustRun(Command.Unlink(_h.Now, 21));
        Assert.That(_h.Account(21).Group, Is.Zero);
        Assert.That(_h.Place(21, Side.Buy, 5_000_000, 1).Lines()[1], Is.EqualTo("Trade m1 #1/a20 <- #4/a21 Buy 1@5000000 fte5000000 fees0/0 left8"));
    }

    [Test]
    public void FokCountsOnlyLiquidityItCouldTradeWith()
    {
        // #1 own 5 lots ahead of #2 stranger 3 lots: 8 rest, but how much is tradeable depends on the mode.
        _h.Place(10, Side.Sell, 5_000_000, 5);
        _h.Place(12, Side.Sell, 5_000_000, 3);
        _h.MustReject(_h.PlaceCommand(11, Side.Buy, 5_000_000, 3, tif: TimeInForce.Fok, stp: StpMode.CancelNewest), ResultCode.FokNotFillable);
        _h.MustReject(_h.PlaceCommand(11, Side.Buy, 5_000_000, 3, tif: TimeInForce.Fok, stp: StpMode.CancelBoth), ResultCode.FokNotFillable);
        _h.MustReject(_h.PlaceCommand(11, Side.Buy, 5_000_000, 3, tif: TimeInForce.Fok, stp: StpMode.DecrementAndCancel), ResultCode.FokNotFillable);
        _h.MustReject(_h.PlaceCommand(11, Side.Buy, 5_000_000, 4, tif: TimeInForce.Fok, stp: StpMode.CancelOldest), ResultCode.FokNotFillable);
        Assert.That(_h.Place(11, Side.Buy, 5_000_000, 3, tif: TimeInForce.Fok, stp: StpMode.CancelOldest).Lines(), Is.EqualTo(new[]
        {
            "Accepted Place a11 m1 #3 c0 Buy 5000000x3",
            "Cancelled m1 #1 a10 c0 Sell 5000000x5 SelfTrade",
            "Level m1 Sell 5000000=3",
            "Trade m1 #2/a12 <- #3/a11 Buy 3@5000000 fte5000000 fees0/0 left0",
            "Level m1 Sell 5000000=0",
        }));
    }

    [Test]
    public void FokWithNoneCountsTheGroupsOwnOrders()
    {
        _h.Place(10, Side.Sell, 5_000_000, 5);
        _h.Place(12, Side.Sell, 5_000_000, 3);
        Assert.That(_h.Place(11, Side.Buy, 5_000_000, 8, tif: TimeInForce.Fok, stp: StpMode.None).Lines(), Is.EqualTo(new[]
        {
            "Accepted Place a11 m1 #3 c0 Buy 5000000x8",
            "Trade m1 #1/a10 <- #3/a11 Buy 5@5000000 fte5000000 fees0/0 left0",
            "Level m1 Sell 5000000=3",
            "Trade m1 #2/a12 <- #3/a11 Buy 3@5000000 fte5000000 fees0/0 left0",
            "Level m1 Sell 5000000=0",
        }));
    }
}
