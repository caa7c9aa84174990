using TokenMatch.Commands;
using TokenMatch.Markets;
using TokenMatch.Tests.Support;
using static TokenMatch.Tests.Support.ScenarioKit;

namespace TokenMatch.Tests.Ledger;

/// <summary>
/// Provider buyback: a house bid at ⌊rate × face / 10,000 / tick⌋ × tick for the unused budget,
/// holding credits without a fee part, trading fee-free, retiring what it buys; replaced on every
/// change, removed when the budget is used up or zero; out of reach of order commands, self-trade
/// prevention and freezes. Fees maker 10, taker 25 bps, to show that buyback trades carry none.
/// </summary>
public class BuybackScenarioTests
{
    private CoreHarness _h = null!;

    [SetUp]
    public void SetUp()
    {
        _h = new CoreHarness(makerBps: 10, takerBps: 25);
        _h.MustRun(Command.Deposit(_h.Now, CoreHarness.Provider, Credits));
        _h.Trader(10);
        _h.Trader(11);
    }

    [Test]
    public void BidHoldsWithoutFeeTradesFeeFreeAndRetiresTheLots()
    {
        // ⌊3,000 × 10,000,000 / 10,000 / 1,000⌋ × 1,000 = 3,000,000; hold 10 × eff(3,000,000) = 30,000,000, no fee part.
        Assert.That(_h.MustRun(Command.SetBuyback(_h.Now, M, 3_000, 10)).Lines(), Is.EqualTo(new[]
        {
            "Accepted SetBuyback a0 m1 #0 c0 None 0x0",
            "Accepted SetBuyback a0 m1 #1 c0 Buy 3000000x10",
            "Level m1 Buy 3000000=10",
        }));
        Assert.That(_h.Account(CoreHarness.Provider).Held, Is.EqualTo(30_000_000));
        Assert.That(_h.Account(CoreHarness.Provider).OpenOrders, Is.Zero);

        Assert.That(_h.Place(10, Side.Sell, 2_000_000, 4).Lines(), Is.EqualTo(new[]
        {
            "Accepted Place a10 m1 #2 c0 Sell 2000000x4",
            "Trade m1 #1/a0 <- #2/a10 Sell 4@3000000 fte3000000 fees0/0 left6",
            "Level m1 Buy 3000000=6",
        }));
        // Seller: 4 × 3,000,000 with no fee. Provider: 12,000,000 of the hold spent, nothing released.
        Assert.That(_h.Account(10).Available, Is.EqualTo(Credits + 12_000_000));
        Assert.That(_h.Account(CoreHarness.Provider).Held, Is.EqualTo(18_000_000));
        Assert.That(_h.Account(CoreHarness.Provider).Available, Is.EqualTo(Credits - 30_000_000));
        Assert.That(_h.Free(CoreHarness.Provider, Origin.Acquired), Is.Zero);
        Assert.That(_h.Account(CoreHarness.FeeAccount).Available, Is.Zero);
        var market = _h.Core.GetMarket(M)!;
        Assert.That((market.BoughtBack, market.Retired), Is.EqualTo((4L, 4L)));
    }

    [Test]
    public void PriceIsRateOfFaceRoundedDownToTheTick()
    {
        _h.OpenMarket(2, "LLM-S/2026-12", face: 12_345_678);
        // 2,500 × 12,345,678 / 10,000 = 3,086,419 (truncated); ⌊3,086,419 / 1,000⌋ × 1,000 = 3,086,000.
        _h.MustRun(Command.SetBuyback(_h.Now, 2, 2_500, 5));
        var bid = _h.Core.GetBuybackOrder(2)!;
        Assert.That((bid.Price, bid.Remaining, bid.HoldPerLot, bid.IsBuyback), Is.EqualTo((3_086_000L, 5L, 3_086_000L, true)));
    }

    [Test]
    public void BidDecaysWithTheMarketAndHoldsAtEntry()
    {
        var h = new CoreHarness(CurveKind.Linear);
        h.MustRun(Command.Deposit(h.Now, CoreHarness.Provider, Credits));
        h.Trader(10);
        h.Now = At(1, 2);
        // D = 500,000: the hold per lot is eff(3,000,000) = 1,500,000 and it trades at that.
        h.MustRun(Command.SetBuyback(h.Now, M, 3_000, 2));
        Assert.That(h.Account(CoreHarness.Provider).Held, Is.EqualTo(3_000_000));
        Assert.That(h.Place(10, Side.Sell, 1_000_000, 2).Lines()[1],
            Is.EqualTo("Trade m1 #1/a0 <- #2/a10 Sell 2@1500000 fte3000000 fees0/0 left0"));
    }

