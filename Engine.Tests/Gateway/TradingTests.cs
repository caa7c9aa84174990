using System.Collections.Concurrent;
using TokenMatch.Client;
using TokenMatch.Commands;
using TokenMatch.Events;
using TokenMatch.Protocol;

namespace TokenMatch.Tests.Gateway;

/// <summary>Two traders over real loopback sockets: results, execution reports, market data and the client's L2 book.</summary>
[CancelAfter(60_000)]
public sealed class TradingTests
{
    private const int M = GatewayHarness.Market;
    private const int A = GatewayHarness.FirstTrader;
    private const int B = GatewayHarness.FirstTrader + 1;

    [Test]
    public async Task Two_traders_trade_and_both_see_results_executions_and_market_data()
    {
        await using var h = await GatewayHarness.StartAsync();
        GatewayClient a = await h.TraderAsync(0);
        GatewayClient b = await h.TraderAsync(1);
        GatewayClient md = await h.ClientAsync(await h.KeyAsync(GatewayHarness.Provider, Role.MarketData));
        var aReports = new ConcurrentQueue<Execution>();
        var bReports = new ConcurrentQueue<Execution>();
        var trades = new ConcurrentQueue<TradeTick>();
        a.ExecutionReceived += aReports.Enqueue;
        b.ExecutionReceived += bReports.Enqueue;
        md.TradeReceived += trades.Enqueue;
        await md.SubscribeAsync(M);

        CommandResult ask = await a.PlaceAsync(A, M, Side.Sell, 5_000_000, 10, clientId: 1);
        Assert.That(ask.Code, Is.EqualTo(ResultCode.Ok));
        Assert.That(ask.OrderId, Is.GreaterThan(0));
        Assert.That(ask.Sequence, Is.GreaterThan(0));
        CommandResult bid = await b.PlaceAsync(B, M, Side.Buy, 5_000_000, 4, clientId: 7);
        Assert.That(bid.Code, Is.EqualTo(ResultCode.Ok));

        await GatewayHarness.EventuallyAsync(() => trades.Count == 1 && aReports.Any(e => e.Type == EventType.Trade)
            && bReports.Any(e => e.Type == EventType.Trade), "trade reports");
        TradeTick tick = trades.Single();
        Assert.That((tick.Market, tick.Price, tick.Quantity, tick.TakerSide), Is.EqualTo((M, 5_000_000L, 4L, Side.Buy)));
        Execution makerFill = aReports.Single(e => e.Type == EventType.Trade);
        Execution takerFill = bReports.Single(e => e.Type == EventType.Trade);
        Assert.That((makerFill.OrderId, makerFill.Side, makerFill.Maker, makerFill.Remaining, makerFill.Account),
            Is.EqualTo((ask.OrderId, Side.Sell, true, 6L, A)));
        Assert.That((takerFill.OrderId, takerFill.Side, takerFill.Maker, takerFill.OtherOrderId, takerFill.Account),
            Is.EqualTo((bid.OrderId, Side.Buy, false, ask.OrderId, B)));
        Assert.That(aReports.Any(e => e.Type == EventType.Accepted && e.OrderId == ask.OrderId && e.ClientId == 1));
        Assert.That(bReports.All(e => e.Account == B), "no other account's reports");

        var open = await a.OpenOrdersAsync(A);
        Assert.That(open.Select(o => (o.OrderId, o.Remaining)), Is.EqualTo(new[] { (ask.OrderId, 6L) }));
        var fills = await b.FillsAsync(B, 0);
        Assert.That(fills.Complete);
        Assert.That(fills.Fills.Select(f => (f.OrderId, f.Quantity, f.Price)), Is.EqualTo(new[] { (bid.OrderId, 4L, 5_000_000L) }));
        AccountInfo acct = await b.AccountAsync(B);
        Assert.That(acct.Code, Is.EqualTo(ResultCode.Ok));
        Assert.That(acct.Lots.Single()[4], Is.EqualTo(4), "four acquired lots");
        MarketInfo market = await md.MarketAsync(M);
        Assert.That((market.Symbol, market.Face, market.State), Is.EqualTo(("LLM-L/TEST", GatewayHarness.Face, TokenMatch.Markets.MarketState.Open)));
    }

