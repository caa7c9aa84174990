using TokenMatch.Commands;
using TokenMatch.Tests.Support;
using static TokenMatch.Tests.Support.ScenarioKit;

namespace TokenMatch.Tests.Core;

/// <summary>Cancel by order id and by client id, and mass cancel by account and by account × market.</summary>
public class CancelScenarioTests
{
    private CoreHarness _h = null!;

    [SetUp]
    public void SetUp()
    {
        _h = new CoreHarness();
        _h.Trader(10);
        _h.Trader(11);
        _h.OpenMarket(2, "LLM-S/2026-12");
    }

    [Test]
    public void CancelByOrderIdReleasesTheCreditHold()
    {
        long id = _h.Place(11, Side.Buy, 5_000_000, 10, clientId: 7).OrderId();
        Assert.That(_h.Account(11).Held, Is.EqualTo(50_000_000));
        Assert.That(_h.MustRun(Command.Cancel(_h.Now, 11, id)).Lines(), Is.EqualTo(new[]
        {
            "Accepted Cancel a11 m1 #1 c7 Buy 0x0",
            "Cancelled m1 #1 a11 c7 Buy 5000000x10 User",
            "Level m1 Buy 5000000=0",
        }));
        Assert.That(_h.Account(11).Held, Is.Zero);
        Assert.That(_h.Account(11).Available, Is.EqualTo(Credits));
        Assert.That(_h.Account(11).OpenOrders, Is.Zero);
    }

    [Test]
    public void CancelByClientIdReleasesTheLotHold()
    {
        _h.Place(10, Side.Sell, 5_000_000, 6, clientId: 99);
        Assert.That(_h.Lots(10).HeldAllocated, Is.EqualTo(6));
        Assert.That(_h.MustRun(Command.CancelByClientId(_h.Now, 10, M, 99)).Lines(), Is.EqualTo(new[]
        {
            "Accepted Cancel a10 m1 #1 c99 Sell 0x0",
            "Cancelled m1 #1 a10 c99 Sell 5000000x6 User",
            "Level m1 Sell 5000000=0",
        }));
        Assert.That(_h.Free(10, Origin.Allocated), Is.EqualTo(Quota));
        Assert.That(_h.Lots(10).HeldAllocated, Is.Zero);
        Assert.That(_h.Lots(10).SellCounted, Is.Zero);
        // The order is gone: a second cancel finds nothing (the client id stays claimed).
        _h.MustReject(Command.CancelByClientId(_h.Now, 10, M, 99), ResultCode.UnknownOrder);
        _h.MustReject(_h.PlaceCommand(10, Side.Sell, 5_000_000, 6, clientId: 99), ResultCode.DuplicateClientId);
    }

    [Test]
    public void AnotherAccountsOrderIsUnknownToCancel()
    {
        long id = _h.Place(10, Side.Sell, 5_000_000, 6, clientId: 5).OrderId();
        _h.MustReject(Command.Cancel(_h.Now, 11, id), ResultCode.UnknownOrder);
        _h.MustReject(Command.CancelByClientId(_h.Now, 11, M, 5), ResultCode.UnknownOrder);
    }

    [Test]
    public void MassCancelOfAnAccountCancelsEveryMarketOldestFirst()
    {
        _h.Place(10, Side.Sell, 5_000_000, 2);
        _h.Place(10, Side.Buy, 4_000_000, 3, market: 2);
        _h.Place(10, Side.Sell, 6_000_000, 1);
        _h.Place(11, Side.Buy, 1_000_000, 1);
        Assert.That(_h.MustRun(Command.MassCancel(_h.Now, 10)).Lines(), Is.EqualTo(new[]
        {
            "Accepted MassCancel a10 m-1 #0 c0 None 0x0",
            "Cancelled m1 #1 a10 c0 Sell 5000000x2 MassCancel",
            "Level m1 Sell 5000000=0",
            "Cancelled m2 #2 a10 c0 Buy 4000000x3 MassCancel",
            "Level m2 Buy 4000000=0",
            "Cancelled m1 #3 a10 c0 Sell 6000000x1 MassCancel",
            "Level m1 Sell 6000000=0",
        }));
        Assert.That(_h.Core.GetOpenOrders(10), Is.Empty);
        Assert.That(_h.Core.GetOpenOrders(11).Select(o => o.OrderId), Is.EqualTo(new[] { 4L }));
        Assert.That(_h.Account(10).Held, Is.Zero);
        Assert.That(_h.Lots(10).HeldAllocated, Is.Zero);
    }

    [Test]
    public void MassCancelOfAnAccountInOneMarketLeavesItsOtherMarkets()
    {
        _h.Place(10, Side.Sell, 5_000_000, 2);
        _h.Place(10, Side.Buy, 4_000_000, 3, market: 2);
        _h.Place(10, Side.Buy, 3_000_000, 1, market: 2);
        Assert.That(_h.MustRun(Command.MassCancel(_h.Now, 10, 2)).Lines(), Is.EqualTo(new[]
        {
            "Accepted MassCancel a10 m2 #0 c0 None 0x0",
            "Cancelled m2 #2 a10 c0 Buy 4000000x3 MassCancel",
            "Level m2 Buy 4000000=0",
            "Cancelled m2 #3 a10 c0 Buy 3000000x1 MassCancel",
            "Level m2 Buy 3000000=0",
        }));
        Assert.That(_h.Core.GetOpenOrders(10).Select(o => o.OrderId), Is.EqualTo(new[] { 1L }));
    }

    [Test]
    public void MassCancelWithNothingOpenIsAcceptedAndChangesNoBook()
    {
        Assert.That(_h.MustRun(Command.MassCancel(_h.Now, 11)).Lines(), Is.EqualTo(new[]
        {
            "Accepted MassCancel a11 m-1 #0 c0 None 0x0",
        }));
    }
}
