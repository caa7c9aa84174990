using TokenMatch.Client;
using TokenMatch.Commands;
using TokenMatch.Gateway;
using TokenMatch.Gateway.Security;
using TokenMatch.Pipeline;
using TokenMatch.Protocol;
using TokenMatch.Surveillance;
using TokenMatch.Surveillance.Alerts;
using TokenMatch.Surveillance.Hosting;
using TokenMatch.Surveillance.Simulation;
using TokenMatch.Tests.Surveillance;

namespace TokenMatch.Tests.Gateway;

/// <summary>
/// The gateway's alert subscription (docs/protocol.md, SubscribeAlerts / Alert): a provider session
/// over loopback gets the live alerts of a planted population sent through the gateway, equal to the
/// surveillance of the recorded journal; other roles are refused; kept alerts after an id; a
/// subscriber that never reads is cut off without holding up the alerts or the other subscribers.
/// </summary>
[CancelAfter(180_000)]
public sealed class AlertSubscriptionTests
{
    private const int Admin = 90_000, Trader = 90_001;

    [Test]
    public async Task A_provider_session_receives_the_live_alerts_of_a_planted_bot_farm_equal_to_surveil_over_the_journal()
    {
        Population p = PopulationGenerator.Generate(new PopulationOptions { Seed = 3, HonestUsers = 40, BotFarmSize = 100 });
        var engine = new SurveillanceEngine();
        var journal = new RecordingJournal();
        var surveillance = new SurveillanceHost(engine, journal);
        var clock = new ScriptClock { Now = p.Commands[0].Timestamp };
        var host = new EngineHost(new EngineHostOptions { Clock = clock, Journal = surveillance.Journal });
        surveillance.Attach(host);
        host.Start();
        Assert.That((await host.SubmitAsync(Command.CreateAccount(0, Admin, Tier.Trusted))).Result, Is.EqualTo(ResultCode.Ok));
        Assert.That((await host.SubmitAsync(Command.CreateAccount(0, Trader, Tier.Verified))).Result, Is.EqualTo(ResultCode.Ok));
        var (providerKey, issueProvider) = ApiKeys.Create(Admin, Role.Provider);
        var (traderKey, issueTrader) = ApiKeys.Create(Trader, Role.Trader);
        Assert.That((await host.SubmitAsync(issueProvider)).Result, Is.EqualTo(ResultCode.Ok));
        Assert.That((await host.SubmitAsync(issueTrader)).Result, Is.EqualTo(ResultCode.Ok));
        var server = new GatewayServer(host, new GatewayOptions { Alerts = engine.Alerts });
        server.Start();
        var received = new List<AlertMessage>();
        GatewayClient provider = await GatewayClient.ConnectAsync(new ClientOptions { Port = server.Endpoint.Port, ApiKey = providerKey, RequestTimeout = TimeSpan.FromSeconds(20) });
        GatewayClient trader = await GatewayClient.ConnectAsync(new ClientOptions { Port = server.Endpoint.Port, ApiKey = traderKey, RequestTimeout = TimeSpan.FromSeconds(20) });
        try
        {
            provider.AlertReceived += a => { lock (received) received.Add(a); };
            Assert.That(await provider.SubscribeAlertsAsync(), Is.EqualTo(0), "no alert yet");
            var refused = Assert.ThrowsAsync<GatewayException>(() => trader.SubscribeAlertsAsync());
            Assert.That(refused!.Code, Is.EqualTo(ResultCode.NotAuthorized));
            Assert.That(server.Sessions.Single(s => s.Role == Role.Trader).Refusals, Is.EqualTo(1));

            // The population, every command through the provider's session, stamped with its own time.
            foreach (Command c in p.Commands)
            {
                clock.Now = c.Timestamp;
                await provider.SendAsync(Request(c));
            }
            // A rejected probe, journaled and surveyed like the rest.
            await provider.SendAsync(Request(Command.Deposit(0, PopulationGenerator.Provider, 0)));
            long last = (await provider.StateHashAsync()).Sequence;
            Assert.That(surveillance.WaitForSequence(last - 1, TimeSpan.FromSeconds(60)), "the detectors caught up");
            int liveCount = engine.Raised.Count;
            await GatewayHarness.EventuallyAsync(() => { lock (received) return received.Count >= liveCount; }, "the live alerts over the wire");

            int[] bots = [.. p.AccountsOf(ActorKind.TrialBot)];
            AlertMessage[] farm;
            lock (received) farm = [.. received.Where(a => a.Detector == "sybil")];
            Assert.That(farm, Is.Not.Empty);
            Assert.That(farm.SelectMany(a => a.Accounts), Is.SupersetOf(bots), "the whole farm is named in the sybil alerts");
            Assert.That(farm[0].Severity, Is.InRange(1, 3));
            Assert.That(farm[0].Figures.Select(f => f.Key), Is.Ordered.Using((IComparer<string>)StringComparer.Ordinal));
            lock (received)
                Assert.That(received.Select(Describe), Is.EqualTo(engine.Raised.Take(liveCount).Select(Describe)), "the wire carries every field of each alert");
        }
        finally
        {
            await provider.DisposeAsync();
            await trader.DisposeAsync();
            await server.DisposeAsync();
            host.Stop();
            surveillance.Stop();
        }
        Assert.That(surveillance.Degraded, Is.False);
        var offline = new SurveillanceEngine();
        OfflineSurveillance.Run(journal.Commands, offline, renumber: false);
        Assert.That(engine.Raised.Select(AlertLog.ToLine), Is.EqualTo(offline.Raised.Select(AlertLog.ToLine)), "live equals surveil over the journal");
        lock (received)
            Assert.That(received.Select(Describe), Is.EqualTo(offline.Raised.Take(received.Count).Select(Describe)));
        host.Dispose();
    }

