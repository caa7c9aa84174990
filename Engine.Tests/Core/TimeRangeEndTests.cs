using TokenMatch.Commands;
using TokenMatch.Core;
using TokenMatch.Events;
using TokenMatch.Markets;
using TokenMatch.Tests.Support;
using static TokenMatch.Tests.Support.ScenarioKit;

namespace TokenMatch.Tests.Core;

/// <summary>
/// Every time a command may carry runs, long.MaxValue included: the core must not mistake the top
/// of the range for "no market end pending" (that once made RunExpiries spin forever). Each run is
/// bounded: a hang fails the test instead of blocking the suite.
/// </summary>
public class TimeRangeEndTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(30);

    private static void Bounded(Action action)
    {
        var task = Task.Run(action);
        Assert.That(task.Wait(Limit), Is.True, $"did not finish within {Limit.TotalSeconds} s (a hang)");
    }

    [Test]
    public void LastTimeOnAnEmptyEngineRuns() => Bounded(() =>
    {
        var core = new ExchangeCore();
        var log = new EventLog();
        var time = Command.Time(long.MaxValue);
        core.Execute(ref time, log);
        Assert.That(time.Result, Is.EqualTo(ResultCode.Ok));
        Assert.That(core.Clock, Is.EqualTo(long.MaxValue));
    });

    [Test]
    public void LastTimeEndsEveryCycleAndExpiresEveryOrderOnce() => Bounded(() =>
    {
        var h = new CoreHarness();
        h.Trader(10);
        h.Trader(11);
        h.Place(10, Side.Sell, 5_000_000, 3);
        h.MustRun(Command.Place(h.Now, 11, M, Side.Buy, 4_000_000, 2, tif: TimeInForce.GoodTillTime, expireAt: CoreHarness.End - 1));
        var events = h.MustRun(Command.Time(long.MaxValue));
        Assert.That(events.Count(e => e.Type == EventType.Cancelled), Is.EqualTo(2));
        Assert.That(events.Count(e => e.Type == EventType.MarketState && e.Detail == (byte)MarketState.Expired), Is.EqualTo(1));
        // A second command at the same time has nothing left to do.
        Assert.That(h.MustRun(Command.Time(long.MaxValue)), Is.Empty);
    });

    [Test]
    public void MarketWhoseCycleEndsAtTheLastTimeExpiresThere() => Bounded(() =>
    {
        var h = new CoreHarness();
        h.MustRun(Command.CreateMarket(h.Now, 2, "LAST", 1_000, CoreHarness.Tick, 10_000_000, CoreHarness.Tick, 20_000_000, 1, 1_000_000,
            CoreHarness.Start, long.MaxValue));
        h.MustRun(Command.MarketState(h.Now, CommandType.OpenMarket, 2));
        var events = h.MustRun(Command.Time(long.MaxValue - 1));
        Assert.That(events.Count(e => e.Type == EventType.MarketState && e.Market == 2), Is.EqualTo(0), "one ns before its end");
        events = h.MustRun(Command.Time(long.MaxValue));
        Assert.That(events.Count(e => e.Type == EventType.MarketState && e.Market == 2 && e.Detail == (byte)MarketState.Expired), Is.EqualTo(1));
    });

    [Test]
    public void GoodTillTimeAtTheLastTimeExpiresThere() => Bounded(() =>
    {
        var h = new CoreHarness();
        h.MustRun(Command.CreateMarket(h.Now, 2, "LAST", 1_000, CoreHarness.Tick, 10_000_000, CoreHarness.Tick, 20_000_000, 1, 1_000_000,
            CoreHarness.Start, long.MaxValue));
        h.MustRun(Command.MarketState(h.Now, CommandType.OpenMarket, 2));
        h.MustRun(Command.CreateAccount(h.Now, 10, Tier.Verified));
        h.MustRun(Command.Grant(h.Now, 10, 2, Origin.Allocated, 10));
        h.MustRun(Command.Place(h.Now, 10, 2, Side.Sell, 5_000_000, 1, tif: TimeInForce.GoodTillTime, expireAt: long.MaxValue));
        var events = h.MustRun(Command.Time(long.MaxValue));
        Assert.That(events.First(e => e.Type == EventType.Cancelled).Reason, Is.EqualTo(CancelReason.TimeExpiry),
            "at equal times an order's own expiry comes before its market's end");
    });
}
