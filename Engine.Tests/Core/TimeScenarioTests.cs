using TokenMatch.Commands;
using TokenMatch.Markets;
using TokenMatch.Tests.Support;
using static TokenMatch.Tests.Support.ScenarioKit;

namespace TokenMatch.Tests.Core;

/// <summary>Time never runs backwards: an earlier stamp is processed at the previous command's time.</summary>
public class TimeScenarioTests
{
    [Test]
    public void EarlierStampIsProcessedAtThePreviousTime()
    {
        var h = new CoreHarness();
        h.Trader(10);
        long later = CoreHarness.Start + 5_000;
        h.MustRun(Command.Time(later));
        var events = h.MustRun(Command.Place(CoreHarness.Start + 10, 10, M, Side.Sell, 5_000_000, 1));
        Assert.That(events.Select(e => e.Timestamp), Is.All.EqualTo(later));
        Assert.That(h.Core.Clock, Is.EqualTo(later));
    }

    [Test]
    public void GoodTillTimeIsCheckedAgainstTheProcessedTime()
    {
        var h = new CoreHarness();
        h.Trader(10);
        h.MustRun(Command.Time(CoreHarness.Start + 5_000));
        // Stamped at +10 with an expiry at +1,000: after its own stamp, but not after the engine's time.
        h.MustReject(Command.Place(CoreHarness.Start + 10, 10, M, Side.Sell, 5_000_000, 1,
            tif: TimeInForce.GoodTillTime, expireAt: CoreHarness.Start + 1_000), ResultCode.InvalidExpiry);
    }

    [Test]
    public void LateStampTradesAtTheDecayOfTheProcessedTime()
    {
        var h = new CoreHarness(CurveKind.Linear);
        h.Trader(10);
        h.Trader(11);
        h.Place(10, Side.Sell, 5_000_000, 1);
        h.MustRun(Command.Time(At(1, 2)));
        // Stamped at the cycle start but run at half-way: D = 1,000,000 − 1,000,000 × (T/2) / T = 500,000,
        // so eff(5,000,000) = 2,500,000.
        var events = h.MustRun(Command.Place(CoreHarness.Start, 11, M, Side.Buy, 5_000_000, 1));
        Assert.That(events.Lines()[1], Is.EqualTo("Trade m1 #1/a10 <- #2/a11 Buy 1@2500000 fte5000000 fees0/0 left0"));
    }
}
