using TokenMatch.Commands;
using TokenMatch.Core;
using TokenMatch.Ledger;
using TokenMatch.Markets;
using TokenMatch.Tests.Support;
using I = TokenMatch.Tests.Support.CoreInternals;
using static TokenMatch.Tests.Support.ScenarioKit;

namespace TokenMatch.Tests.Core;

/// <summary>
/// <see cref="ExchangeCore.StateHash"/> changes when any single field of the state changes, is the
/// same for two cores fed the same commands, and ignores what carries no state (creation order,
/// rejections). Built on <see cref="RichState"/>. Fields no command changes alone are changed in
/// place through <see cref="CoreInternals"/>, then put back, and the hash must return.
/// </summary>
public class StateHashTests
{
    private const int Table = RichState.TableMarket;

    private static TestCaseData Field(string name, Func<RichState, Action> mutate) =>
        new TestCaseData(mutate).SetName($"Field {name}");

    private static IEnumerable<TestCaseData> Fields()
    {
        yield return Field("engine _clock", s => I.Bump(s.H.Core, "_clock"));
        yield return Field("engine _nextOrderId", s => I.Bump(I.Get<object>(s.H.Core, "_desk"), "_nextOrderId"));
        foreach (string f in new[] { "_maxOpenOrders", "_provider", "_feeAccount", "_totalDeposits" })
            yield return Field($"engine {f}", s => I.Bump(I.Get<object>(s.H.Core, "_ledger"), f));
        for (int tier = 0; tier < 3; tier++)
        {
            int t = tier;
            yield return Field($"engine tier cap {t}", s => Element(I.Read<long[]>(I.Get<object>(s.H.Core, "_ledger"), "_tierCaps"), t, 7));
        }
        for (int i = 0; i < 4; i++)
        {
            int at = i;
            yield return Field($"engine consume order {at}", s =>
            {
                Origin[] order = I.Read<Origin[]>(I.Get<object>(s.H.Core, "_ledger"), "_consumeOrder");
                return Element(order, at, (Origin)(((int)order[at] + 1) % 4));
            });
        }

        foreach (string f in new[]
        {
            "Id", "SymbolLow", "SymbolHigh", "State", "LotSize", "Tick", "Face", "MinPrice", "MaxPrice", "MinQuantity",
            "MaxQuantity", "CycleStart", "CycleEnd", "MakerBps", "TakerBps", "BuybackRateBps", "BuybackBudget",
            "BoughtBack", "Granted", "Consumed", "Expired", "Retired",
        })
        {
            yield return Field($"market {f}", s => I.Bump(I.Market(s.H.Core, Table), f));
        }
        yield return Field("market expired counter of the expired market", s => I.Bump(I.Market(s.H.Core, RichState.ExpiredMarket), "Expired"));
        yield return Field("market buyback order", s =>
        {
            Market m = I.Market(s.H.Core, Table);
            int old = m.BuybackOrder;
            m.BuybackOrder = I.Slot(s.H.Core, s.Buy11Table);
            return () => m.BuybackOrder = old;
        });
        yield return Field("curve kind", s => Curve(I.Market(s.H.Core, M), CurveKind.Linear, 100_000));
        yield return Field("curve floor", s => Curve(I.Market(s.H.Core, M), CurveKind.Exponential, 100_001));
        yield return Field("curve half-life", s => Curve(I.Market(s.H.Core, M), CurveKind.Exponential, 100_000, 1));
        yield return Field("curve table point count", s =>
        {
            DecayCurve c = I.Market(s.H.Core, Table).Curve;
            int count = c.TableCount;
            c.TryAddPoint(1_000_000, 50_000);
            return () => I.Write(c, "<TableCount>k__BackingField", count);
        });
        yield return Field("curve table elapsed", s => Element(I.Read<long[]>(I.Market(s.H.Core, Table).Curve, "_tableX"), 1, 400_000));
        yield return Field("curve table value", s => Element(I.Read<long[]>(I.Market(s.H.Core, Table).Curve, "_tableD"), 1, 650_000));
        yield return Field("claimed client id added", s =>
        {
            Market m = I.Market(s.H.Core, M);
            ClientIdTable ids = m.ClientIds;
            var copy = new ClientIdTable(16);
            for (int i = 0; i < ids.Capacity; i++)
                if (ids.At(i, out int account, out long clientId, out int slot)) copy.TryAdd(account, clientId, slot);
            copy.TryAdd(12, 999, -1);
            m.ClientIds = copy;
            return () => m.ClientIds = ids;
        });

        foreach (string f in new[]
        {
            "Id", "ClientId", "Account", "Side", "Type", "Tif", "Stp", "IsBuyback", "Price", "Remaining", "HoldPerLot",
            "MakerBps", "TakerBps", "ExpireAt",
        })
        {
            yield return Field($"order {f} (buy)", s => I.BumpOrder(s.H.Core, s.Buy11, f));
            yield return Field($"order {f} (good-till-time sell)", s => I.BumpOrder(s.H.Core, s.GttSell12, f));
        }
        yield return Field("order ExpireAt (good-till-time buy)", s => I.BumpOrder(s.H.Core, s.GttBuy12, "ExpireAt"));
        yield return Field("order Remaining (buyback)", s => I.BumpOrder(s.H.Core, s.Buyback, "Remaining"));

        foreach (string f in new[] { "Tier", "Frozen", "Group", "StpDefault", "Available", "Held", "Spent", "OpenOrders" })
        {
            yield return Field($"account {f}", s => I.Bump(I.Account(s.H.Core, 10), f));
            yield return Field($"account {f} (frozen account)", s => I.Bump(I.Account(s.H.Core, 13), f));
        }
        for (int origin = 0; origin < 4; origin++)
        {
            int o = origin;
            yield return Field($"account free lots {(Origin)o}", s =>
            {
                Market m = I.Market(s.H.Core, M);
                Account a = I.Account(s.H.Core, 10);
                long old = m.LotsOf(a).Free[o];
                m.LotsOf(a).Free[o] = 12_345;
                return () => m.LotsOf(a).Free[o] = old;
            });
        }
        yield return Field("account held lots", s =>
        {
            Market m = I.Market(s.H.Core, M);
            Account a = I.Account(s.H.Core, 10);
            m.LotsOf(a).HeldAllocated++;
            return () => m.LotsOf(a).HeldAllocated--;
        });
        yield return Field("account sell count", s =>
        {
            Market m = I.Market(s.H.Core, Table);
            Account a = I.Account(s.H.Core, 12);
            m.LotsOf(a).SellCounted++;
            return () => m.LotsOf(a).SellCounted--;
        });
        yield return Field("account lots in a new market", s =>
        {
            // A market of the rich state where account 11 has no lots row yet.
            Market market = new[] { M, RichState.TableMarket, RichState.ExpiredMarket }
                .Select(id => I.Market(s.H.Core, id)).First(m => !m.HasLots(I.Account(s.H.Core, 11)));
            int[] oldRowOf = I.Read<int[]>(market, "_rowOf");
            int oldCount = I.Read<int>(market, "_lotsCount");
            I.Write(market, "_rowOf", (int[])oldRowOf.Clone());
            market.LotsOf(I.Account(s.H.Core, 11));
            return () =>
            {
                I.Write(market, "_rowOf", oldRowOf);
                I.Write(market, "_lotsCount", oldCount);
            };
        });
        yield return Field("account order list order", s => SwapTwoOrders(s.H.Core, 10));
    }

