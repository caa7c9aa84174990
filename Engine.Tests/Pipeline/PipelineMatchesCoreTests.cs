using FsCheck;
using FsCheck.Fluent;
using TokenMatch.Commands;
using TokenMatch.Core;
using TokenMatch.Events;
using TokenMatch.Pipeline;
using TokenMatch.Tests.Pipeline.Support;
using TokenMatch.Tests.Support;

namespace TokenMatch.Tests.Pipeline;

/// <summary>
/// The pipeline adds nothing and loses nothing: generated traffic run through an
/// <see cref="EngineHost"/> (small rings, so they wrap and push back) gives the same results,
/// the same events in the same order and the same state hash as the core run directly with the
/// same sequences and timestamps.
/// </summary>
public sealed class PipelineMatchesCoreTests
{
    private const long Step = 30_000_000_000_000; // 30,000 s: the cycle ends after about 90 commands.

    [Test]
    public void GeneratedTrafficGivesTheSameEventsAndStateHashAsTheCoreRunDirectly()
    {
        var seen = new HashSet<EventType>();
        Prop.ForAll(TradingScenario.Traffic().ToArbitrary(), traffic =>
        {
            seen.UnionWith(AssertSameAsDirect([.. TradingScenario.Settings(), .. traffic]));
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(25));
        // Traffic that matters: trades and cancels (the cycle's end among them) in nearly every run.
        Assert.That(seen, Is.SupersetOf(new[] { EventType.Trade, EventType.Cancelled, EventType.BookLevel }));
    }

    [Test]
    public void KnownTrafficWithAmendsAndAnExpiryGivesTheSameEventsAsTheCoreRunDirectly()
    {
        // The settings' buyback bid takes order id 1; trader orders follow from 2.
        int m = TradingScenario.Market;
        Command[] traffic =
        [
            Command.Place(0, 10, m, Side.Sell, 10_100_000, 20),
            Command.Place(0, 11, m, Side.Sell, 10_200_000, 10),
            Command.Amend(0, 10, 2, 12, 0),
            Command.Amend(0, 11, 3, 10, 10_050_000),
            Command.Place(0, 12, m, Side.Buy, 10_300_000, 15),
            Command.MassCancel(0, 10, m),
            Command.Place(0, 13, m, Side.Buy, 9_000_000, 5),
            .. Enumerable.Repeat(Command.Time(0), 100),
        ];
        HashSet<EventType> seen = AssertSameAsDirect([.. TradingScenario.Settings(), .. traffic]);
        Assert.That(seen, Is.SupersetOf(new[] { EventType.Amended, EventType.Trade, EventType.Cancelled, EventType.LotsExpired }));
    }

    [Test]
    public async Task SettingsApplyThroughThePipelineAndQueriesSeeTheirEffect()
    {
        var options = new EngineHostOptions { Clock = new SteppingClock(TradingScenario.Start, 1_000) };
        using EngineHost host = await TestWait.Of(EngineHost.StartAsync(TradingScenario.Settings(), options), "the settings");
        Command sell = await TestWait.Of(host.SubmitAsync(Command.Place(0, 10, TradingScenario.Market, Side.Sell, 10_050_000, 5)), "the sell");
        Assert.That(sell.Result, Is.EqualTo(ResultCode.Ok));

        BookDepth? depth = await TestWait.Of(host.GetDepthAsync(TradingScenario.Market, 5), "the depth");
        Assert.That(depth!.Asks.Select(l => (l.Price, l.Quantity)), Is.EqualTo(new[] { (10_050_000L, 5L) }));
        AccountView? account = await TestWait.Of(host.GetAccountAsync(10), "the account");
        Assert.That(account!.OpenOrders, Is.EqualTo(1));
        Assert.That(await TestWait.Of(host.GetOpenOrdersAsync(10), "the orders"), Has.Count.EqualTo(1));
        Assert.That((await TestWait.Of(host.GetMarketAsync(TradingScenario.Market), "the market"))!.Symbol, Is.EqualTo("LLM-L/2026-12"));
        ulong running = await TestWait.Of(host.StateHashAsync(), "the hash");
        TestWait.Stop(host);
        Assert.That(await host.StateHashAsync(), Is.EqualTo(running));
    }

    [Test]
    public void ARejectedSettingStopsStartAsync()
    {
        Command[] settings = [Command.CreateAccount(0, 5), Command.CreateAccount(0, 5)];
        var e = Assert.ThrowsAsync<InvalidOperationException>(() => TestWait.Of(EngineHost.StartAsync(settings), "start"));
        Assert.That(e!.Message, Does.Contain("#1").And.Contain(nameof(ResultCode.AccountExists)));
    }

    /// <summary>Runs <paramref name="commands"/> both ways, asserts equality, returns the event types seen.</summary>
    private static HashSet<EventType> AssertSameAsDirect(Command[] commands)
    {
        (Command[] results, List<Event> events, ulong hash) = RunThroughHost(commands);
        (Command[] directResults, List<Event> directEvents, ulong directHash) = RunDirectly(commands);

        Assert.That(results.Select(r => (r.Sequence, r.Timestamp, r.Result, r.EventCount)),
            Is.EqualTo(directResults.Select(r => (r.Sequence, r.Timestamp, r.Result, r.EventCount))));
        Assert.That(events, Is.EqualTo(directEvents));
        Assert.That(hash, Is.EqualTo(directHash));
        return [.. events.Select(e => e.Type)];
    }

    private static (Command[] Results, List<Event> Events, ulong Hash) RunThroughHost(Command[] commands)
    {
        var subscriber = new CollectingSubscriber(keep: true);
        var results = new ResultCollector(commands.Length);
        var options = new EngineHostOptions
        {
            CommandRingSize = 16, EventRingSize = 32, SingleProducer = true,
            Clock = new SteppingClock(TradingScenario.Start, Step),
        };
        var host = new EngineHost(options);
        host.Subscribe(subscriber);
        host.Start();
        foreach (Command c in commands) Assert.That(host.Post(c, results), Is.EqualTo(ResultCode.Ok));
        TestWait.Stop(host);
        ulong hash = host.StateHashAsync().Result;
        host.QueryAsync(core => { core.ValidateInternalState(); return 0; }).Wait();
        return (results.Results, subscriber.Kept, hash);
    }

    private static (Command[] Results, List<Event> Events, ulong Hash) RunDirectly(Command[] commands)
    {
        var core = new ExchangeCore();
        var log = new EventLog();
        var results = new Command[commands.Length];
        for (int i = 0; i < commands.Length; i++)
        {
            Command c = commands[i];
            c.Sequence = i;
            c.Timestamp = TradingScenario.Start + i * Step;
            core.Execute(ref c, log);
            results[i] = c;
        }
        return (results, log.Events, core.StateHash());
    }
}
