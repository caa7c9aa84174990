using TokenMatch.Commands;
using TokenMatch.Core;
using TokenMatch.Events;
using TokenMatch.Markets;
using TokenMatch.Tests.Support;
using static TokenMatch.Tests.Support.ScenarioKit;

namespace TokenMatch.Tests.Core;

/// <summary>
/// Every result code the core can produce (all but the 5xx gateway and pipeline codes), each through
/// <see cref="CoreHarness.MustReject"/>: a <c>time</c> command at the timestamp, the state hash, the
/// command, then the code, an unchanged hash and a single Rejected event. Then the validation order.
/// </summary>
public class RejectionTests
{
    private static readonly long Start = CoreHarness.Start;

    /// <summary>The standard harness, traders 10 and 11, and credits for the provider.</summary>
    private static CoreHarness Fresh()
    {
        var h = new CoreHarness();
        h.MustRun(Command.Deposit(h.Now, CoreHarness.Provider, Credits));
        h.Trader(10);
        h.Trader(11);
        return h;
    }

    private static Command Buy(CoreHarness h, long price, long quantity, OrderType type = OrderType.Limit,
        TimeInForce tif = TimeInForce.Default, long clientId = 0, StpMode stp = StpMode.Default,
        PriceKind kind = PriceKind.Fte, long expireAt = 0, int account = 11, int market = M) =>
        Command.Place(h.Now, account, market, Side.Buy, price, quantity, type, tif, clientId, stp, kind, expireAt);

    private static Command Sell(CoreHarness h, long price, long quantity, int account = 10, int market = M) =>
        Command.Place(h.Now, account, market, Side.Sell, price, quantity);

    private static Command Market(long market, string symbol = "LLM-XS/2026-12", long tick = 1_000, long min = 1_000,
        long max = 2_000_000, long minQty = 1, long maxQty = 100, long start = 0, long end = 0) =>
        Command.CreateMarket(Start, (int)market, symbol, 1_000, tick, 10_000_000, min, max, minQty, maxQty,
            start == 0 ? CoreHarness.Start : start, end == 0 ? CoreHarness.End : end);

    private static Command PreOpen(CoreHarness h, int market = 3)
    {
        h.MustRun(Market(market));
        return Command.Time(h.Now);
    }

    private static Command Then(CoreHarness h, Command setup, Command command)
    {
        h.MustRun(setup);
        return command;
    }

    private static Command IssueKey(CoreHarness h, long key, Role role, int account = 11) => new()
    { Type = CommandType.IssueApiKey, Timestamp = h.Now, Account = account, Code = (byte)role, OrderId = key, A0 = 1, A2 = 2 };

    private static TestCaseData Case(ResultCode code, string name, Func<CoreHarness, Command> arrange) =>
        new TestCaseData(code, arrange).SetName($"{(int)code} {code}: {name}");