    [Test]
    public void ChangeReplacesTheBidWithANewIdAndPriority()
    {
        _h.MustRun(Command.SetBuyback(_h.Now, M, 3_000, 10));
        _h.Place(11, Side.Buy, 3_000_000, 2);
        // The buyback bid is older, so it trades first.
        Assert.That(_h.Place(10, Side.Sell, 3_000_000, 1).Lines()[1],
            Is.EqualTo("Trade m1 #1/a0 <- #3/a10 Sell 1@3000000 fte3000000 fees0/0 left9"));
        // Budget 8, 1 already bought back: a new bid #4 for 7, behind account 11's.
        Assert.That(_h.MustRun(Command.SetBuyback(_h.Now, M, 3_000, 8)).Lines(), Is.EqualTo(new[]
        {
            "Accepted SetBuyback a0 m1 #0 c0 None 0x0",
            "Cancelled m1 #1 a0 c0 Buy 3000000x9 BuybackReplaced",
            "Level m1 Buy 3000000=2",
            "Accepted SetBuyback a0 m1 #4 c0 Buy 3000000x7",
            "Level m1 Buy 3000000=9",
        }));
        Assert.That(_h.Account(CoreHarness.Provider).Held, Is.EqualTo(7 * 3_000_000));
        // Account 11's bid now comes first; it pays maker fees as usual.
        Assert.That(_h.Place(10, Side.Sell, 3_000_000, 1).Lines()[1],
            Is.EqualTo("Trade m1 #2/a11 <- #5/a10 Sell 1@3000000 fte3000000 fees3000/7500 left1"));
    }

    [Test]
    public void BudgetUsedUpOrZeroRemovesTheBid()
    {
        _h.MustRun(Command.SetBuyback(_h.Now, M, 3_000, 3));
        Assert.That(_h.Place(10, Side.Sell, 3_000_000, 3).Lines(), Is.EqualTo(new[]
        {
            "Accepted Place a10 m1 #2 c0 Sell 3000000x3",
            "Trade m1 #1/a0 <- #2/a10 Sell 3@3000000 fte3000000 fees0/0 left0",
            "Level m1 Buy 3000000=0",
        }));
        Assert.That(_h.Core.GetBuybackOrder(M), Is.Null);
        // A budget already used up places nothing.
        Assert.That(_h.MustRun(Command.SetBuyback(_h.Now, M, 3_000, 3)).Lines(), Is.EqualTo(new[]
        {
            "Accepted SetBuyback a0 m1 #0 c0 None 0x0",
        }));
        _h.MustRun(Command.SetBuyback(_h.Now, M, 3_000, 5));
        Assert.That(_h.Core.GetBuybackOrder(M)!.Remaining, Is.EqualTo(2));
        // Budget zero removes it.
        Assert.That(_h.MustRun(Command.SetBuyback(_h.Now, M, 3_000, 0)).Lines(), Is.EqualTo(new[]
        {
            "Accepted SetBuyback a0 m1 #0 c0 None 0x0",
            "Cancelled m1 #3 a0 c0 Buy 3000000x2 BuybackReplaced",
            "Level m1 Buy 3000000=0",
        }));
        Assert.That(_h.Core.GetBuybackOrder(M), Is.Null);
        Assert.That(_h.Account(CoreHarness.Provider).Held, Is.Zero);
        Assert.That(_h.Core.GetMarket(M)!.BuybackBudget, Is.Zero);
        // So does rate zero.
        _h.MustRun(Command.SetBuyback(_h.Now, M, 3_000, 5));
        _h.MustRun(Command.SetBuyback(_h.Now, M, 0, 5));
        Assert.That(_h.Core.GetBuybackOrder(M), Is.Null);
    }

