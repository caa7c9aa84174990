using NUnit.Framework;
using System.Runtime.CompilerServices;
using TokenMatch.Commands;
using TokenMatch.Markets;

// Not TokenMatch.Tests.Commands: that would shadow the TokenMatch.Commands the other tests name as Commands.X.
namespace TokenMatch.Tests.CommandSlot;

/// <summary>
/// <see cref="CommandLayout"/> tells the truth: its offsets are the slot's, and each factory method's
/// values come back through its kind's typed view under their own names (so a view that reads the
/// wrong field, or a factory that writes one, fails here rather than in a replay).
/// </summary>
public sealed class CommandLayoutTests
{
    private static int Offset<T>(ref Command c, ref T field) => (int)Unsafe.ByteOffset(ref Unsafe.As<Command, byte>(ref c), ref Unsafe.As<T, byte>(ref field));

    [Test]
    public void OffsetsAreTheSlots()
    {
        var c = new Command();
        Assert.Multiple(() =>
        {
            Assert.That(Offset(ref c, ref c.Type), Is.EqualTo(CommandLayout.TypeOffset));
            Assert.That(Offset(ref c, ref c.Side), Is.EqualTo(CommandLayout.SideOffset));
            Assert.That(Offset(ref c, ref c.OrderType), Is.EqualTo(CommandLayout.OrderTypeOffset));
            Assert.That(Offset(ref c, ref c.Tif), Is.EqualTo(CommandLayout.TifOffset));
            Assert.That(Offset(ref c, ref c.Stp), Is.EqualTo(CommandLayout.StpOffset));
            Assert.That(Offset(ref c, ref c.PriceKind), Is.EqualTo(CommandLayout.PriceKindOffset));
            Assert.That(Offset(ref c, ref c.Code), Is.EqualTo(CommandLayout.CodeOffset));
            Assert.That(Offset(ref c, ref c.Result), Is.EqualTo(CommandLayout.ResultOffset));
            Assert.That(Offset(ref c, ref c.Account), Is.EqualTo(CommandLayout.AccountOffset));
            Assert.That(Offset(ref c, ref c.Market), Is.EqualTo(CommandLayout.MarketOffset));
            Assert.That(Offset(ref c, ref c.Sequence), Is.EqualTo(CommandLayout.SequenceOffset));
            Assert.That(Offset(ref c, ref c.Timestamp), Is.EqualTo(CommandLayout.TimestampOffset));
            Assert.That(Offset(ref c, ref c.OrderId), Is.EqualTo(CommandLayout.OrderIdOffset));
            Assert.That(Offset(ref c, ref c.ClientId), Is.EqualTo(CommandLayout.ClientIdOffset));
            Assert.That(Offset(ref c, ref c.Price), Is.EqualTo(CommandLayout.PriceOffset));
            Assert.That(Offset(ref c, ref c.Quantity), Is.EqualTo(CommandLayout.QuantityOffset));
            Assert.That(Offset(ref c, ref c.Arg), Is.EqualTo(CommandLayout.ArgOffset));
            long[] args = [Offset(ref c, ref c.A0), Offset(ref c, ref c.A1), Offset(ref c, ref c.A2), Offset(ref c, ref c.A3),
                Offset(ref c, ref c.A4), Offset(ref c, ref c.A5), Offset(ref c, ref c.A6), Offset(ref c, ref c.A7)];
            Assert.That(args, Is.EqualTo(Enumerable.Range(0, 8).Select(i => (long)(CommandLayout.A0Offset + 8 * i))));
            Assert.That(Offset(ref c, ref c.EventCount), Is.EqualTo(CommandLayout.EventCountOffset));
            Assert.That(Unsafe.SizeOf<Command>(), Is.EqualTo(CommandLayout.Size));
        });
    }

    [Test]
    public void PlaceReadsBackThroughItsView()
    {
        Command c = Command.Place(5, 10, 1, Side.Sell, 3_000, 7, OrderType.PostOnly, TimeInForce.GoodTillTime, 99,
            StpMode.CancelBoth, PriceKind.Absolute, expireAt: 1234);
        PlaceArgs p = c.AsPlace();
        Assert.That((p.Account, p.Market, p.Side, p.Price, p.Quantity, p.OrderType, p.Tif, p.ClientId, p.Stp, p.PriceKind, p.ExpireAt),
            Is.EqualTo((10, 1, Side.Sell, 3_000L, 7L, OrderType.PostOnly, TimeInForce.GoodTillTime, 99L, StpMode.CancelBoth, PriceKind.Absolute, 1234L)));
    }

    [Test]
    public void OrderCommandsReadBackThroughTheirViews()
    {
        Command cancel = Command.CancelByClientId(1, 10, 2, 77);
        OrderRefArgs r = cancel.AsOrderRef();
        Assert.That((r.Account, r.Market, r.OrderId, r.ClientId), Is.EqualTo((10, 2, 0L, 77L)));

        Command amend = Command.AmendByClientId(1, 10, 2, 77, 5, 4_000, PriceKind.Absolute);
        AmendArgs a = amend.AsAmend();
        Assert.That((a.Account, a.Market, a.ClientId, a.NewQuantity, a.NewPrice, a.PriceKind), Is.EqualTo((10, 2, 77L, 5L, 4_000L, PriceKind.Absolute)));
        Command byId = Command.Amend(1, 10, 42, 6, 0);
        Assert.That((byId.AsAmend().OrderId, byId.AsAmend().NewQuantity, byId.AsAmend().NewPrice), Is.EqualTo((42L, 6L, 0L)));

        Command mass = Command.MassCancel(1, 10);
        Assert.That((mass.AsMassCancel().Account, mass.AsMassCancel().Market), Is.EqualTo((10, -1)));

        Command fill = Command.Fill(1, 10, 42, 3);
        FillArgs f = fill.AsFill();
        Assert.That((f.Taker, f.OrderId, f.Quantity), Is.EqualTo((10, 42L, 3L)));
    }