    private static IEnumerable<TestCaseData> Cases()
    {
        yield return Case(ResultCode.UnknownCommand, "type 99", h => new Command { Type = (CommandType)99, Timestamp = h.Now });
        yield return Case(ResultCode.UnknownCommand, "type none", h => new Command { Timestamp = h.Now });

        yield return Case(ResultCode.UnknownMarket, "place", h => Buy(h, 1_000, 1, market: 77));
        yield return Case(ResultCode.UnknownMarket, "cancel by client id", h => Command.CancelByClientId(h.Now, 11, 77, 5));
        yield return Case(ResultCode.UnknownMarket, "mass cancel", h => Command.MassCancel(h.Now, 11, 77));
        yield return Case(ResultCode.UnknownMarket, "grant", h => Command.Grant(h.Now, 11, 77, Origin.Allocated, 1));
        yield return Case(ResultCode.UnknownMarket, "consume", h => Command.Consume(h.Now, 11, 77, 1));
        yield return Case(ResultCode.UnknownMarket, "set fees", h => Command.SetFees(h.Now, 77, 1, 1));
        yield return Case(ResultCode.UnknownMarket, "set buyback", h => Command.SetBuyback(h.Now, 77, 1, 1));
        yield return Case(ResultCode.UnknownMarket, "halt", h => Command.MarketState(h.Now, CommandType.HaltMarket, 77));
        yield return Case(ResultCode.UnknownMarket, "set curve", h => Command.SetCurve(h.Now, 77, CurveKind.Linear));

        yield return Case(ResultCode.MarketNotOpen, "place", h => { PreOpen(h); return Buy(h, 1_000, 1, market: 3); });
        yield return Case(ResultCode.MarketNotOpen, "set buyback", h => { PreOpen(h); return Command.SetBuyback(h.Now, 3, 1_000, 1); });

        yield return Case(ResultCode.MarketHalted, "place", h => Then(h, Command.MarketState(h.Now, CommandType.HaltMarket, M), Buy(h, 1_000, 1)));
        yield return Case(ResultCode.MarketHalted, "amend", h =>
        {
            h.Place(11, Side.Buy, 1_000, 2);
            return Then(h, Command.MarketState(h.Now, CommandType.HaltMarket, M), Command.Amend(h.Now, 11, 1, 1, 0));
        });

        Command Expire(CoreHarness h) => Command.MarketState(h.Now, CommandType.ExpireMarket, M);
        yield return Case(ResultCode.MarketExpired, "place", h => Then(h, Expire(h), Buy(h, 1_000, 1)));
        yield return Case(ResultCode.MarketExpired, "place at the cycle end", h =>
        {
            h.Now = CoreHarness.End;
            return Buy(h, 1_000, 1);
        });
        yield return Case(ResultCode.MarketExpired, "consume", h => Then(h, Expire(h), Command.Consume(h.Now, 11, M, 1)));
        yield return Case(ResultCode.MarketExpired, "grant", h => Then(h, Expire(h), Command.Grant(h.Now, 11, M, Origin.Trial, 1)));
        yield return Case(ResultCode.MarketExpired, "set fees", h => Then(h, Expire(h), Command.SetFees(h.Now, M, 1, 1)));
        yield return Case(ResultCode.MarketExpired, "set buyback", h => Then(h, Expire(h), Command.SetBuyback(h.Now, M, 1, 1)));
        yield return Case(ResultCode.MarketExpired, "expire again", h => Then(h, Expire(h), Expire(h)));

        yield return Case(ResultCode.InvalidQuantity, "place 0", h => Buy(h, 1_000, 0));
        yield return Case(ResultCode.InvalidQuantity, "place -1", h => Buy(h, 1_000, -1));
        yield return Case(ResultCode.InvalidQuantity, "amend -1", h => { h.Place(11, Side.Buy, 1_000, 2); return Command.Amend(h.Now, 11, 1, -1, 0); });
        yield return Case(ResultCode.InvalidQuantity, "consume 0", h => Command.Consume(h.Now, 11, M, 0));
        yield return Case(ResultCode.InvalidQuantity, "grant 0", h => Command.Grant(h.Now, 11, M, Origin.Allocated, 0));

        yield return Case(ResultCode.QuantityOutOfRange, "place above max", h => Buy(h, 1_000, 1_000_001));
        yield return Case(ResultCode.QuantityOutOfRange, "place below min", h =>
        {
            h.MustRun(Market(3, minQty: 5));
            h.MustRun(Command.MarketState(h.Now, CommandType.OpenMarket, 3));
            return Buy(h, 1_000, 4, market: 3);
        });
        yield return Case(ResultCode.QuantityOutOfRange, "amend above max", h => { h.Place(11, Side.Buy, 1_000, 2); return Command.Amend(h.Now, 11, 1, 1_000_001, 0); });

        yield return Case(ResultCode.PriceOutOfRange, "limit 0", h => Buy(h, 0, 1));
        yield return Case(ResultCode.PriceOutOfRange, "above max", h => Buy(h, 20_001_000, 1));
        yield return Case(ResultCode.PriceOutOfRange, "market protection above max", h => Buy(h, 20_001_000, 1, OrderType.Market));
        yield return Case(ResultCode.PriceOutOfRange, "absolute 0", h => Buy(h, 0, 1, kind: PriceKind.Absolute));
        yield return Case(ResultCode.PriceOutOfRange, "absolute above max", h => Buy(h, 20_001_000, 1, kind: PriceKind.Absolute));
        yield return Case(ResultCode.PriceOutOfRange, "amend", h => { h.Place(11, Side.Buy, 1_000, 2); return Command.Amend(h.Now, 11, 1, 0, 30_000_000); });

        yield return Case(ResultCode.PriceOffTick, "place", h => Buy(h, 5_000_001, 1));
        yield return Case(ResultCode.PriceOffTick, "amend", h => { h.Place(11, Side.Buy, 1_000, 2); return Command.Amend(h.Now, 11, 1, 0, 1_500); });

        yield return Case(ResultCode.Overflow, "deposit", h => Command.Deposit(h.Now, 11, long.MaxValue));
        yield return Case(ResultCode.Overflow, "grant", h => Command.Grant(h.Now, 11, M, Origin.Trial, long.MaxValue));

        yield return Case(ResultCode.InvalidSide, "none", h => Command.Place(h.Now, 11, M, Side.None, 1_000, 1));
        yield return Case(ResultCode.InvalidSide, "3", h => Command.Place(h.Now, 11, M, (Side)3, 1_000, 1));
        yield return Case(ResultCode.InvalidOrderType, "0", h => Buy(h, 1_000, 1, (OrderType)0));
        yield return Case(ResultCode.InvalidOrderType, "9", h => Buy(h, 1_000, 1, (OrderType)9));

        yield return Case(ResultCode.InvalidTimeInForce, "9", h => Buy(h, 1_000, 1, tif: (TimeInForce)9));
        yield return Case(ResultCode.InvalidTimeInForce, "market GTC", h => Buy(h, 1_000, 1, OrderType.Market, TimeInForce.GoodTillCycle));
        yield return Case(ResultCode.InvalidTimeInForce, "market GTT", h => Buy(h, 1_000, 1, OrderType.Market, TimeInForce.GoodTillTime, expireAt: h.Now + 10));
        yield return Case(ResultCode.InvalidTimeInForce, "post-only IOC", h => Buy(h, 1_000, 1, OrderType.PostOnly, TimeInForce.Ioc));
        yield return Case(ResultCode.InvalidTimeInForce, "post-only FOK", h => Buy(h, 1_000, 1, OrderType.PostOnly, TimeInForce.Fok));

        yield return Case(ResultCode.InvalidStpMode, "place 9", h => Buy(h, 1_000, 1, stp: (StpMode)9));
        yield return Case(ResultCode.InvalidStpMode, "set default to default", h => Command.SetStpDefault(h.Now, 11, StpMode.Default));
        yield return Case(ResultCode.InvalidStpMode, "set default 9", h => Command.SetStpDefault(h.Now, 11, (StpMode)9));

        yield return Case(ResultCode.InvalidExpiry, "GTT at now", h => Buy(h, 1_000, 1, tif: TimeInForce.GoodTillTime, expireAt: h.Now));
        yield return Case(ResultCode.InvalidExpiry, "GTT without expiry", h => Buy(h, 1_000, 1, tif: TimeInForce.GoodTillTime));
        yield return Case(ResultCode.InvalidExpiry, "GTC with expiry", h => Buy(h, 1_000, 1, expireAt: h.Now + 10));
        yield return Case(ResultCode.InvalidExpiry, "IOC with expiry", h => Buy(h, 1_000, 1, tif: TimeInForce.Ioc, expireAt: h.Now + 10));

        yield return Case(ResultCode.DecayIsZero, "absolute price at D = 0", h =>
        {
            h.OpenMarket(2, "LLM-S/2026-12", curve: CurveKind.Table, table: [(0, 1_000_000), (500_000, 0)]);
            h.Now = At(1, 2);
            return Buy(h, 1_000_000, 1, kind: PriceKind.Absolute, market: 2);
        });
        yield return Case(ResultCode.DecayIsZero, "absolute amend at D = 0", h =>
        {
            h.OpenMarket(2, "LLM-S/2026-12", curve: CurveKind.Table, table: [(0, 1_000_000), (500_000, 0)]);
            h.Place(11, Side.Buy, 1_000, 2, market: 2);
            h.Now = At(1, 2);
            return Command.Amend(h.Now, 11, 1, 0, 1_000_000, PriceKind.Absolute);
        });

        yield return Case(ResultCode.DuplicateClientId, "resend", h => { h.Place(11, Side.Buy, 1_000, 1, clientId: 8); return Buy(h, 1_000, 1, clientId: 8); });
        yield return Case(ResultCode.InvalidPriceKind, "place", h => Buy(h, 1_000, 1, kind: (PriceKind)2));
        yield return Case(ResultCode.InvalidPriceKind, "amend", h => { h.Place(11, Side.Buy, 1_000, 2); return Command.Amend(h.Now, 11, 1, 0, 2_000, (PriceKind)2); });

        yield return Case(ResultCode.MarketExists, "create market 1 again", h => Market(M));
        yield return Case(ResultCode.InvalidMarketSpec, "tick 0", h => Market(3, tick: 0));
        yield return Case(ResultCode.InvalidMarketSpec, "min above max", h => Market(3, min: 3_000_000));
        yield return Case(ResultCode.InvalidMarketSpec, "min off tick", h => Market(3, min: 1_500));
        yield return Case(ResultCode.InvalidMarketSpec, "min quantity above max", h => Market(3, minQty: 101));
        yield return Case(ResultCode.InvalidMarketSpec, "cycle ends at its start", h => Market(3, end: CoreHarness.Start));
        yield return Case(ResultCode.InvalidMarketSpec, "cycle longer than a long holds", h => Market(3, start: long.MinValue / 2 - 1, end: long.MaxValue / 2 + 1));
        yield return Case(ResultCode.InvalidMarketSpec, "empty symbol", h => Market(3, symbol: ""));
        yield return Case(ResultCode.InvalidMarketSpec, "too many price levels", h => Market(3, tick: 1, min: 1, max: 2_000_000));

        yield return Case(ResultCode.InvalidCurve, "exponential without half-life", h => { PreOpen(h); return Command.SetCurve(h.Now, 3, CurveKind.Exponential, 0, 0); });
        yield return Case(ResultCode.InvalidCurve, "linear floor above full", h => { PreOpen(h); return Command.SetCurve(h.Now, 3, CurveKind.Linear, 1_000_001); });
        yield return Case(ResultCode.InvalidCurve, "unknown kind", h => { PreOpen(h); return Command.SetCurve(h.Now, 3, (CurveKind)9); });
        yield return Case(ResultCode.InvalidCurve, "point on a non-table curve", h => { PreOpen(h); return Command.AddCurvePoint(h.Now, 3, 0, 1_000_000); });
        yield return Case(ResultCode.InvalidCurve, "open with a rising table", h =>
        {
            PreOpen(h);
            h.MustRun(Command.SetCurve(h.Now, 3, CurveKind.Table));
            h.MustRun(Command.AddCurvePoint(h.Now, 3, 0, 1_000_000));
            h.MustRun(Command.AddCurvePoint(h.Now, 3, 100_000, 500_000));
            h.MustRun(Command.AddCurvePoint(h.Now, 3, 200_000, 600_000));
            return Command.MarketState(h.Now, CommandType.OpenMarket, 3);
        });
        yield return Case(ResultCode.InvalidCurve, "open with a table below full at the start", h =>
        {
            PreOpen(h);
            h.MustRun(Command.SetCurve(h.Now, 3, CurveKind.Table));
            h.MustRun(Command.AddCurvePoint(h.Now, 3, 0, 900_000));
            return Command.MarketState(h.Now, CommandType.OpenMarket, 3);
        });
        yield return Case(ResultCode.InvalidCurve, "open with an empty table", h =>
        {
            PreOpen(h);
            h.MustRun(Command.SetCurve(h.Now, 3, CurveKind.Table));
            return Command.MarketState(h.Now, CommandType.OpenMarket, 3);
        });

        yield return Case(ResultCode.FeeOutOfRange, "maker 1,001", h => Command.SetFees(h.Now, M, 1_001, 0));
        yield return Case(ResultCode.FeeOutOfRange, "taker -1", h => Command.SetFees(h.Now, M, 0, -1));
        yield return Case(ResultCode.RateOutOfRange, "10,001", h => Command.SetBuyback(h.Now, M, 10_001, 1));
        yield return Case(ResultCode.RateOutOfRange, "-1", h => Command.SetBuyback(h.Now, M, -1, 1));
        yield return Case(ResultCode.NegativeValue, "buyback budget", h => Command.SetBuyback(h.Now, M, 1_000, -1));
        yield return Case(ResultCode.NegativeValue, "tier cap", h => Command.SetTierCap(h.Now, Tier.Verified, -1));
        yield return Case(ResultCode.NegativeValue, "max open orders", h => Command.SetMaxOpenOrders(h.Now, -1));
        yield return Case(ResultCode.InvalidAmount, "deposit 0", h => Command.Deposit(h.Now, 11, 0));
        yield return Case(ResultCode.InvalidAmount, "spend 0", h => Command.Spend(h.Now, 11, 0));
        yield return Case(ResultCode.InvalidAmount, "spend -5", h => Command.Spend(h.Now, 11, -5));
        yield return Case(ResultCode.AccountExists, "create 10 again", h => Command.CreateAccount(h.Now, 10));
        yield return Case(ResultCode.InvalidTier, "create", h => Command.CreateAccount(h.Now, 50, (Tier)3));
        yield return Case(ResultCode.InvalidTier, "set tier", h => Command.SetTier(h.Now, 11, (Tier)3));
        yield return Case(ResultCode.InvalidTier, "set tier cap", h => Command.SetTierCap(h.Now, (Tier)3, 5));

        yield return Case(ResultCode.InvalidMarketState, "halt a halted market", h => Then(h, Command.MarketState(h.Now, CommandType.HaltMarket, M), Command.MarketState(h.Now, CommandType.HaltMarket, M)));
        yield return Case(ResultCode.InvalidMarketState, "resume an open market", h => Command.MarketState(h.Now, CommandType.ResumeMarket, M));
        yield return Case(ResultCode.InvalidMarketState, "open an open market", h => Command.MarketState(h.Now, CommandType.OpenMarket, M));
        yield return Case(ResultCode.InvalidMarketState, "set curve on an open market", h => Command.SetCurve(h.Now, M, CurveKind.Linear));
        yield return Case(ResultCode.InvalidMarketState, "add point on an open market", h => Command.AddCurvePoint(h.Now, M, 0, 1_000_000));
        yield return Case(ResultCode.InvalidMarketState, "new provider under a live buyback", h =>
            Then(h, Command.SetBuyback(h.Now, M, 1_000, 5), Command.SetHouse(h.Now, 10, CoreHarness.FeeAccount)));

        yield return Case(ResultCode.InvalidOrigin, "grant acquired", h => Command.Grant(h.Now, 11, M, Origin.Acquired, 1));
        yield return Case(ResultCode.InvalidOrigin, "grant 7", h => Command.Grant(h.Now, 11, M, (Origin)7, 1));
        yield return Case(ResultCode.InvalidConsumeOrder, "repeated origin", h => Command.SetConsumeOrder(h.Now, Origin.Trial, Origin.Trial, Origin.Acquired, Origin.Allocated));
        yield return Case(ResultCode.InvalidConsumeOrder, "origin 4", h => Command.SetConsumeOrder(h.Now, Origin.Trial, Origin.Promo, Origin.Acquired, (Origin)4));

        yield return Case(ResultCode.InvalidId, "account -1", h => Command.CreateAccount(h.Now, -1));
        yield return Case(ResultCode.InvalidId, "account 2^24", h => Command.CreateAccount(h.Now, ExchangeCore.MaxAccounts));
        yield return Case(ResultCode.InvalidId, "market 1,024", h => Market(ExchangeCore.MaxMarkets));
        yield return Case(ResultCode.InvalidId, "market -1", h => Market(-1));
        yield return Case(ResultCode.InvalidId, "link group 0", h => Command.Link(h.Now, 11, 0));
        yield return Case(ResultCode.InvalidId, "link group -3", h => Command.Link(h.Now, 11, -3));

        yield return Case(ResultCode.BuybackPriceOutOfRange, "below the market's min price", h =>
        {
            // ⌊1,000 × 10,000,000 / 10,000 / 1,000⌋ × 1,000 = 1,000,000 < min 5,000,000.
            h.OpenMarket(2, "LLM-S/2026-12", minPrice: 5_000_000);
            return Command.SetBuyback(h.Now, 2, 1_000, 5);
        });
        yield return Case(ResultCode.BuybackPriceOutOfRange, "above the market's max price", h =>
        {
            h.OpenMarket(2, "LLM-S/2026-12", maxPrice: 2_000_000);
            return Command.SetBuyback(h.Now, 2, 3_000, 5);
        });
        yield return Case(ResultCode.ApiKeyExists, "issue an id twice", h =>
            Then(h, IssueKey(h, 5, Role.Trader), IssueKey(h, 5, Role.Provider)));
        yield return Case(ResultCode.UnknownApiKey, "revoke a key never issued", h =>
            new Command { Type = CommandType.RevokeApiKey, Timestamp = h.Now, OrderId = 5 });
        yield return Case(ResultCode.InvalidRole, "role 9", h => IssueKey(h, 5, (Role)9));
        yield return Case(ResultCode.UnknownAccount, "issue api key", h => IssueKey(h, 5, Role.Trader, account: 99));

        yield return Case(ResultCode.UnknownAccount, "place", h => Buy(h, 1_000, 1, account: 99));
        yield return Case(ResultCode.UnknownAccount, "cancel", h => Command.Cancel(h.Now, 99, 1));
        yield return Case(ResultCode.UnknownAccount, "amend", h => Command.Amend(h.Now, 99, 1, 1, 0));
        yield return Case(ResultCode.UnknownAccount, "mass cancel", h => Command.MassCancel(h.Now, 99));
        yield return Case(ResultCode.UnknownAccount, "consume", h => Command.Consume(h.Now, 99, M, 1));
        yield return Case(ResultCode.UnknownAccount, "spend", h => Command.Spend(h.Now, 99, 1));
        yield return Case(ResultCode.UnknownAccount, "deposit", h => Command.Deposit(h.Now, 99, 1));
        yield return Case(ResultCode.UnknownAccount, "grant", h => Command.Grant(h.Now, 99, M, Origin.Allocated, 1));
        yield return Case(ResultCode.UnknownAccount, "set tier", h => Command.SetTier(h.Now, 99, Tier.Trusted));
        yield return Case(ResultCode.UnknownAccount, "link", h => Command.Link(h.Now, 99, 3));
        yield return Case(ResultCode.UnknownAccount, "unlink", h => Command.Unlink(h.Now, 99));
        yield return Case(ResultCode.UnknownAccount, "freeze", h => Command.Freeze(h.Now, 99));
        yield return Case(ResultCode.UnknownAccount, "unfreeze", h => Command.Unfreeze(h.Now, 99));
        yield return Case(ResultCode.UnknownAccount, "set stp default", h => Command.SetStpDefault(h.Now, 99, StpMode.None));
        yield return Case(ResultCode.UnknownAccount, "set house fee account", h => Command.SetHouse(h.Now, CoreHarness.Provider, 99));
        yield return Case(ResultCode.UnknownAccount, "fill", h => Command.Fill(h.Now, 99, 1, 1));

        yield return Case(ResultCode.InsufficientCredits, "buy", h => { h.Holder(20, credits: 4_999_999); return Buy(h, 5_000_000, 1, account: 20); });
        yield return Case(ResultCode.InsufficientCredits, "spend", h => Command.Spend(h.Now, 11, Credits + 1));
        yield return Case(ResultCode.InsufficientCredits, "amend increase", h =>
        {
            h.Holder(20, credits: 5_000_000);
            h.Place(20, Side.Buy, 5_000_000, 1);
            return Command.Amend(h.Now, 20, 1, 2, 0);
        });
        yield return Case(ResultCode.InsufficientCredits, "set buyback beyond the provider's credits", h => Command.SetBuyback(h.Now, M, 10_000, 1_000_000));
        yield return Case(ResultCode.InsufficientLots, "sell", h => Sell(h, 1_000, Quota + 1));
        yield return Case(ResultCode.InsufficientLots, "consume", h => Command.Consume(h.Now, 11, M, Quota + 1));
        yield return Case(ResultCode.InsufficientLots, "consume with no lots in the market", h => Command.Consume(h.Now, CoreHarness.FeeAccount, M, 1));
        yield return Case(ResultCode.LotsNotSellable, "trial", h => { h.Holder(20, trial: 5); return Sell(h, 1_000, 1, account: 20); });
        yield return Case(ResultCode.AccountFrozen, "place", h => Then(h, Command.Freeze(h.Now, 11), Buy(h, 1_000, 1)));
        yield return Case(ResultCode.TierCapExceeded, "sell", h => Then(h, Command.SetTierCap(h.Now, Tier.Verified, 3), Sell(h, 1_000, 4)));
        yield return Case(ResultCode.MaxOpenOrdersExceeded, "cap 0", h => Then(h, Command.SetMaxOpenOrders(h.Now, 0), Buy(h, 1_000, 1)));

        yield return Case(ResultCode.UnknownOrder, "cancel 999", h => Command.Cancel(h.Now, 11, 999));
        yield return Case(ResultCode.UnknownOrder, "amend 999", h => Command.Amend(h.Now, 11, 999, 1, 0));
        yield return Case(ResultCode.UnknownOrder, "cancel with neither id", h => Command.Cancel(h.Now, 11, 0));
        yield return Case(ResultCode.UnknownOrder, "cancel by unclaimed client id", h => Command.CancelByClientId(h.Now, 11, M, 5));
        yield return Case(ResultCode.UnknownOrder, "cancel a filled order", h =>
        {
            h.Place(10, Side.Sell, 1_000, 1);
            h.Place(11, Side.Buy, 1_000, 1);
            return Command.Cancel(h.Now, 10, 1);
        });
        yield return Case(ResultCode.UnknownOrder, "fill 999", h => Command.Fill(h.Now, 11, 999, 1));

        yield return Case(ResultCode.PostOnlyWouldTake, "place", h => { h.Place(10, Side.Sell, 2_000, 1); return Buy(h, 2_000, 1, OrderType.PostOnly); });
        yield return Case(ResultCode.PostOnlyWouldTake, "amend into the spread", h =>
        {
            h.Place(10, Side.Sell, 3_000, 1);
            h.Place(11, Side.Buy, 1_000, 1, OrderType.PostOnly);
            return Command.Amend(h.Now, 11, 2, 0, 3_000);
        });
        yield return Case(ResultCode.FokNotFillable, "empty book", h => Buy(h, 1_000, 1, tif: TimeInForce.Fok));
        yield return Case(ResultCode.AmendNoChange, "same quantity and price", h => { h.Place(11, Side.Buy, 1_000, 2); return Command.Amend(h.Now, 11, 1, 2, 1_000); });
        yield return Case(ResultCode.AmendNoChange, "nothing given", h => { h.Place(11, Side.Buy, 1_000, 2); return Command.Amend(h.Now, 11, 1, 0, 0); });
    }