    [TestCaseSource(nameof(Fields))]
    public void ChangingOneFieldChangesTheHash(Func<RichState, Action> mutate)
    {
        var s = new RichState();
        ulong before = s.H.Core.StateHash();
        Action undo = mutate(s);
        Assert.That(s.H.Core.StateHash(), Is.Not.EqualTo(before));
        undo();
        Assert.That(s.H.Core.StateHash(), Is.EqualTo(before), "putting the field back restores the hash");
    }

    private static TestCaseData Step(string name, Func<RichState, Command> command) =>
        new TestCaseData(command).SetName($"Command {name}");

    private static IEnumerable<TestCaseData> Commands()
    {
        long now = At(1, 4);
        yield return Step("time (clock)", s => Command.Time(now + 1));
        yield return Step("time (good-till-time expiry)", s => Command.Time(At(1, 2)));
        yield return Step("deposit", s => Command.Deposit(now, 12, 1));
        yield return Step("grant", s => Command.Grant(now, 12, M, Origin.Promo, 1));
        yield return Step("set tier", s => Command.SetTier(now, 12, Tier.Verified));
        yield return Step("set tier cap", s => Command.SetTierCap(now, Tier.Trusted, 7));
        yield return Step("set max open orders", s => Command.SetMaxOpenOrders(now, 49));
        yield return Step("link", s => Command.Link(now, 12, RichState.Group));
        yield return Step("unlink", s => Command.Unlink(now, 10));
        yield return Step("freeze", s => Command.Freeze(now, 12));
        yield return Step("unfreeze", s => Command.Unfreeze(now, 13));
        yield return Step("set stp default", s => Command.SetStpDefault(now, 10, StpMode.None));
        yield return Step("set consume order", s => Command.SetConsumeOrder(now, Origin.Trial, Origin.Promo, Origin.Acquired, Origin.Allocated));
        yield return Step("set house (fee account)", s => Command.SetHouse(now, CoreHarness.Provider, 10));
        yield return Step("set fees", s => Command.SetFees(now, M, 11, 20));
        yield return Step("set buyback", s => Command.SetBuyback(now, Table, 4_000, 21));
        yield return Step("place resting", s => Command.Place(now, 12, M, Side.Buy, 1_000, 1));
        yield return Step("place trading", s => Command.Place(now, 12, M, Side.Buy, 6_000_000, 1));
        yield return Step("cancel", s => Command.Cancel(now, 11, s.Buy11));
        yield return Step("amend reduce", s => Command.Amend(now, 11, s.Buy11, 5, 0));
        yield return Step("amend price", s => Command.Amend(now, 11, s.Buy11, 0, 4_000_000));
        yield return Step("mass cancel", s => Command.MassCancel(now, 12));
        yield return Step("consume", s => Command.Consume(now, 10, M, 1));
        yield return Step("spend", s => Command.Spend(now, 10, 1));
        yield return Step("halt", s => Command.MarketState(now, CommandType.HaltMarket, Table));
        yield return Step("expire", s => Command.MarketState(now, CommandType.ExpireMarket, M));
        yield return Step("create account", s => Command.CreateAccount(now, 40));
        yield return Step("create market", s => Command.CreateMarket(now, 4, "LLM-XL/2026-12", 1_000, 1_000, 1_000_000, 1_000, 2_000_000, 1, 10, CoreHarness.Start, CoreHarness.End));
        yield return Step("fill", s => Command.Fill(now, 12, s.Sell10, 1));
    }