    [Test]
    public async Task The_clients_L2_book_equals_the_engines_book_after_every_update()
    {
        await using var h = await GatewayHarness.StartAsync();
        GatewayClient a = await h.TraderAsync(0);
        GatewayClient b = await h.TraderAsync(1);
        GatewayClient md = await h.ClientAsync(await h.KeyAsync(GatewayHarness.Provider, Role.MarketData));
        await md.SubscribeAsync(M, Subscriptions.Depth);
        LocalBook book = md.Book(M);
        var random = new Random(42);
        var orders = new List<(GatewayClient Client, int Account, long OrderId)>();
        for (int step = 0; step < 120; step++)
        {
            long before;
            lock (book.Gate) before = book.Sequence;
            int who = random.Next(2);
            GatewayClient c = who == 0 ? a : b;
            int account = who == 0 ? A : B;
            CommandResult r;
            if (orders.Count > 0 && random.Next(4) == 0)
            {
                var o = orders[random.Next(orders.Count)];
                orders.Remove(o);
                r = await o.Client.CancelAsync(o.Account, o.OrderId);
            }
            else
            {
                Side side = random.Next(2) == 0 ? Side.Buy : Side.Sell;
                long price = (side == Side.Buy ? 4_990_000 : 5_000_000) + random.Next(-8, 9) * GatewayHarness.Tick;
                r = await c.PlaceAsync(account, M, side, price, random.Next(1, 20));
                if (r.Ok) orders.Add((c, account, r.OrderId));
            }
            // The result comes after the command's events: the engine's depth now is the book after them.
            var depth = await md.DepthAsync(M, 1000);
            await GatewayHarness.EventuallyAsync(() => { lock (book.Gate) return !book.Stale && Same(book, depth); },
                $"step {step}: local book = engine depth (seq {before})");
        }
        Assert.That(book.Gaps, Is.Zero);
    }

    private static bool Same(LocalBook book, DepthInfo depth) =>
        book.Bids.Select(l => (l.Price, l.Quantity)).SequenceEqual(depth.Bids.Select(l => (l.Price, l.Quantity)))
        && book.Asks.Select(l => (l.Price, l.Quantity)).SequenceEqual(depth.Asks.Select(l => (l.Price, l.Quantity)));

    [Test]
    public async Task A_gap_in_book_updates_is_detected_and_healed_by_a_new_snapshot()
    {
        await using var h = await GatewayHarness.StartAsync();
        GatewayClient a = await h.TraderAsync(0);
        int dropped = 0;
        // Drop the third update the client receives, once: the next one shows the gap.
        GatewayClient md = await h.ClientAsync(await h.KeyAsync(GatewayHarness.Provider, Role.MarketData),
            bookFilter: (_, sequence) => !(sequence == 3 && Interlocked.Exchange(ref dropped, 1) == 0));
        await md.SubscribeAsync(M, Subscriptions.Depth);
        for (int i = 0; i < 6; i++) Assert.That((await a.PlaceAsync(A, M, Side.Buy, 4_000_000 + i * GatewayHarness.Tick, 1)).Ok);
        LocalBook book = md.Book(M);
        DepthInfo depth = await md.DepthAsync(M, 100);
        await GatewayHarness.EventuallyAsync(() => { lock (book.Gate) return book.Gaps == 1 && !book.Stale && Same(book, depth); },
            "gap detected and healed");
        Assert.That(book.Snapshots, Is.EqualTo(2), "the first snapshot and the healing one");
    }

    [Test]
    public async Task Ticker_carries_last_best_volume_vwap_and_fair_value()
    {
        await using var h = await GatewayHarness.StartAsync(new TokenMatch.Gateway.GatewayOptions { TickerInterval = TimeSpan.FromMilliseconds(50) });
        GatewayClient a = await h.TraderAsync(0);
        GatewayClient b = await h.TraderAsync(1);
        GatewayClient md = await h.ClientAsync(await h.KeyAsync(GatewayHarness.Provider, Role.MarketData));
        var tickers = new ConcurrentQueue<Ticker>();
        md.TickerReceived += tickers.Enqueue;
        await md.SubscribeAsync(M, Subscriptions.Ticker);
        await a.PlaceAsync(A, M, Side.Sell, 5_000_000, 2);
        await a.PlaceAsync(A, M, Side.Sell, 6_000_000, 2);
        await b.PlaceAsync(B, M, Side.Buy, 6_000_000, 3);
        await b.PlaceAsync(B, M, Side.Buy, 3_000_000, 1);
        await GatewayHarness.EventuallyAsync(() => tickers.Any(t => t.Volume == 3 && t.BestBid == 3_000_000), "a ticker after the trades");
        Ticker t = tickers.Last(t => t.Volume == 3);
        Assert.That((t.Last, t.BestBid, t.BestAsk, t.Face, t.DecayPpm), Is.EqualTo((6_000_000L, 3_000_000L, 6_000_000L, GatewayHarness.Face, 1_000_000L)));
        Assert.That(t.Vwap, Is.EqualTo((2 * 5_000_000L + 6_000_000L) / 3));
        Assert.That(t.FairValue, Is.EqualTo(GatewayHarness.Face), "no decay curve: fair value = face");
    }
}