    [TestCaseSource(nameof(Cases))]
    public void RejectedWithTheStateUnchanged(ResultCode expected, Func<CoreHarness, Command> arrange)
    {
        var h = Fresh();
        Command command = arrange(h);
        h.MustReject(command, expected);
    }

    [Test]
    public void HouseNotSetWithoutAProviderAndFeeAccount()
    {
        var core = new ExchangeCore();
        var log = new EventLog();
        void Accept(Command c)
        {
            core.Execute(ref c, log);
            Assert.That(c.Result, Is.EqualTo(ResultCode.Ok));
        }
        void Reject(Command c)
        {
            Accept(Command.Time(c.Timestamp));
            ulong before = core.StateHash();
            int count = log.Events.Count;
            core.Execute(ref c, log);
            Assert.That(c.Result, Is.EqualTo(ResultCode.HouseNotSet));
            Assert.That(core.StateHash(), Is.EqualTo(before));
            Assert.That(log.Events.Skip(count).Select(e => e.Type), Is.EqualTo(new[] { EventType.Rejected }));
        }
        Accept(Market(M));
        Accept(Command.MarketState(Start, CommandType.OpenMarket, M));
        Reject(Command.SetFees(Start, M, 10, 0));
        Reject(Command.SetBuyback(Start, M, 1_000, 5));
        // Zero fees need no fee account.
        Accept(Command.SetFees(Start, M, 0, 0));
    }