    [Test]
    public void LedgerCommandsReadBackThroughTheirViews()
    {
        Command consume = Command.Consume(1, 10, 2, 8);
        Assert.That((consume.AsConsume().Account, consume.AsConsume().Market, consume.AsConsume().Lots), Is.EqualTo((10, 2, 8L)));
        Command spend = Command.Spend(1, 10, 500);
        Assert.That((spend.AsCredits().Account, spend.AsCredits().Credits), Is.EqualTo((10, 500L)));
        Command deposit = Command.Deposit(1, 11, 600);
        Assert.That((deposit.AsCredits().Account, deposit.AsCredits().Credits), Is.EqualTo((11, 600L)));
        Command grant = Command.Grant(1, 10, 2, Origin.Promo, 9);
        GrantArgs g = grant.AsGrant();
        Assert.That((g.Account, g.Market, g.OriginCode, g.Lots), Is.EqualTo((10, 2, (byte)Origin.Promo, 9L)));
    }

    [Test]
    public void AccountCommandsReadBackThroughTheirViews()
    {
        Command create = Command.CreateAccount(1, 10, Tier.Trusted);
        Assert.That((create.AsAccountTier().Account, create.AsAccountTier().TierCode), Is.EqualTo((10, (byte)Tier.Trusted)));
        Command tier = Command.SetTier(1, 11, Tier.Verified);
        Assert.That((tier.AsAccountTier().Account, tier.AsAccountTier().TierCode), Is.EqualTo((11, (byte)Tier.Verified)));
        Command cap = Command.SetTierCap(1, Tier.Verified, 50);
        Assert.That((cap.AsTierCap().TierCode, cap.AsTierCap().MaxSellLots), Is.EqualTo(((byte)Tier.Verified, 50L)));
        Command max = Command.SetMaxOpenOrders(1, 12);
        Assert.That(max.AsMaxOpenOrders().MaxOpenOrders, Is.EqualTo(12L));
        Command link = Command.Link(1, 10, 7);
        Assert.That((link.AsLink().Account, link.AsLink().Group), Is.EqualTo((10, 7L)));
        Command stp = Command.SetStpDefault(1, 10, StpMode.CancelOldest);
        Assert.That((stp.AsStpDefault().Account, stp.AsStpDefault().Mode), Is.EqualTo((10, StpMode.CancelOldest)));
        Command order = Command.SetConsumeOrder(1, Origin.Promo, Origin.Trial, Origin.Allocated, Origin.Acquired);
        ConsumeOrderArgs o = order.AsConsumeOrder();
        Assert.That(new[] { o.First, o.Second, o.Third, o.Fourth },
            Is.EqualTo(new[] { (long)Origin.Promo, (long)Origin.Trial, (long)Origin.Allocated, (long)Origin.Acquired }));
        Command house = Command.SetHouse(1, 3, 4);
        Assert.That((house.AsHouse().Provider, house.AsHouse().FeeAccount), Is.EqualTo((3, 4L)));
        var key = new Command { Type = CommandType.IssueApiKey, Account = 10, Code = (byte)Role.Trader, OrderId = 5, A0 = 1, A1 = 2, A2 = 3, A3 = 4, A4 = 5, A5 = 6 };
        ApiKeyArgs k = key.AsApiKey();
        Assert.That((k.Account, k.RoleCode, k.KeyId, k.Salt0, k.Salt1, k.Hash0, k.Hash1, k.Hash2, k.Hash3),
            Is.EqualTo((10, (byte)Role.Trader, 5L, 1L, 2L, 3L, 4L, 5L, 6L)));
    }

    [Test]
    public void MarketCommandsReadBackThroughTheirViews()
    {
        Command create = Command.CreateMarket(1, 3, "LLM-L/2026-12", 1_000, 10, 2_000, 10, 4_000, 1, 100, 1_000, 2_000);
        CreateMarketArgs m = create.AsCreateMarket();
        Assert.That((m.Market, m.LotSize, m.Tick, m.Face, m.MinPrice, m.MaxPrice, m.MinQuantity, m.MaxQuantity, m.CycleStart, m.CycleEnd),
            Is.EqualTo((3, 1_000L, 10L, 2_000L, 10L, 4_000L, 1L, 100L, 1_000L, 2_000L)));
        Assert.That(MarketSymbol.Unpack(m.SymbolLow, m.SymbolHigh), Is.EqualTo("LLM-L/2026-12"));

        Command curve = Command.SetCurve(1, 3, CurveKind.Exponential, 50_000, 7);
        CurveArgs cv = curve.AsCurve();
        Assert.That((cv.Market, cv.KindCode, cv.FloorPpm, cv.HalfLife), Is.EqualTo((3, (byte)CurveKind.Exponential, 50_000L, 7L)));
        Command point = Command.AddCurvePoint(1, 3, 800_000, 900_000);
        Assert.That((point.AsCurvePoint().Market, point.AsCurvePoint().ElapsedPpm, point.AsCurvePoint().DecayPpm), Is.EqualTo((3, 800_000L, 900_000L)));
        Command fees = Command.SetFees(1, 3, 10, 20);
        Assert.That((fees.AsFees().Market, fees.AsFees().MakerBps, fees.AsFees().TakerBps), Is.EqualTo((3, 10L, 20L)));
        Command buyback = Command.SetBuyback(1, 3, 2_500, 1_000);
        Assert.That((buyback.AsBuyback().Market, buyback.AsBuyback().RateBps, buyback.AsBuyback().BudgetLots), Is.EqualTo((3, 2_500L, 1_000L)));
    }
}