    [Test]
    public async Task Only_provider_sessions_may_subscribe_and_a_gateway_without_surveillance_says_so()
    {
        var hub = new AlertHub();
        await using (var h = await GatewayHarness.StartAsync(new GatewayOptions { Alerts = hub }))
        {
            GatewayClient trader = await h.TraderAsync(0);
            GatewayClient md = await h.ClientAsync(await h.KeyAsync(GatewayHarness.FirstTrader, Role.MarketData));
            foreach (GatewayClient refused in (GatewayClient[])[trader, md])
            {
                var e = Assert.ThrowsAsync<GatewayException>(() => refused.SubscribeAlertsAsync());
                Assert.That(e!.Code, Is.EqualTo(ResultCode.NotAuthorized));
            }
            int alerts = 0;
            trader.AlertReceived += _ => Interlocked.Increment(ref alerts);
            md.AlertReceived += _ => Interlocked.Increment(ref alerts);
            GatewayClient provider = await h.ClientAsync(await h.KeyAsync(GatewayHarness.Provider, Role.Provider));
            int got = 0;
            provider.AlertReceived += _ => Interlocked.Increment(ref got);
            await provider.SubscribeAlertsAsync();
            hub.OnAlert(Synthetic(1));
            await GatewayHarness.EventuallyAsync(() => Volatile.Read(ref got) == 1, "the provider's alert");
            await trader.PingAsync();
            await md.PingAsync();
            Assert.That(Volatile.Read(ref alerts), Is.Zero, "refused sessions get no alerts");

            // On the wire: the answer [145, corr, code, last id], then alerts [146, 0, id, detector, severity, ...] with 12 fields.
            using var raw = await RawConnection.ConnectAsync(h.Port);
            await raw.LoginAsync(await h.KeyAsync(GatewayHarness.Provider, Role.Provider));
            await raw.SendAsync(MessageType.SubscribeAlerts, 7, 0L);
            object?[] answer = (await raw.ReadUntilAsync(MessageType.AlertsSubscribed))!;
            Assert.That(answer.Select(Convert.ToInt64), Is.EqualTo(new long[] { 145, 7, 0, 1 }));
            object?[] kept = (await raw.ReadUntilAsync(MessageType.Alert))!;
            Assert.That(kept, Has.Length.EqualTo(14));
            Assert.That((Convert.ToInt32(kept[1]), Convert.ToInt64(kept[2]), kept[3], Convert.ToInt32(kept[4]), Convert.ToInt32(kept[5])),
                Is.EqualTo((0, 1L, (object)"test", 2, 1)));
            await raw.SendAsync(MessageType.UnsubscribeAlerts, 8);
            Assert.That(Convert.ToInt64((await raw.ReadUntilAsync(MessageType.AlertsSubscribed))![2]), Is.Zero);
        }
        await using (var h = await GatewayHarness.StartAsync())
        {
            GatewayClient provider = await h.ClientAsync(await h.KeyAsync(GatewayHarness.Provider, Role.Provider));
            var e = Assert.ThrowsAsync<GatewayException>(() => provider.SubscribeAlertsAsync());
            Assert.That(e!.Code, Is.EqualTo(ResultCode.NoSurveillance));
        }
    }