    [Test]
    public void EveryCoreResultCodeIsCovered()
    {
        var covered = Cases().Select(c => (ResultCode)c.Arguments[0]!).Append(ResultCode.HouseNotSet).ToHashSet();
        var core = Enum.GetValues<ResultCode>().Where(c => c != ResultCode.Ok && (int)c < 500);
        Assert.That(core.Where(c => !covered.Contains(c)), Is.Empty);
    }

    // The validation order: when a command is wrong in two ways, the earlier check names it.

    [Test]
    public void PlaceChecksShapeBeforeAccountBeforeMarketBeforeFreeze()
    {
        var h = Fresh();
        h.MustReject(Command.Place(h.Now, 99, 77, Side.None, 0, 0), ResultCode.InvalidSide);
        h.MustReject(Command.Place(h.Now, 99, 77, Side.Buy, 0, 0, (OrderType)9), ResultCode.InvalidOrderType);
        h.MustReject(Command.Place(h.Now, 99, 77, Side.Buy, 0, 0, stp: (StpMode)9), ResultCode.InvalidStpMode);
        h.MustReject(Command.Place(h.Now, 99, 77, Side.Buy, 0, 0), ResultCode.UnknownAccount);
        h.MustReject(Command.Place(h.Now, 11, 77, Side.Buy, 0, 0), ResultCode.UnknownMarket);
        h.MustRun(Command.Freeze(h.Now, 11));
        h.MustRun(Command.MarketState(h.Now, CommandType.HaltMarket, M));
        h.MustReject(Command.Place(h.Now, 11, M, Side.Buy, 0, 0), ResultCode.MarketHalted);
        h.MustRun(Command.MarketState(h.Now, CommandType.ResumeMarket, M));
        h.MustReject(Command.Place(h.Now, 11, M, Side.Buy, 0, 0, OrderType.Market, TimeInForce.GoodTillCycle), ResultCode.AccountFrozen);
    }