    [Test]
    public void OrderCommandsSelfTradePreventionAndFreezeNeverTouchIt()
    {
        _h.MustRun(Command.SetBuyback(_h.Now, M, 3_000, 10));
        _h.MustReject(Command.Cancel(_h.Now, CoreHarness.Provider, 1), ResultCode.UnknownOrder);
        _h.MustReject(Command.Amend(_h.Now, CoreHarness.Provider, 1, 5, 0), ResultCode.UnknownOrder);
        _h.MustRun(Command.MassCancel(_h.Now, CoreHarness.Provider));
        _h.MustRun(Command.Freeze(_h.Now, CoreHarness.Provider));
        Assert.That(_h.Core.GetBuybackOrder(M)!.OrderId, Is.EqualTo(1));
        Assert.That(_h.Core.GetOpenOrders(CoreHarness.Provider), Is.Empty);
        // Accepted for a frozen provider too.
        _h.MustRun(Command.SetBuyback(_h.Now, M, 3_000, 12));
        Assert.That(_h.Core.GetBuybackOrder(M)!.Remaining, Is.EqualTo(12));
        // A seller in the provider's owner group trades with it: no self-trade prevention.
        _h.MustRun(Command.Link(_h.Now, CoreHarness.Provider, 9));
        _h.MustRun(Command.Link(_h.Now, 10, 9));
        Assert.That(_h.Place(10, Side.Sell, 3_000_000, 2, stp: StpMode.CancelBoth).Lines()[1],
            Is.EqualTo("Trade m1 #2/a0 <- #3/a10 Sell 2@3000000 fte3000000 fees0/0 left10"));
    }

    [Test]
    public void SetWhileOpenMatchesCrossingAsksAtOnceAsTheIncomingOrder()
    {
        _h.Place(10, Side.Sell, 2_000_000, 3);
        Assert.That(_h.MustRun(Command.SetBuyback(_h.Now, M, 3_000, 10)).Lines(), Is.EqualTo(new[]
        {
            "Accepted SetBuyback a0 m1 #0 c0 None 0x0",
            "Accepted SetBuyback a0 m1 #2 c0 Buy 3000000x10",
            "Trade m1 #1/a10 <- #2/a0 Buy 3@2000000 fte2000000 fees0/0 left0",
            "Level m1 Sell 2000000=0",
            "Level m1 Buy 3000000=7",
        }));
    }

    [Test]
    public void SetWhileHaltedRestsAndMatchesAtOnceOnResume()
    {
        _h.Place(10, Side.Sell, 2_000_000, 5);
        _h.MustRun(Command.MarketState(_h.Now, CommandType.HaltMarket, M));
        // The bid crosses the 2,000,000 ask but rests without matching while halted.
        Assert.That(_h.MustRun(Command.SetBuyback(_h.Now, M, 3_000, 10)).Lines(), Is.EqualTo(new[]
        {
            "Accepted SetBuyback a0 m1 #0 c0 None 0x0",
            "Accepted SetBuyback a0 m1 #2 c0 Buy 3000000x10",
            "Level m1 Buy 3000000=10",
        }));
        // On resume it matches as the incoming order, at the resting ask's price, fee-free.
        Assert.That(_h.MustRun(Command.MarketState(_h.Now, CommandType.ResumeMarket, M)).Lines(), Is.EqualTo(new[]
        {
            "Accepted ResumeMarket a0 m1 #0 c0 None 0x0",
            "MarketState m1 Open",
            "Level m1 Buy 3000000=0",
            "Trade m1 #1/a10 <- #2/a0 Buy 5@2000000 fte2000000 fees0/0 left0",
            "Level m1 Sell 2000000=0",
            "Level m1 Buy 3000000=5",
        }));
        Assert.That(_h.Account(10).Available, Is.EqualTo(Credits + 10_000_000));
        // Provider: held 30,000,000, 5 × 2,000,000 paid, 5 × 1,000,000 released.
        Assert.That(_h.Account(CoreHarness.Provider).Held, Is.EqualTo(15_000_000));
        Assert.That(_h.Account(CoreHarness.Provider).Available, Is.EqualTo(Credits - 25_000_000));
    }

    [Test]
    public void InternalStateIsValidWhileAHaltedBuybackBidCrossesTheBook()
    {
        _h.Place(10, Side.Sell, 2_000_000, 5);
        _h.MustRun(Command.MarketState(_h.Now, CommandType.HaltMarket, M));
        _h.MustRun(Command.SetBuyback(_h.Now, M, 3_000, 10));
        Assert.DoesNotThrow(() => _h.Core.ValidateInternalState());
    }
}