    [Test]
    public async Task A_subscriber_asking_for_alerts_after_an_id_gets_the_kept_ones_then_the_live_ones_in_order()
    {
        var hub = new AlertHub();
        await using var h = await GatewayHarness.StartAsync(new GatewayOptions { Alerts = hub, AlertsKept = 3 });
        for (int i = 1; i <= 5; i++) hub.OnAlert(Synthetic(i));
        GatewayClient resuming = await h.ClientAsync(await h.KeyAsync(GatewayHarness.Provider, Role.Provider));
        GatewayClient fresh = await h.ClientAsync(await h.KeyAsync(GatewayHarness.Provider, Role.Provider));
        var a = new List<long>();
        var b = new List<long>();
        resuming.AlertReceived += m => { lock (a) a.Add(m.Id); };
        fresh.AlertReceived += m => { lock (b) b.Add(m.Id); };
        Assert.That(await resuming.SubscribeAlertsAsync(afterId: 1), Is.EqualTo(5));
        Assert.That(await fresh.SubscribeAlertsAsync(), Is.EqualTo(5));
        hub.OnAlert(Synthetic(6));
        await GatewayHarness.EventuallyAsync(() => { lock (a) lock (b) return a.Count == 4 && b.Count == 1; }, "kept and live alerts");
        Assert.That(a, Is.EqualTo(new long[] { 3, 4, 5, 6 }), "the last 3 kept (2 is gone), then live");
        Assert.That(b, Is.EqualTo(new long[] { 6 }));
    }