    [Test]
    public void PlaceChecksTimeInForceThenExpiryThenQuantityThenPriceThenClientId()
    {
        var h = Fresh();
        h.Place(11, Side.Buy, 1_000, 1, clientId: 4);
        h.MustReject(Buy(h, 1, 0, OrderType.Market, TimeInForce.GoodTillCycle, clientId: 4), ResultCode.InvalidTimeInForce);
        h.MustReject(Buy(h, 1, 0, tif: TimeInForce.GoodTillTime, clientId: 4), ResultCode.InvalidExpiry);
        h.MustReject(Buy(h, 1, 0, clientId: 4), ResultCode.InvalidQuantity);
        h.MustReject(Buy(h, 1, 1_000_001, clientId: 4), ResultCode.QuantityOutOfRange);
        h.MustReject(Buy(h, 1, 1, clientId: 4), ResultCode.PriceOutOfRange);
        h.MustReject(Buy(h, 1_001, 1, clientId: 4), ResultCode.PriceOffTick);
        h.MustReject(Buy(h, 1_000, 1, clientId: 4), ResultCode.DuplicateClientId);
    }

    [Test]
    public void PlaceChecksOpenOrdersThenFundsThenPostOnlyThenFok()
    {
        var h = Fresh();
        h.Holder(20, credits: 1_000);
        h.Place(10, Side.Sell, 2_000, 5);
        h.MustRun(Command.SetMaxOpenOrders(h.Now, 1));
        h.Place(20, Side.Buy, 1_000, 1);
        h.MustReject(Buy(h, 2_000, 1, OrderType.PostOnly, account: 20), ResultCode.MaxOpenOrdersExceeded);
        h.MustRun(Command.SetMaxOpenOrders(h.Now, 5));
        h.MustReject(Buy(h, 2_000, 1, OrderType.PostOnly, account: 20), ResultCode.InsufficientCredits);
        h.MustReject(Buy(h, 2_000, 1, OrderType.PostOnly), ResultCode.PostOnlyWouldTake);
        h.MustReject(Buy(h, 2_000, 6, tif: TimeInForce.Fok), ResultCode.FokNotFillable);
    }

