using TokenMatch.Commands;
using TokenMatch.Markets;
using TokenMatch.Tests.Support;
using static TokenMatch.Tests.Support.ScenarioKit;

namespace TokenMatch.Tests.Ledger;

/// <summary>
/// Holds and settlement with fees (maker 10 bps, taker 25 bps): a buy holds eff(limit, entry) plus the
/// larger per-lot fee; a fill charges the real price and fee and releases the rest of those lots'
/// hold; fees go to the fee account (account 1); the seller is paid less its fee; bought lots land
/// as acquired.
/// </summary>
public class HoldsScenarioTests
{
    [Test]
    public void RestingBuyMakerFillAndCancel()
    {
        var h = new CoreHarness(makerBps: 10, takerBps: 25);
        h.Trader(10);
        h.Trader(11);
        // Hold per lot: 5,000,000 + ⌊5,000,000 × 25 / 10,000⌋ = 5,012,500; 10 lots = 50,125,000.
        h.Place(11, Side.Buy, 5_000_000, 10);
        Assert.That(h.Account(11).Held, Is.EqualTo(50_125_000));
        Assert.That(h.Account(11).Available, Is.EqualTo(Credits - 50_125_000));

        // The seller takes: exec = eff(5,000,000) = 5,000,000.
        // Buyer (maker) fee 4 × ⌊5,000,000 × 10 / 10,000⌋ = 20,000; seller (taker) fee 4 × 12,500 = 50,000.
        Assert.That(h.Place(10, Side.Sell, 4_000_000, 4).Lines(), Is.EqualTo(new[]
        {
            "Accepted Place a10 m1 #2 c0 Sell 4000000x4",
            "Trade m1 #1/a11 <- #2/a10 Sell 4@5000000 fte5000000 fees20000/50000 left6",
            "Level m1 Buy 5000000=6",
        }));
        // Buyer: 4 × 5,012,500 = 20,050,000 leaves the hold; 20,000,000 + 20,000 charged; 30,000 back.
        Assert.That(h.Account(11).Held, Is.EqualTo(6 * 5_012_500));
        Assert.That(h.Account(11).Available, Is.EqualTo(Credits - 50_125_000 + 30_000));
        Assert.That(h.Free(11, Origin.Acquired), Is.EqualTo(4));
        Assert.That(h.Free(11, Origin.Allocated), Is.EqualTo(Quota));
        // Seller: 20,000,000 − 50,000.
        Assert.That(h.Account(10).Available, Is.EqualTo(Credits + 20_000_000 - 50_000));
        Assert.That(h.Free(10, Origin.Allocated), Is.EqualTo(Quota - 4));
        Assert.That(h.Free(10, Origin.Acquired), Is.Zero);
        Assert.That(h.Account(CoreHarness.FeeAccount).Available, Is.EqualTo(70_000));

        // The cancel releases the last 6 × 5,012,500: all that is gone is 20,000,000 + 20,000.
        h.MustRun(Command.Cancel(h.Now, 11, 1));
        Assert.That(h.Account(11).Held, Is.Zero);
        Assert.That(h.Account(11).Available, Is.EqualTo(Credits - 20_020_000));
    }

    [Test]
    public void IncomingBuyTakerPaysTheTakerFeeAndGetsTheRestBack()
    {
        var h = new CoreHarness(makerBps: 10, takerBps: 25);
        h.Trader(10);
        h.Trader(11);
        h.Place(10, Side.Sell, 5_000_000, 4);
        // Buyer holds 6,000,000 + 15,000 per lot; pays 5,000,000 + ⌊5,000,000 × 25 / 10,000⌋ = 5,012,500.
        // Seller (maker) fee ⌊5,000,000 × 10 / 10,000⌋ = 5,000 per lot.
        Assert.That(h.Place(11, Side.Buy, 6_000_000, 4).Lines()[1],
            Is.EqualTo("Trade m1 #1/a10 <- #2/a11 Buy 4@5000000 fte5000000 fees50000/20000 left0"));
        Assert.That(h.Account(11).Available, Is.EqualTo(Credits - 20_050_000));
        Assert.That(h.Account(11).Held, Is.Zero);
        Assert.That(h.Account(10).Available, Is.EqualTo(Credits + 20_000_000 - 20_000));
        Assert.That(h.Account(CoreHarness.FeeAccount).Available, Is.EqualTo(70_000));
    }