    [Test]
    public async Task A_subscriber_that_never_reads_is_cut_off_and_holds_up_neither_the_alerts_nor_the_other_subscribers()
    {
        var hub = new AlertHub();
        await using var h = await GatewayHarness.StartAsync(new GatewayOptions { Alerts = hub, OutboundLimit = 64 * 1024, SocketSendBufferSize = 4096 });
        using var stalled = await RawConnection.ConnectAsync(h.Port, receiveBuffer: 4096);
        await stalled.LoginAsync(await h.KeyAsync(GatewayHarness.Provider, Role.Provider));
        await stalled.SendAsync(MessageType.SubscribeAlerts, 3);
        Assert.That(Convert.ToInt32((await stalled.ReadUntilAsync(MessageType.AlertsSubscribed))![2]), Is.Zero);
        GatewayClient reader = await h.ClientAsync(await h.KeyAsync(GatewayHarness.Provider, Role.Provider));
        long lastSeen = 0, outOfOrder = 0;
        reader.AlertReceived += m =>
        {
            if (m.Id != lastSeen + 1) Interlocked.Increment(ref outOfOrder);
            Volatile.Write(ref lastSeen, m.Id);
        };
        await reader.SubscribeAlertsAsync();

        // The detector thread's side: raising alerts never waits on a subscriber (5 MB against a 64 KB bound).
        // Raised in steps of 20 (12 KB) that the reading subscriber keeps up with: a burst beyond the bound
        // would cut off a reading subscriber too (the documented rule: the bound is per session, in bytes).
        const int count = 10_000;
        string padding = new('x', 500);
        for (int i = 1; i <= count; i++)
        {
            hub.OnAlert(Synthetic(i, padding));
            if (i % 20 == 0) await GatewayHarness.EventuallyAsync(() => Volatile.Read(ref lastSeen) == i, $"alert {i} at the reading subscriber", 30);
        }

        await GatewayHarness.EventuallyAsync(() => Volatile.Read(ref lastSeen) == count, "every alert at the reading subscriber", 60);
        Assert.That(Interlocked.Read(ref outOfOrder), Is.Zero);
        await GatewayHarness.EventuallyAsync(() => h.Server.SlowConsumers == 1, "the stalled subscriber cut off");
        Assert.That(h.Server.Sessions.Count(s => s.Role == Role.Provider), Is.EqualTo(1));
        Assert.That(hub.ObserverFailures, Is.Zero);
    }

    private static Alert Synthetic(long id, string summary = "planted") => new(id, "test", AlertSeverity.Medium, 1, [10, 11], id, id, id * 1000,
        summary, new SortedDictionary<string, long>(StringComparer.Ordinal) { ["b"] = 2, ["a"] = id }, [id], []);

    internal static CommandRequest Request(in Command c) => new(c.Type)
    {
        Account = c.Account, Market = c.Market, Side = c.Side, OrderType = c.OrderType, Tif = c.Tif, Stp = c.Stp, PriceKind = c.PriceKind,
        Code = c.Code, OrderId = c.OrderId, ClientId = c.ClientId, Price = c.Price, Quantity = c.Quantity, Arg = c.Arg,
        A0 = c.A0, A1 = c.A1, A2 = c.A2, A3 = c.A3, A4 = c.A4, A5 = c.A5, A6 = c.A6, A7 = c.A7,
    };

    private static string Describe(Alert a) => Describe(a.Id, a.Detector, (int)a.Severity, a.Market, a.Accounts, a.FirstSequence, a.LastSequence,
        a.Timestamp, a.Summary, a.Figures.OrderBy(f => f.Key, StringComparer.Ordinal).Select(f => $"{f.Key}={f.Value}"), a.Orders,
        a.Trades.Select(t => $"{t.Sequence}/{t.MakerOrder}/{t.TakerOrder}/{t.Buyer}/{t.Seller}/{t.Quantity}/{t.ExecPrice}/{t.FairValue}"));

    private static string Describe(AlertMessage a) => Describe(a.Id, a.Detector, a.Severity, a.Market, a.Accounts, a.FirstSequence, a.LastSequence,
        a.Timestamp, a.Summary, a.Figures.Select(f => $"{f.Key}={f.Value}"), a.Orders,
        a.Trades.Select(t => $"{t.Sequence}/{t.MakerOrder}/{t.TakerOrder}/{t.Buyer}/{t.Seller}/{t.Quantity}/{t.ExecPrice}/{t.FairValue}"));

    private static string Describe(long id, string detector, int severity, int market, IEnumerable<int> accounts, long first, long last, long time,
        string summary, IEnumerable<string> figures, IEnumerable<long> orders, IEnumerable<string> trades) =>
        $"{id} {detector} {severity} m={market} [{string.Join(",", accounts)}] {first}..{last} t={time} {summary} " +
        $"{{{string.Join(",", figures)}}} [{string.Join(",", orders)}] [{string.Join(";", trades)}]";
}
