using TokenMatch.Commands;
using TokenMatch.Markets;
using TokenMatch.Tests.Support;
using static TokenMatch.Tests.Support.ScenarioKit;

namespace TokenMatch.Tests.Ledger;

/// <summary>
/// Cycle expiry: before the first command at or after the cycle end, every resting order is
/// cancelled (reason expiry, bids then asks, each in priority order) and its hold released, every
/// account's free lots expire (an event per account and origin), and credits stay.
/// </summary>
public class ExpiryScenarioTests
{
    private CoreHarness _h = null!;

    [SetUp]
    public void SetUp()
    {
        _h = new CoreHarness();
        _h.MustRun(Command.Deposit(_h.Now, CoreHarness.Provider, Credits));
        _h.Trader(10);
        _h.Trader(11);
        _h.MustRun(Command.Grant(_h.Now, 10, M, Origin.Trial, 5));
        _h.MustRun(Command.Grant(_h.Now, 10, M, Origin.Promo, 3));
        _h.Place(10, Side.Sell, 5_000_000, 4);   // #1, filled by #2
        _h.Place(11, Side.Buy, 5_000_000, 4);    // #2
        _h.Place(10, Side.Sell, 5_000_000, 6);   // #3
        _h.Place(11, Side.Buy, 4_000_000, 2);    // #4
        _h.MustRun(Command.SetBuyback(_h.Now, M, 3_000, 10)); // #5 at 3,000,000
    }

    private static readonly string[] CycleEnd =
    {
        "Cancelled m1 #4 a11 c0 Buy 4000000x2 Expiry",
        "Level m1 Buy 4000000=0",
        "Cancelled m1 #5 a0 c0 Buy 3000000x10 Expiry",
        "Level m1 Buy 3000000=0",
        "Cancelled m1 #3 a10 c0 Sell 5000000x6 Expiry",
        "Level m1 Sell 5000000=0",
        "LotsExpired m1 a10 Allocated 9996",
        "LotsExpired m1 a10 Trial 5",
        "LotsExpired m1 a10 Promo 3",
        "LotsExpired m1 a11 Allocated 10000",
        "LotsExpired m1 a11 Acquired 4",
        "MarketState m1 Expired",
    };

    [Test]
    public void CycleEndCancelsOrdersReleasesHoldsExpiresLotsAndKeepsCredits()
    {
        _h.Now = CoreHarness.End - 1;
        Assert.That(_h.MustRun(Command.Time(_h.Now)), Is.Empty);
        _h.Now = CoreHarness.End;
        Assert.That(_h.MustRun(Command.Time(_h.Now)).Lines(), Is.EqualTo(CycleEnd));

        // Credits stay: the trade's 20,000,000 moved, every hold came back.
        Assert.That((_h.Account(10).Available, _h.Account(10).Held), Is.EqualTo((Credits + 20_000_000, 0L)));
        Assert.That((_h.Account(11).Available, _h.Account(11).Held), Is.EqualTo((Credits - 20_000_000, 0L)));
        Assert.That((_h.Account(CoreHarness.Provider).Available, _h.Account(CoreHarness.Provider).Held), Is.EqualTo((Credits, 0L)));
        Assert.That(_h.Lots(10).Free, Is.All.Zero);
        Assert.That(_h.Lots(11).Free, Is.All.Zero);
        // 9,996 + 5 + 3 + 10,000 + 4 = 20,008 granted, all expired.
        var market = _h.Core.GetMarket(M)!;
        Assert.That((market.State, market.Granted, market.Expired), Is.EqualTo((MarketState.Expired, 20_008L, 20_008L)));
        Assert.That(_h.Core.GetBuybackOrder(M), Is.Null);
    }

    [Test]
    public void ExpiryRunsBeforeTheFirstCommandAtTheEndWhichIsThenRejected()
    {
        _h.Now = CoreHarness.End + 5;
        var (result, events) = _h.Run(_h.PlaceCommand(11, Side.Buy, 5_000_000, 1));
        Assert.That(result, Is.EqualTo(ResultCode.MarketExpired));
        Assert.That(events.Lines(), Is.EqualTo(CycleEnd.Append("Rejected MarketExpired")));
        _h.MustReject(Command.Cancel(_h.Now, 10, 3), ResultCode.UnknownOrder);
        _h.MustReject(Command.Consume(_h.Now, 11, M, 1), ResultCode.MarketExpired);
        // Credits outlive the cycle: they can still be spent.
        _h.MustRun(Command.Spend(_h.Now, 11, 1_000));
    }

    [Test]
    public void AdminExpireEndsTheCycleEarly()
    {
        _h.Now = At(1, 2);
        var events = _h.MustRun(Command.MarketState(_h.Now, CommandType.ExpireMarket, M));
        Assert.That(events.Lines(), Is.EqualTo(CycleEnd.Prepend("Accepted ExpireMarket a0 m1 #0 c0 None 0x0")));
        // Nothing is left to expire at the real end.
        _h.Now = CoreHarness.End;
        Assert.That(_h.MustRun(Command.Time(_h.Now)), Is.Empty);
    }

    [Test]
    public void GoodTillTimeAtTheCycleEndExpiresFirstWithItsOwnReason()
    {
        _h.Place(11, Side.Buy, 1_000_000, 1, tif: TimeInForce.GoodTillTime, expireAt: CoreHarness.End);
        _h.Now = CoreHarness.End;
        var lines = _h.MustRun(Command.Time(_h.Now)).Lines();
        Assert.That(lines[0], Is.EqualTo("Cancelled m1 #6 a11 c0 Buy 1000000x1 TimeExpiry"));
        Assert.That(lines.Skip(2), Is.EqualTo(CycleEnd));
    }
}
