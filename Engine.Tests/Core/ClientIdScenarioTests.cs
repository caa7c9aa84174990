using TokenMatch.Commands;
using TokenMatch.Tests.Support;
using static TokenMatch.Tests.Support.ScenarioKit;

namespace TokenMatch.Tests.Core;

/// <summary>Client order ids: unique per account and market for the cycle, so a resend never executes twice.</summary>
public class ClientIdScenarioTests
{
    private CoreHarness _h = null!;

    [SetUp]
    public void SetUp()
    {
        _h = new CoreHarness();
        _h.Trader(10);
        _h.Trader(11);
        _h.Trader(12);
        _h.OpenMarket(2, "LLM-S/2026-12");
    }

    [Test]
    public void ResendOfAnAcceptedOrderIsADuplicateAndNeverTradesTwice()
    {
        _h.Place(10, Side.Sell, 5_000_000, 10);
        _h.Place(11, Side.Buy, 5_000_000, 4, clientId: 1);
        Assert.That(_h.Free(11, Origin.Acquired), Is.EqualTo(4));
        // The first order is filled and gone, yet its client id stays claimed for the cycle.
        _h.MustReject(_h.PlaceCommand(11, Side.Buy, 5_000_000, 4, clientId: 1), ResultCode.DuplicateClientId);
        Assert.That(_h.Free(11, Origin.Acquired), Is.EqualTo(4));
        Assert.That(_h.Account(11).Available, Is.EqualTo(Credits - 20_000_000));
    }

    [Test]
    public void ResendAfterCancelIsStillADuplicate()
    {
        long id = _h.Place(11, Side.Buy, 5_000_000, 4, clientId: 3).OrderId();
        _h.MustRun(Command.Cancel(_h.Now, 11, id));
        _h.MustReject(_h.PlaceCommand(11, Side.Buy, 5_000_000, 4, clientId: 3), ResultCode.DuplicateClientId);
    }

    [Test]
    public void RejectedOrderDoesNotClaimItsClientId()
    {
        // 4 × 5,000,000 = 20,000,000 > 10,000,000: rejected; 2 × 5,000,000 fits.
        _h.Holder(20, credits: 10_000_000);
        _h.MustReject(_h.PlaceCommand(20, Side.Buy, 5_000_000, 4, clientId: 2), ResultCode.InsufficientCredits);
        Assert.That(_h.Place(20, Side.Buy, 5_000_000, 2, clientId: 2).Lines(), Is.EqualTo(new[]
        {
            "Accepted Place a20 m1 #1 c2 Buy 5000000x2",
            "Level m1 Buy 5000000=2",
        }));
    }

    [Test]
    public void ClientIdIsScopedToAccountAndMarket()
    {
        _h.Place(11, Side.Buy, 5_000_000, 1, clientId: 1);
        _h.Place(12, Side.Buy, 5_000_000, 1, clientId: 1);
        _h.Place(11, Side.Buy, 5_000_000, 1, clientId: 1, market: 2);
        Assert.That(_h.Core.GetOpenOrders(11).Select(o => (o.Market, o.ClientId)), Is.EqualTo(new[] { (1, 1L), (2, 1L) }));
        Assert.That(_h.Core.GetOpenOrders(12).Select(o => (o.Market, o.ClientId)), Is.EqualTo(new[] { (1, 1L) }));
    }
}