    [TestCaseSource(nameof(Commands))]
    public void EveryAcceptedStateChangingCommandChangesTheHash(Func<RichState, Command> command)
    {
        var s = new RichState();
        ulong before = s.H.Core.StateHash();
        s.H.MustRun(command(s));
        Assert.That(s.H.Core.StateHash(), Is.Not.EqualTo(before));
    }

    [Test]
    public void CurveSettingsOfAPreOpenMarketChangeTheHash()
    {
        var s = new RichState();
        var h = s.H;
        h.MustRun(Command.CreateMarket(h.Now, 4, "LLM-XL/2026-12", 1_000, 1_000, 1_000_000, 1_000, 2_000_000, 1, 10, CoreHarness.Start, CoreHarness.End));
        ulong created = h.Core.StateHash();
        h.MustRun(Command.SetCurve(h.Now, 4, CurveKind.Table));
        ulong table = h.Core.StateHash();
        h.MustRun(Command.AddCurvePoint(h.Now, 4, 0, 1_000_000));
        ulong point = h.Core.StateHash();
        h.MustRun(Command.MarketState(h.Now, CommandType.OpenMarket, 4));
        Assert.That(new[] { created, table, point, h.Core.StateHash() }, Is.Unique);
    }

    [Test]
    public void PriorityAloneChangesTheHash()
    {
        var s = new RichState();
        var h = s.H;
        h.Place(12, Side.Sell, 6_000_000, 1);
        ulong before = h.Core.StateHash();
        // Away and back: same price, quantity, hold (sells hold none) and fee rates, but now behind account 12.
        h.MustRun(Command.Amend(h.Now, 10, s.Sell10, 0, 6_500_000));
        h.MustRun(Command.Amend(h.Now, 10, s.Sell10, 0, 6_000_000));
        Assert.That(h.Core.GetOpenOrders(10).First(o => o.OrderId == s.Sell10).Price, Is.EqualTo(6_000_000));
        Assert.That(h.Core.StateHash(), Is.Not.EqualTo(before));
    }