    [Test]
    public void SellChecksLotsBeforeTheTierCap()
    {
        var h = Fresh();
        h.MustRun(Command.SetTierCap(h.Now, Tier.Verified, 1));
        h.MustReject(Sell(h, 1_000, Quota + 1), ResultCode.InsufficientLots);
        h.MustReject(Sell(h, 1_000, 2), ResultCode.TierCapExceeded);
    }

    [Test]
    public void AmendChecksOrderThenStateThenQuantityThenPriceThenChangeThenFunds()
    {
        var h = Fresh();
        h.Holder(20, credits: 2_000);
        h.Place(20, Side.Buy, 1_000, 2);
        h.MustReject(Command.Amend(h.Now, 20, 1, 0, 0, (PriceKind)2), ResultCode.InvalidPriceKind);
        h.MustReject(Command.Amend(h.Now, 20, 2, -1, 1), ResultCode.UnknownOrder);
        h.MustRun(Command.MarketState(h.Now, CommandType.HaltMarket, M));
        h.MustReject(Command.Amend(h.Now, 20, 1, -1, 1), ResultCode.MarketHalted);
        h.MustRun(Command.MarketState(h.Now, CommandType.ResumeMarket, M));
        h.MustReject(Command.Amend(h.Now, 20, 1, -1, 1), ResultCode.InvalidQuantity);
        h.MustReject(Command.Amend(h.Now, 20, 1, 1_000_001, 1), ResultCode.QuantityOutOfRange);
        h.MustReject(Command.Amend(h.Now, 20, 1, 3, 1), ResultCode.PriceOutOfRange);
        h.MustReject(Command.Amend(h.Now, 20, 1, 2, 1_000), ResultCode.AmendNoChange);
        h.MustReject(Command.Amend(h.Now, 20, 1, 3, 0), ResultCode.InsufficientCredits);
    }

    [Test]
    public void CancelChecksAccountThenOrder()
    {
        var h = Fresh();
        h.MustReject(Command.CancelByClientId(h.Now, 99, 77, 1), ResultCode.UnknownAccount);
        h.MustReject(Command.CancelByClientId(h.Now, 11, 77, 1), ResultCode.UnknownMarket);
        h.MustReject(Command.CancelByClientId(h.Now, 11, M, 1), ResultCode.UnknownOrder);
    }
}
