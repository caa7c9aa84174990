using TokenMatch.Commands;
using TokenMatch.Events;
using TokenMatch.Markets;
using TokenMatch.Tests.Support;

namespace TokenMatch.Tests.Core;

public class SmokeTests
{
    [Test]
    public void CrossingOrdersTradeAtTheRestingPrice()
    {
        var h = new CoreHarness();
        h.Trader(10);
        h.Trader(11);
        long ask = h.Limit(10, Side.Sell, 5_000_000, 10);
        var events = h.MustRun(Command.Place(h.Now, 11, CoreHarness.MarketId, Side.Buy, 6_000_000, 4));
        var trade = events.Single(e => e.Type == EventType.Trade);
        Assert.That(trade.OrderId, Is.EqualTo(ask));
        Assert.That(trade.ExecPrice, Is.EqualTo(5_000_000));
        Assert.That(trade.Quantity, Is.EqualTo(4));
        var buyer = h.Core.GetAccount(11)!;
        Assert.That(buyer.Available, Is.EqualTo(1_000_000_000_000 - 4 * 5_000_000));
        Assert.That(buyer.Lots[0].Free[(int)Origin.Acquired], Is.EqualTo(4));
    }

    [Test]
    public void DecayedMarketTradesAtEffectivePrice()
    {
        var h = new CoreHarness(CurveKind.Linear, floor: 0);
        h.Trader(10);
        h.Trader(11);
        h.Limit(10, Side.Sell, 5_000_000, 10);
        h.Now = CoreHarness.Start + (CoreHarness.End - CoreHarness.Start) / 2;
        var events = h.MustRun(Command.Place(h.Now, 11, CoreHarness.MarketId, Side.Buy, 5_000_000, 10));
        Assert.That(events.Single(e => e.Type == EventType.Trade).ExecPrice, Is.EqualTo(2_500_000));
        h.MustReject(Command.Place(h.Now, 11, CoreHarness.MarketId, Side.Buy, 5_000_001, 1), ResultCode.PriceOffTick);
        h.Now = CoreHarness.End;
        var expiry = h.MustRun(Command.Time(h.Now));
        Assert.That(expiry.Any(e => e.Type == EventType.LotsExpired));
    }
}