    [Test]
    public void TwoCoresFedTheSameCommandsAgree()
    {
        var a = new RichState();
        var b = new RichState();
        Assert.That(a.H.Core.StateHash(), Is.EqualTo(b.H.Core.StateHash()));
        a.H.MustRun(Command.Place(At(1, 4), 12, M, Side.Buy, 6_000_000, 2));
        Assert.That(a.H.Core.StateHash(), Is.Not.EqualTo(b.H.Core.StateHash()));
        b.H.MustRun(Command.Place(At(1, 4), 12, M, Side.Buy, 6_000_000, 2));
        Assert.That(a.H.Core.StateHash(), Is.EqualTo(b.H.Core.StateHash()));
    }

    [Test]
    public void CreationOrderOfAccountsAndMarketsDoesNotMatter()
    {
        var a = new CoreHarness();
        var b = new CoreHarness();
        a.MustRun(Command.CreateAccount(a.Now, 30));
        a.MustRun(Command.CreateAccount(a.Now, 20));
        a.OpenMarket(5, "LLM-A/2026-12");
        a.OpenMarket(4, "LLM-B/2026-12");
        b.MustRun(Command.CreateAccount(b.Now, 20));
        b.MustRun(Command.CreateAccount(b.Now, 30));
        b.OpenMarket(4, "LLM-B/2026-12");
        b.OpenMarket(5, "LLM-A/2026-12");
        Assert.That(a.Core.StateHash(), Is.EqualTo(b.Core.StateHash()));
    }

    [Test]
    public void RejectedCommandsLeaveTheHashUnchanged()
    {
        var s = new RichState();
        var h = s.H;
        h.MustReject(Command.Place(h.Now, 13, M, Side.Buy, 1_000, 1), ResultCode.AccountFrozen);
        h.MustReject(Command.Place(h.Now, 12, M, Side.Buy, 1_000, 1, clientId: 2), ResultCode.DuplicateClientId);
        h.MustReject(Command.Place(h.Now, 11, M, Side.Buy, 8_000_000, 5, tif: TimeInForce.Fok), ResultCode.FokNotFillable);
        h.MustReject(Command.Amend(h.Now, 11, s.Buy11, 6, 5_000_000), ResultCode.AmendNoChange);
        h.MustReject(Command.Consume(h.Now, 12, M, 1_000_000), ResultCode.InsufficientLots);
        h.MustReject(Command.Place(h.Now, 12, M, Side.Sell, 1_000, 200), ResultCode.TierCapExceeded);
    }

    [Test]
    public void TheHashDoesNotCountCommands()
    {
        var s = new RichState();
        ulong before = s.H.Core.StateHash();
        // A heartbeat at the current time changes nothing, however many arrive.
        for (int i = 0; i < 3; i++) s.H.MustRun(Command.Time(s.H.Now));
        Assert.That(s.H.Core.StateHash(), Is.EqualTo(before));
    }

    private static Action Element<T>(T[] array, int index, T value)
    {
        T old = array[index];
        array[index] = value;
        return () => array[index] = old;
    }

    private static Action Curve(Market market, CurveKind kind, long floor, long halfLifeDelta = 0)
    {
        DecayCurve c = market.Curve;
        CurveKind oldKind = c.Kind;
        long oldFloor = c.Floor, oldHalfLife = c.HalfLife;
        c.Set(kind, floor, oldHalfLife + halfLifeDelta);
        return () => c.Set(oldKind, oldFloor, oldHalfLife);
    }

    /// <summary>Reverses an account's two-order list (oldest-first becomes newest-first).</summary>
    private static Action SwapTwoOrders(ExchangeCore core, int account)
    {
        var a = I.Account(core, account);
        var pool = I.Orders(core);
        int first = a.FirstOrder, last = a.LastOrder;
        Assert.That(pool[first].AccountNext, Is.EqualTo(last), "the account has exactly two orders");
        void Link(int head, int tail)
        {
            a.FirstOrder = head;
            a.LastOrder = tail;
            pool[head].AccountPrev = -1;
            pool[head].AccountNext = tail;
            pool[tail].AccountPrev = head;
            pool[tail].AccountNext = -1;
        }
        Link(last, first);
        return () => Link(first, last);
    }
}
