using TokenMatch.Commands;
using TokenMatch.Markets;
using TokenMatch.Tests.Support;
using static TokenMatch.Tests.Support.ScenarioKit;

namespace TokenMatch.Tests.Markets;

/// <summary>Market states: pre-open rejects orders, halted accepts only cancels and set buyback, expired rejects everything of the market.</summary>
public class MarketStateScenarioTests
{
    private CoreHarness _h = null!;

    [SetUp]
    public void SetUp()
    {
        _h = new CoreHarness();
        _h.MustRun(Command.Deposit(_h.Now, CoreHarness.Provider, Credits));
        _h.Trader(10);
        _h.Trader(11);
    }

    [Test]
    public void CreateThenOpenReportEachState()
    {
        Assert.That(_h.MustRun(Command.CreateMarket(_h.Now, 3, "LLM-XS/2026-12", 1_000, 1_000, 1_000_000, 1_000, 2_000_000, 1, 100,
            CoreHarness.Start, CoreHarness.End)).Lines()[1], Is.EqualTo("MarketState m3 PreOpen"));
        _h.MustReject(_h.PlaceCommand(11, Side.Buy, 1_000, 1, market: 3), ResultCode.MarketNotOpen);
        _h.MustReject(Command.SetBuyback(_h.Now, 3, 1_000, 1), ResultCode.MarketNotOpen);
        // Lots may be granted and consumed before the market opens.
        _h.MustRun(Command.Grant(_h.Now, 10, 3, Origin.Allocated, 5));
        _h.MustRun(Command.Consume(_h.Now, 10, 3, 1));
        Assert.That(_h.MustRun(Command.MarketState(_h.Now, CommandType.OpenMarket, 3)).Lines(), Is.EqualTo(new[]
        {
            "Accepted OpenMarket a0 m3 #0 c0 None 0x0",
            "MarketState m3 Open",
        }));
        _h.Place(10, Side.Sell, 1_000, 4, market: 3);
    }

    [Test]
    public void HaltedAcceptsOnlyCancelsAndSetBuyback()
    {
        _h.Place(10, Side.Sell, 5_000_000, 2, clientId: 1);
        long buy = _h.Place(11, Side.Buy, 4_000_000, 2).OrderId();
        _h.Place(11, Side.Buy, 3_000_000, 2);
        Assert.That(_h.MustRun(Command.MarketState(_h.Now, CommandType.HaltMarket, M)).Lines(), Is.EqualTo(new[]
        {
            "Accepted HaltMarket a0 m1 #0 c0 None 0x0",
            "MarketState m1 Halted",
        }));
        _h.MustReject(_h.PlaceCommand(11, Side.Buy, 5_000_000, 1), ResultCode.MarketHalted);
        _h.MustReject(Command.Amend(_h.Now, 11, buy, 1, 0), ResultCode.MarketHalted);
        _h.MustRun(Command.CancelByClientId(_h.Now, 10, M, 1));
        _h.MustRun(Command.Cancel(_h.Now, 11, buy));
        _h.MustRun(Command.MassCancel(_h.Now, 11, M));
        _h.MustRun(Command.SetBuyback(_h.Now, M, 1_000, 3));
        Assert.That(_h.Core.GetOpenOrders(10), Is.Empty);
        Assert.That(_h.Core.GetOpenOrders(11), Is.Empty);
        Assert.That(_h.Core.GetDepth(M, 5)!.Bids.Select(l => l.Price), Is.EqualTo(new[] { 1_000_000L }));

        Assert.That(_h.MustRun(Command.MarketState(_h.Now, CommandType.ResumeMarket, M)).Lines(), Is.EqualTo(new[]
        {
            "Accepted ResumeMarket a0 m1 #0 c0 None 0x0",
            "MarketState m1 Open",
        }));
        _h.Place(11, Side.Buy, 5_000_000, 1);
    }

    [Test]
    public void ExpiredRejectsTradingAndStateChanges()
    {
        _h.MustRun(Command.MarketState(_h.Now, CommandType.ExpireMarket, M));
        Assert.That(_h.Core.GetMarket(M)!.State, Is.EqualTo(MarketState.Expired));
        _h.MustReject(_h.PlaceCommand(11, Side.Buy, 5_000_000, 1), ResultCode.MarketExpired);
        _h.MustReject(Command.MarketState(_h.Now, CommandType.ExpireMarket, M), ResultCode.MarketExpired);
        _h.MustReject(Command.MarketState(_h.Now, CommandType.HaltMarket, M), ResultCode.InvalidMarketState);
        _h.MustReject(Command.MarketState(_h.Now, CommandType.ResumeMarket, M), ResultCode.InvalidMarketState);
        _h.MustReject(Command.MarketState(_h.Now, CommandType.OpenMarket, M), ResultCode.InvalidMarketState);
        _h.MustReject(Command.Grant(_h.Now, 10, M, Origin.Allocated, 1), ResultCode.MarketExpired);
        _h.MustReject(Command.SetFees(_h.Now, M, 1, 1), ResultCode.MarketExpired);
        _h.MustReject(Command.SetBuyback(_h.Now, M, 1_000, 1), ResultCode.MarketExpired);
    }
}
