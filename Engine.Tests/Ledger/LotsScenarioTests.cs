using TokenMatch.Commands;
using TokenMatch.Tests.Support;
using static TokenMatch.Tests.Support.ScenarioKit;

namespace TokenMatch.Tests.Ledger;

/// <summary>
/// Token lots: the one-hop rule (only allocated lots sell), the consumption order, and spending
/// credits, the only way credits leave.
/// </summary>
public class LotsScenarioTests
{
    private CoreHarness _h = null!;

    [SetUp]
    public void SetUp() => _h = new CoreHarness();

    [Test]
    public void AcquiredLotsAreNeverSold()
    {
        _h.Trader(10);
        _h.Holder(11, credits: Credits);
        _h.Place(10, Side.Sell, 5_000_000, 4);
        _h.Place(11, Side.Buy, 5_000_000, 4);
        Assert.That(_h.Free(11, Origin.Acquired), Is.EqualTo(4));
        // It has 4 lots, none sellable; 5 it does not have at all.
        _h.MustReject(_h.PlaceCommand(11, Side.Sell, 5_000_000, 1), ResultCode.LotsNotSellable);
        _h.MustReject(_h.PlaceCommand(11, Side.Sell, 5_000_000, 5), ResultCode.InsufficientLots);
    }

    [Test]
    public void TrialAndPromoLotsAreNeverSold()
    {
        _h.Holder(12, trial: 5, promo: 3);
        _h.MustReject(_h.PlaceCommand(12, Side.Sell, 5_000_000, 2), ResultCode.LotsNotSellable);
        _h.MustReject(_h.PlaceCommand(12, Side.Sell, 5_000_000, 8), ResultCode.LotsNotSellable);
        _h.MustReject(_h.PlaceCommand(12, Side.Sell, 5_000_000, 9), ResultCode.InsufficientLots);
    }

    [Test]
    public void ASellUsesOnlyFreeAllocatedLots()
    {
        _h.Holder(13, allocated: 2, trial: 5);
        _h.Trader(14);
        _h.Place(13, Side.Sell, 5_000_000, 2);
        Assert.That(_h.Free(13, Origin.Allocated), Is.Zero);
        Assert.That(_h.Lots(13).HeldAllocated, Is.EqualTo(2));
        _h.MustReject(_h.PlaceCommand(13, Side.Sell, 5_000_000, 1), ResultCode.LotsNotSellable);
        // Filling the sell takes only the held allocated lots; the trial lots stay.
        _h.Place(14, Side.Buy, 5_000_000, 2);
        Assert.That(_h.Lots(13).HeldAllocated, Is.Zero);
        Assert.That(_h.Free(13, Origin.Trial), Is.EqualTo(5));
        Assert.That(_h.Account(13).Available, Is.EqualTo(10_000_000));
    }

    [Test]
    public void ConsumptionTakesTrialThenPromoThenAcquiredThenAllocated()
    {
        _h.Trader(10);
        _h.Holder(11, credits: Credits, allocated: 10, trial: 2, promo: 3);
        _h.Place(10, Side.Sell, 5_000_000, 4);
        _h.Place(11, Side.Buy, 5_000_000, 4);
        Assert.That(_h.MustRun(Command.Consume(_h.Now, 11, M, 7)).Lines(), Is.EqualTo(new[]
        {
            "Accepted Consume a11 m1 #0 c0 None 0x7",
        }));
        // 7 = 2 trial + 3 promo + 2 of the 4 acquired.
        Assert.That(_h.Lots(11).Free, Is.EqualTo(new long[] { 10, 0, 0, 2 }));
        _h.MustRun(Command.Consume(_h.Now, 11, M, 5));
        Assert.That(_h.Lots(11).Free, Is.EqualTo(new long[] { 7, 0, 0, 0 }));
        Assert.That(_h.Core.GetMarket(M)!.Consumed, Is.EqualTo(12));
    }

    [Test]
    public void SetConsumeOrderAppliesEngineWide()
    {
        _h.Holder(11, allocated: 10, trial: 2, promo: 3);
        _h.Holder(12, allocated: 1, trial: 2);
        _h.MustRun(Command.SetConsumeOrder(_h.Now, Origin.Allocated, Origin.Acquired, Origin.Promo, Origin.Trial));
        _h.MustRun(Command.Consume(_h.Now, 11, M, 11));
        Assert.That(_h.Lots(11).Free, Is.EqualTo(new long[] { 0, 2, 2, 0 }));
        _h.MustRun(Command.Consume(_h.Now, 12, M, 2));
        Assert.That(_h.Lots(12).Free, Is.EqualTo(new long[] { 0, 1, 0, 0 }));
    }

    [Test]
    public void ConsumptionNeverTouchesHeldLotsAndRejectsTooManyWhole()
    {
        _h.Holder(11, allocated: 10, promo: 1);
        _h.Place(11, Side.Sell, 5_000_000, 8);
        // Free: 2 allocated + 1 promo = 3; the 8 held lots do not count.
        _h.MustReject(Command.Consume(_h.Now, 11, M, 4), ResultCode.InsufficientLots);
        Assert.That(_h.Lots(11).Free, Is.EqualTo(new long[] { 2, 0, 1, 0 }));
        _h.MustRun(Command.Consume(_h.Now, 11, M, 3));
        Assert.That(_h.Lots(11).Free, Is.EqualTo(new long[] { 0, 0, 0, 0 }));
        Assert.That(_h.Lots(11).HeldAllocated, Is.EqualTo(8));
    }

    [Test]
    public void SpendChargesAvailableCreditsOnly()
    {
        _h.Holder(11, credits: 1_000_000);
        Assert.That(_h.MustRun(Command.Spend(_h.Now, 11, 300_000)).Lines(), Is.EqualTo(new[]
        {
            "Accepted Spend a11 m0 #0 c0 None 0x300000",
        }));
        Assert.That((_h.Account(11).Available, _h.Account(11).Spent), Is.EqualTo((700_000L, 300_000L)));
        // A buy holds 500,000; only 200,000 is left to spend.
        _h.Place(11, Side.Buy, 500_000, 1);
        _h.MustReject(Command.Spend(_h.Now, 11, 200_001), ResultCode.InsufficientCredits);
        _h.MustRun(Command.Spend(_h.Now, 11, 200_000));
        Assert.That((_h.Account(11).Available, _h.Account(11).Held, _h.Account(11).Spent), Is.EqualTo((0L, 500_000L, 500_000L)));
    }
}
