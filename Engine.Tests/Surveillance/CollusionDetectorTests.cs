using TokenMatch.Commands;
using TokenMatch.Surveillance;
using TokenMatch.Surveillance.Alerts;
using TokenMatch.Surveillance.Hosting;

namespace TokenMatch.Tests.Surveillance;

/// <summary>The collusion detector's threshold, by hand: exactly 30% above fair value is off-market, one tick less is not.</summary>
public sealed class CollusionDetectorTests
{
    private const long Start = 1_796_083_200_000_000_000, Day = 86_400_000_000_000, Face = 10_000_000;

    [TestCase(13_000_000, true)]
    [TestCase(12_999_000, false)]
    public void ThreeTradesOfAPairAtTheDeviationThresholdAlertAndBelowItDoNot(long price, bool alerts)
    {
        var engine = new SurveillanceEngine();
        OfflineSurveillance.Run(Scenario(price), engine);
        Alert[] found = engine.Raised.Where(a => a.Detector == "collusion").ToArray();
        Assert.That(found, Has.Length.EqualTo(alerts ? 1 : 0));
        if (!alerts) return;
        // Decay none: fair value is face; each trade moves (price − face) × 10 lots from the buyer (11) to the seller (10).
        Assert.That(found[0].Accounts, Is.EqualTo(new[] { 10, 11 }));
        Assert.That(found[0].Figures["creditsMoved"], Is.EqualTo(3 * (price - Face) * 10));
        Assert.That((found[0].Figures["from"], found[0].Figures["to"]), Is.EqualTo((11L, 10L)));
        Assert.That(found[0].Trades.Select(t => t.FairValue), Has.All.EqualTo(Face));
    }

    private static IEnumerable<Command> Scenario(long price)
    {
        yield return Command.CreateAccount(Start, 1, Tier.Trusted);
        yield return Command.CreateAccount(Start, 2, Tier.Trusted);
        yield return Command.SetHouse(Start, 1, 2);
        yield return Command.CreateMarket(Start, 1, "LLM-L/2026-12", 1_000, 1_000, Face, 1_000, 2 * Face, 1, 1_000, Start, Start + 30 * Day);
        yield return Command.MarketState(Start, CommandType.OpenMarket, 1);
        yield return Command.CreateAccount(Start, 10, Tier.Verified);
        yield return Command.CreateAccount(Start, 11, Tier.Verified);
        yield return Command.Grant(Start, 10, 1, Origin.Allocated, 100);
        yield return Command.Deposit(Start, 11, 1_000_000_000);
        for (int round = 1; round <= 3; round++)
        {
            long t = Start + round * Day;
            yield return Command.Place(t, 10, 1, Side.Sell, price, 10);
            yield return Command.Place(t + 1, 11, 1, Side.Buy, price, 10, tif: TimeInForce.Ioc);
        }
    }
}
