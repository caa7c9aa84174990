using TokenMatch.Commands;
using TokenMatch.Core;
using TokenMatch.Pipeline;
using TokenMatch.Surveillance;
using TokenMatch.Surveillance.Alerts;
using TokenMatch.Surveillance.Config;
using TokenMatch.Surveillance.Hosting;
using TokenMatch.Surveillance.Simulation;

namespace TokenMatch.Tests.Surveillance;

/// <summary>Same input, same alerts: offline twice, live against offline, and an automatic freeze that replays to the same state hash.</summary>
public sealed class DeterminismTests
{
    [Test]
    public void TheSamePopulationGivesIdenticalCommandsAndAlertsTwice()
    {
        Population a = PopulationGenerator.Generate(new PopulationOptions { Seed = 7 });
        Population b = PopulationGenerator.Generate(new PopulationOptions { Seed = 7 });
        Assert.That(b.Commands, Is.EqualTo(a.Commands));
        var first = PopulationRun.Run(7);
        var second = PopulationRun.Run(7);
        Assert.That(second.Alerts.Select(AlertLog.ToLine), Is.EqualTo(first.Alerts.Select(AlertLog.ToLine)));
        Assert.That(second.Core.StateHash(), Is.EqualTo(first.Core.StateHash()));
        Assert.That(PopulationGenerator.Generate(new PopulationOptions { Seed = 8 }).Commands, Is.Not.EqualTo(a.Commands));
    }

    [Test]
    public void ThePopulationTradesAndTheCoreStopsTheBotFarmAndTheWashPair()
    {
        Population p = PopulationGenerator.Generate(new PopulationOptions { Seed = 5 });
        var engine = new SurveillanceEngine();
        var trades = new List<(int Buyer, int Seller)>();
        var botSells = new List<ResultCode>();
        var bots = p.AccountsOf(ActorKind.TrialBot).ToHashSet();
        var core = new ExchangeCore();
        var log = new Support.EventLog();
        long seq = 0;
        foreach (Command c0 in p.Commands)
        {
            Command c = c0;
            c.Sequence = seq++;
            core.Execute(ref c, log);
            if (c.Type == CommandType.Place && c.Side == Side.Sell && bots.Contains(c.Account)) botSells.Add(c.Result);
        }
        foreach (var e in log.OfType(Events.EventType.Trade))
            trades.Add(e.Side == Side.Buy ? (e.OtherAccount, e.Account) : (e.Account, e.OtherAccount));
        Assert.That(trades, Has.Count.GreaterThan(500), "honest trading happens");
        Assert.That(trades.Any(t => t.Buyer == PopulationGenerator.Provider), "the provider's buyback buys");
        Assert.That(botSells, Has.Count.GreaterThanOrEqualTo(100));
        Assert.That(botSells, Has.All.EqualTo(ResultCode.LotsNotSellable).Or.EqualTo(ResultCode.InsufficientLots), "every bot sell is rejected");
        int[] wash = [.. p.AccountsOf(ActorKind.WashPair)];
        Assert.That(trades.Where(t => wash.Contains(t.Buyer) && wash.Contains(t.Seller)), Is.Empty, "self-trade prevention stops the wash trades");
        Assert.That(log.OfType(Events.EventType.Cancelled).Count(e => e.Reason == CancelReason.SelfTrade), Is.GreaterThan(0));
    }

    [Test]
    [CancelAfter(120_000)]
    public void LiveAlertsEqualTheOfflineRunOverTheSameCommands()
    {
        Population p = PopulationGenerator.Generate(new PopulationOptions { Seed = 4 });
        (IReadOnlyList<Alert> live, List<Command> journal, _, _) = RunLive(p, new SurveillanceConfig());
        Assert.That(journal.Count, Is.EqualTo(p.Commands.Count + 1), "the population and the probe");
        var offline = new SurveillanceEngine();
        OfflineSurveillance.Run(journal, offline, renumber: false);
        Assert.That(live, Is.Not.Empty);
        Assert.That(live.Select(AlertLog.ToLine), Is.EqualTo(offline.Raised.Select(AlertLog.ToLine)));
    }

    [Test]
    [CancelAfter(120_000)]
    public void AnAutomaticFreezeEntersThroughTheRingAndReplaysToTheSameStateHash()
    {
        Population p = PopulationGenerator.Generate(new PopulationOptions { Seed = 6 });
        var config = new SurveillanceConfig { Collusion = new CollusionConfig { Response = AutoResponse.Freeze } };
        (IReadOnlyList<Alert> live, List<Command> journal, ulong liveHash, SurveillanceHost host) = RunLive(p, config);
        Command[] freezes = journal.Where(c => c.Type == CommandType.Freeze).ToArray();
        Assert.That(freezes.Select(f => f.Account).Order(), Is.EqualTo(p.AccountsOf(ActorKind.Colluder)), "the colluders were frozen");
        Assert.That(host.ResponsesApplied, Is.EqualTo(2));
        Assert.That(journal, Has.Count.EqualTo(p.Commands.Count + 3), "the population, two freezes and the probe");

        var offline = new SurveillanceEngine(config);
        ExchangeCore replay = OfflineSurveillance.Run(journal, offline, renumber: false);
        Assert.That(replay.StateHash(), Is.EqualTo(liveHash), "the journal with the injected freeze replays to the live state");
        Assert.That(replay.GetAccount(freezes[0].Account)!.Frozen, Is.True);
        Assert.That(offline.Raised.Select(AlertLog.ToLine), Is.EqualTo(live.Select(AlertLog.ToLine)), "surveil over the journal gives the live alerts");
    }

    private static (IReadOnlyList<Alert> Alerts, List<Command> Journal, ulong Hash, SurveillanceHost Host) RunLive(Population p, SurveillanceConfig config)
    {
        var engine = new SurveillanceEngine(config);
        var journal = new RecordingJournal();
        var surveillance = new SurveillanceHost(engine, journal);
        var clock = new ScriptClock();
        var host = new EngineHost(new EngineHostOptions { Clock = clock, Journal = surveillance.Journal, CommandRingSize = 1 << 12, EventRingSize = 1 << 12 });
        surveillance.Attach(host);
        host.Start();
        foreach (Command c in p.Commands)
        {
            clock.Now = c.Timestamp;
            Assert.That(host.Post(c), Is.EqualTo(ResultCode.Ok));
        }
        // Let the detectors catch up (judged once the pipeline has delivered its events),
        // so that responses to alerts raised near the end still reach the ring before it stops.
        host.Post(Command.Deposit(0, PopulationGenerator.Provider, 0)); // a rejected probe, journaled and surveyed like the rest
        Assert.That(surveillance.WaitForSequence(p.Commands.Count - 1, TimeSpan.FromSeconds(60)), "the detectors caught up");
        host.Stop();
        surveillance.Stop();
        Assert.That(surveillance.Degraded, Is.False);
        ulong hash = host.StateHashAsync().GetAwaiter().GetResult();
        return (engine.Raised, journal.Commands, hash, surveillance);
    }
}