    [Test]
    public void HoldFixedAtEntryCoversALaterCheaperFill()
    {
        var h = new CoreHarness(CurveKind.Linear, makerBps: 10, takerBps: 25);
        h.Trader(10);
        h.Trader(11);
        // Half-way, D = 500,000: eff(5,000,000) = 2,500,000, fee ⌊2,500,000 × 25 / 10,000⌋ = 6,250.
        h.Now = At(1, 2);
        h.Place(11, Side.Buy, 5_000_000, 10);
        Assert.That(h.Account(11).Held, Is.EqualTo(10 * 2_506_250));
        // Three quarters in, D = 1,000,000 − 1,000,000 × (3T/4) / T = 250,000: exec = eff(5,000,000) = 1,250,000.
        // Buyer (maker) fee ⌊1,250,000 × 10 / 10,000⌋ = 1,250; seller (taker) fee ⌊1,250,000 × 25 / 10,000⌋ = 3,125.
        h.Now = At(3, 4);
        Assert.That(h.Place(10, Side.Sell, 1_000_000, 4).Lines()[1],
            Is.EqualTo("Trade m1 #1/a11 <- #2/a10 Sell 4@1250000 fte5000000 fees5000/12500 left6"));
        // Per lot filled, 2,506,250 − 1,250,000 − 1,250 = 1,255,000 comes back.
        Assert.That(h.Account(11).Held, Is.EqualTo(6 * 2_506_250));
        Assert.That(h.Account(11).Available, Is.EqualTo(Credits - 10 * 2_506_250 + 4 * 1_255_000));
        Assert.That(h.Account(10).Available, Is.EqualTo(Credits + 5_000_000 - 12_500));
    }

    [Test]
    public void OrderKeepsTheFeeRatesOfItsAcceptanceUntilReplaced()
    {
        var h = new CoreHarness(makerBps: 10, takerBps: 25);
        h.Trader(10);
        h.Trader(11);
        h.Place(11, Side.Buy, 5_000_000, 4);
        h.Place(11, Side.Buy, 5_000_000, 4);
        h.MustRun(Command.SetFees(h.Now, M, 40, 40));
        // #1 keeps maker 10 bps: ⌊5,000,000 × 10 / 10,000⌋ = 5,000 per lot; the seller takes at the new 40 bps: 20,000.
        Assert.That(h.Place(10, Side.Sell, 5_000_000, 4).Lines()[1],
            Is.EqualTo("Trade m1 #1/a11 <- #3/a10 Sell 4@5000000 fte5000000 fees20000/80000 left0"));
        // #2 replaced at 4,000,000 takes the current rates: hold 4,000,000 + ⌊4,000,000 × 40 / 10,000⌋ = 4,016,000.
        h.MustRun(Command.Amend(h.Now, 11, 2, 0, 4_000_000));
        Assert.That(h.Core.GetOpenOrders(11).Single().HoldPerLot, Is.EqualTo(4_016_000));
        Assert.That(h.Account(11).Held, Is.EqualTo(4 * 4_016_000));
        Assert.That(h.Place(10, Side.Sell, 4_000_000, 4).Lines()[1],
            Is.EqualTo("Trade m1 #2/a11 <- #4/a10 Sell 4@4000000 fte4000000 fees64000/64000 left0"));
        // Fee account: 20,000 + 80,000 + 64,000 + 64,000.
        Assert.That(h.Account(CoreHarness.FeeAccount).Available, Is.EqualTo(228_000));
    }

    [Test]
    public void BuyNeedsTheWholeHoldAvailable()
    {
        var h = new CoreHarness(makerBps: 10, takerBps: 25);
        // 2 × 5,012,500 = 10,025,000.
        h.Holder(20, credits: 10_025_000);
        h.Holder(21, credits: 10_024_999);
        h.Place(20, Side.Buy, 5_000_000, 2);
        Assert.That(h.Account(20).Available, Is.Zero);
        h.MustReject(h.PlaceCommand(21, Side.Buy, 5_000_000, 2), ResultCode.InsufficientCredits);
    }
}
