using TokenMatch.Commands;
using TokenMatch.Markets;

namespace TokenMatch.Tests.Support;

/// <summary>
/// A core with something in every part of its state, for the state-hash tests: three markets
/// (exponential, table and an expired one), fees, a buyback bid that has bought back lots, orders on
/// both sides with client ids and good-till-time expiries, accounts of every tier with an owner
/// group, a frozen account, a non-default self-trade mode, lots of every origin, consumed and spent
/// amounts, tier caps, an open-order cap, a changed consumption order and a clock past the start.
/// </summary>
public sealed class RichState
{
    /// <summary>The table-curve market.</summary>
    public const int TableMarket = 2;
    /// <summary>The market that was expired early.</summary>
    public const int ExpiredMarket = 3;
    /// <summary>The owner group of accounts 10 and 11.</summary>
    public const long Group = 5;

    /// <summary>The harness holding the core.</summary>
    public CoreHarness H { get; }
    /// <summary>Account 10's resting sell in market 1 (client id 1, 2 lots left at 6,000,000).</summary>
    public long Sell10 { get; }
    /// <summary>Account 12's good-till-time sell in market 1 (client id 3).</summary>
    public long GttSell12 { get; }
    /// <summary>Account 11's resting buy in market 1 (client id 4).</summary>
    public long Buy11 { get; }
    /// <summary>Account 12's good-till-time buy in market 1.</summary>
    public long GttBuy12 { get; }
    /// <summary>Account 10's resting sell in the table market (client id 5).</summary>
    public long Sell10Table { get; }
    /// <summary>Account 11's resting buy in the table market.</summary>
    public long Buy11Table { get; }
    /// <summary>The live buyback bid of the table market.</summary>
    public long Buyback { get; }

    /// <summary>Builds the state; the same calls always build the same state.</summary>
    public RichState()
    {
        long t = ScenarioKit.CycleLength;
        var h = H = new CoreHarness(CurveKind.Exponential, floor: 100_000, halfLife: t / 4, makerBps: 10, takerBps: 20);
        h.OpenMarket(TableMarket, "LLM-S/2026-12", curve: CurveKind.Table,
            table: [(0, 1_000_000), (500_000, 600_000), (1_000_000, 100_000)]);
        h.MustRun(Command.SetFees(h.Now, TableMarket, 5, 15));
        h.OpenMarket(ExpiredMarket, "LLM-XS/2026-12");
        h.MustRun(Command.SetTierCap(h.Now, Tier.Unverified, 100));
        h.MustRun(Command.SetTierCap(h.Now, Tier.Verified, 5_000));
        h.MustRun(Command.SetMaxOpenOrders(h.Now, 50));
        h.MustRun(Command.SetConsumeOrder(h.Now, Origin.Promo, Origin.Trial, Origin.Acquired, Origin.Allocated));
        h.MustRun(Command.Deposit(h.Now, CoreHarness.Provider, 1_000_000_000_000));

        h.Trader(10);
        h.Trader(11);
        h.MustRun(Command.SetTier(h.Now, 11, Tier.Trusted));
        h.Trader(12, tier: Tier.Unverified);
        h.Trader(13);
        h.MustRun(Command.Link(h.Now, 10, Group));
        h.MustRun(Command.Link(h.Now, 11, Group));
        h.MustRun(Command.SetStpDefault(h.Now, 11, StpMode.CancelBoth));
        h.MustRun(Command.Grant(h.Now, 10, ScenarioKit.M, Origin.Trial, 20));
        h.MustRun(Command.Grant(h.Now, 10, ScenarioKit.M, Origin.Promo, 10));
        h.MustRun(Command.Grant(h.Now, 10, TableMarket, Origin.Allocated, 1_000));
        h.MustRun(Command.Grant(h.Now, 12, TableMarket, Origin.Allocated, 1_000));
        h.MustRun(Command.Grant(h.Now, 13, ExpiredMarket, Origin.Allocated, 50));

        h.Now = ScenarioKit.At(1, 8);
        Sell10 = h.Place(10, Side.Sell, 6_000_000, 5, clientId: 1).OrderId();
        h.Place(12, Side.Buy, 6_000_000, 3, clientId: 2);
        h.MustRun(Command.Consume(h.Now, 12, ScenarioKit.M, 2));
        h.MustRun(Command.Spend(h.Now, 11, 1_000_000));
        GttSell12 = h.Place(12, Side.Sell, 7_000_000, 4, clientId: 3, tif: TimeInForce.GoodTillTime,
            expireAt: ScenarioKit.At(1, 2)).OrderId();
        Buy11 = h.Place(11, Side.Buy, 5_000_000, 6, clientId: 4).OrderId();
        GttBuy12 = h.Place(12, Side.Buy, 4_000_000, 2, tif: TimeInForce.GoodTillTime, expireAt: ScenarioKit.At(3, 4)).OrderId();
        Sell10Table = h.Place(10, Side.Sell, 8_000_000, 10, clientId: 5, market: TableMarket).OrderId();
        Buy11Table = h.Place(11, Side.Buy, 3_000_000, 5, market: TableMarket).OrderId();
        h.MustRun(Command.SetBuyback(h.Now, TableMarket, 4_000, 20));
        h.Place(12, Side.Sell, 4_000_000, 3, market: TableMarket);
        Buyback = h.Core.GetBuybackOrder(TableMarket)!.OrderId;
        h.MustRun(Command.Freeze(h.Now, 13));
        h.MustRun(Command.MarketState(h.Now, CommandType.ExpireMarket, ExpiredMarket));
        h.Now = ScenarioKit.At(1, 4);
        h.MustRun(Command.Time(h.Now));
    }
}
