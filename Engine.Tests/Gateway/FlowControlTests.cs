using System.Collections.Concurrent;
using TokenMatch.Client;
using TokenMatch.Commands;
using TokenMatch.Gateway;
using TokenMatch.Pipeline;
using TokenMatch.Protocol;

namespace TokenMatch.Tests.Gateway;

/// <summary>Rate limits, the in-flight bound, a full ring (backpressure, nothing dropped) and a slow reader cut off.</summary>
[CancelAfter(120_000)]
public sealed class FlowControlTests
{
    private const int M = GatewayHarness.Market;
    private const int A = GatewayHarness.FirstTrader;

    [Test]
    public async Task The_connection_rate_limit_refuses_the_excess_with_a_result_code()
    {
        await using var h = await GatewayHarness.StartAsync(new GatewayOptions { ConnectionRate = 1, ConnectionBurst = 5 });
        GatewayClient a = await h.TraderAsync(0);
        CommandResult[] results = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => a.PlaceAsync(A, M, Side.Buy, 4_000_000, 1)));
        Assert.That(results.Count(r => r.Ok), Is.InRange(5, 6));
        Assert.That(results.Where(r => !r.Ok).Select(r => r.Code).Distinct(), Is.EqualTo(new[] { ResultCode.RateLimited }));
        Assert.That(h.Server.Sessions.Single().Throttled, Is.EqualTo(results.Count(r => !r.Ok)));
    }

    [Test]
    public async Task The_account_rate_limit_is_shared_by_the_accounts_sessions()
    {
        await using var h = await GatewayHarness.StartAsync(new GatewayOptions { AccountRate = 1, AccountBurst = 6 });
        GatewayClient first = await h.TraderAsync(0);
        GatewayClient second = await h.TraderAsync(0);
        var results = new List<CommandResult>();
        for (int i = 0; i < 5; i++) results.Add(await first.PlaceAsync(A, M, Side.Buy, 4_000_000, 1));
        for (int i = 0; i < 5; i++) results.Add(await second.PlaceAsync(A, M, Side.Buy, 4_000_000, 1));
        Assert.That(results.Count(r => r.Ok), Is.InRange(6, 7));
        Assert.That(results.Skip(7).All(r => r.Code == ResultCode.RateLimited));
    }

    [Test]
    public async Task The_in_flight_bound_refuses_with_a_result_code()
    {
        await using var h = await GatewayHarness.StartAsync(new GatewayOptions { MaxInFlight = 0 });
        GatewayClient a = await h.TraderAsync(0);
        ulong hash = await h.HashAsync();
        Assert.That((await a.PlaceAsync(A, M, Side.Buy, 4_000_000, 1)).Code, Is.EqualTo(ResultCode.TooManyInFlight));
        Assert.That(await h.HashAsync(), Is.EqualTo(hash));
    }

    [Test]
    public async Task A_full_ring_pauses_reading_and_drops_nothing()
    {
        // A tiny ring that refuses when full: the gateway must hold the frame and retry, not drop it.
        await using var h = await GatewayHarness.StartAsync(hostOptions: new EngineHostOptions
        { CommandRingSize = 8, EventRingSize = 64, RingFullPolicy = RingFullPolicy.Refuse });
        GatewayClient a = await h.TraderAsync(0);
        GatewayClient b = await h.TraderAsync(1);
        var tasks = new List<Task<CommandResult>>();
        for (int i = 0; i < 2000; i++)
        {
            tasks.Add(a.PlaceAsync(A, M, Side.Buy, 4_000_000, 1));
            tasks.Add(b.PlaceAsync(A + 1, M, Side.Sell, 4_000_000, 1));
        }
        CommandResult[] results = await Task.WhenAll(tasks);
        Assert.That(results.Select(r => r.Code).Distinct(), Is.EqualTo(new[] { ResultCode.Ok }));
        Assert.That(results.Select(r => r.Sequence).Distinct().Count(), Is.EqualTo(4000));
        Assert.That((await a.DepthAsync(M)).Bids, Is.Empty);
    }

    [Test]
    public async Task A_slow_market_data_reader_is_cut_off_while_others_keep_trading()
    {
        await using var h = await GatewayHarness.StartAsync(new GatewayOptions { OutboundLimit = 64 * 1024, SocketSendBufferSize = 8 * 1024 });
        GatewayClient a = await h.TraderAsync(0);
        GatewayClient b = await h.TraderAsync(1);
        GatewayClient fastReader = await h.ClientAsync(await h.KeyAsync(GatewayHarness.Provider, Role.MarketData));
        var fastTrades = new ConcurrentQueue<TradeTick>();
        fastReader.TradeReceived += fastTrades.Enqueue;
        await fastReader.SubscribeAsync(M);
        // The slow reader subscribes and then never reads.
        using var slow = await RawConnection.ConnectAsync(h.Port, receiveBuffer: 4096);
        await slow.LoginAsync(await h.KeyAsync(GatewayHarness.Provider, Role.MarketData));
        await slow.SendAsync(MessageType.Subscribe, 3, M, Subscriptions.All);

        int rounds = 0;
        while (h.Server.SlowConsumers == 0 && rounds < 20_000)
        {
            var batch = new List<Task<CommandResult>>();
            for (int i = 0; i < 50; i++)
            {
                batch.Add(a.PlaceAsync(A, M, Side.Sell, 5_000_000 + (i % 10) * GatewayHarness.Tick, 1));
                batch.Add(b.PlaceAsync(A + 1, M, Side.Buy, 5_000_000 + (i % 10) * GatewayHarness.Tick, 1));
            }
            Assert.That((await Task.WhenAll(batch)).All(r => r.Ok), "trading goes on at full rate");
            rounds++;
        }
        Assert.That(h.Server.SlowConsumers, Is.EqualTo(1), "the slow reader was cut off");
        // Trading and the fast reader go on.
        int seen = fastTrades.Count;
        Assert.That((await a.PlaceAsync(A, M, Side.Sell, 5_000_000, 1)).Ok);
        Assert.That((await b.PlaceAsync(A + 1, M, Side.Buy, 5_000_000, 1)).Ok);
        await GatewayHarness.EventuallyAsync(() => fastTrades.Count > seen, "the fast reader still gets trades");
        Assert.That(fastReader.Connected);
        Assert.That(await slow.ClosedAsync(20), "the slow reader's connection ends");
    }
}
