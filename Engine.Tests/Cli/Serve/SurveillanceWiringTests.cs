using Microsoft.Extensions.Logging;
using TokenMatch.Cli.Serve;
using TokenMatch.Client;
using TokenMatch.Commands;
using TokenMatch.Gateway;
using TokenMatch.Gateway.Security;
using TokenMatch.Pipeline;
using TokenMatch.Surveillance;
using TokenMatch.Surveillance.Alerts;
using TokenMatch.Surveillance.Config;
using TokenMatch.Surveillance.Hosting;
using TokenMatch.Surveillance.Simulation;
using TokenMatch.Tests.Gateway;
using TokenMatch.Tests.Surveillance;

namespace TokenMatch.Tests.Cli.Serve;

/// <summary>
/// Isolation on the hosted path: serve's <see cref="SurveillanceWiring"/> around an engine host and a
/// gateway, as ServeRunner builds it. A detector that throws is logged and switched off while the
/// others still alert (to the log, the live view's recent alerts and a gateway subscriber); a slow one
/// never holds the core back: the core runs every command to the same state, surveillance says it is
/// degraded, and the stop line tells the operator to survey the journal offline.
/// </summary>
[CancelAfter(120_000)]
public sealed class SurveillanceWiringTests
{
    [Test]
    public async Task A_throwing_detector_is_logged_and_switched_off_and_the_others_still_alert_through_every_channel()
    {
        Population p = PopulationGenerator.Generate(new PopulationOptions { Seed = 2, HonestUsers = 40, BotFarmSize = 100 });
        var config = new SurveillanceConfig();

        string root = ServeProcess.TempRoot("wiring-throw");
        var log = new ListLogger();
        var journal = new RecordingJournal();
        var wiring = new SurveillanceWiring(config, journal, root, log, [new ThrowingDetector(100)]);
        var clock = new ScriptClock { Now = p.Commands[0].Timestamp };
        var host = new EngineHost(new EngineHostOptions { Clock = clock, Journal = wiring.Journal });
        var server = new GatewayServer(host, new GatewayOptions { Alerts = wiring.Alerts });
        wiring.Attach(host);
        host.Start();
        server.Start();
        var received = new List<AlertMessage>();
        try
        {
            // The provider account and key go in first, outside the population (the journal keeps them too).
            Assert.That((await host.SubmitAsync(Command.CreateAccount(0, 90_000, Tier.Trusted))).Result, Is.EqualTo(ResultCode.Ok));
            var (key, issue) = ApiKeys.Create(90_000, Role.Provider);
            Assert.That((await host.SubmitAsync(issue)).Result, Is.EqualTo(ResultCode.Ok));
            await using GatewayClient provider = await GatewayClient.ConnectAsync(new ClientOptions { Port = server.Endpoint.Port, ApiKey = key });
            provider.AlertReceived += a => { lock (received) received.Add(a); };
            await provider.SubscribeAlertsAsync();
            foreach (Command c in p.Commands)
            {
                clock.Now = c.Timestamp;
                Assert.That(host.Post(c), Is.EqualTo(ResultCode.Ok));
            }
            host.Post(Command.Deposit(0, PopulationGenerator.Provider, 0));
            Assert.That(wiring.Host.WaitForSequence(p.Commands.Count + 1, TimeSpan.FromSeconds(60)), "the detectors caught up");
            await GatewayHarness.EventuallyAsync(() => { lock (received) return received.Count == wiring.Engine.Raised.Count; }, "every alert at the subscriber");
        }
        finally
        {
            await server.DisposeAsync();
            host.Stop();
        }
        var stop = new StringWriter();
        wiring.Stop(stop);
        wiring.Dispose();
        // The standard detectors alone over the recorded journal (setup commands included).
        var reference = new SurveillanceEngine(config);
        OfflineSurveillance.Run(journal.Commands, reference, renumber: false, complete: false);

        Assert.That(log.Errors, Is.EqualTo(new[] { "surveillance: detector throwing failed and was switched off: planted detector failure" }));
        Assert.That(stop.ToString(), Does.Contain("detector throwing failed 1 time(s) and was switched off"));
        Assert.That(wiring.Engine.Raised.Select(a => a.Describe()), Is.EqualTo(reference.Raised.Select(a => a.Describe())),
            "the standard detectors gave the same alerts as without the failing one");
        Assert.That(wiring.Engine.Raised, Is.Not.Empty);
        string[] logged = File.ReadAllLines(Path.Combine(root, SurveillanceWiring.AlertLogName));
        Assert.That(logged, Is.EqualTo(wiring.Engine.Raised.Select(AlertLog.ToLine)), "alerts.jsonl");
        Assert.That(received.Select(a => a.Id), Is.EqualTo(wiring.Engine.Raised.Select(a => a.Id)), "the gateway subscriber");
        Assert.That(wiring.Recent.Snapshot(), Is.EqualTo(wiring.Engine.Raised.TakeLast(wiring.Recent.Capacity)), "the live view's recent alerts");
        Assert.That(wiring.Recent.Total, Is.EqualTo(wiring.Engine.Raised.Count));
        Assert.That(wiring.Recent.Lines()[^1], Does.StartWith($"#{wiring.Engine.Raised[^1].Id} "));
        host.Dispose();
        Directory.Delete(root, recursive: true);
    }

    [Test]
    public void A_slow_detector_never_holds_the_hosted_core_back_and_the_stop_says_surveillance_was_degraded()
    {
        Population p = PopulationGenerator.Generate(new PopulationOptions { Seed = 1, HonestUsers = 50, BotFarmSize = 100 });
        var log = new ListLogger();
        var wiring = new SurveillanceWiring(new SurveillanceConfig(), NullJournalConsumer.Instance, null, log,
            [new SlowDetector(TimeSpan.FromMilliseconds(5))], queueCapacity: 4);
        var clock = new ScriptClock();
        var host = new EngineHost(new EngineHostOptions { Clock = clock, Journal = wiring.Journal });
        wiring.Attach(host);
        host.Start();
        int i = 0;
        foreach (Command c in p.Commands)
        {
            clock.Now = c.Timestamp;
            // One command per batch at first (each answered before the next), so that batches outnumber the queue.
            if (i++ < 200) Assert.That(host.SubmitAsync(c).AsTask().GetAwaiter().GetResult().Sequence, Is.EqualTo(i - 1));
            else host.Post(c);
        }
        host.Stop();
        var stop = new StringWriter();
        wiring.Stop(stop);
        Assert.That(wiring.Host.Degraded, Is.True);
        Assert.That(stop.ToString(), Does.Contain("DEGRADED").And.Contain("tokenmatch surveil"));
        Assert.That(wiring.AlertLogPath, Is.Null, "no journal directory, no alert log");
        Assert.That(host.StateHashAsync().GetAwaiter().GetResult(),
            Is.EqualTo(OfflineSurveillance.Run(p.Commands, new SurveillanceEngine([])).StateHash()), "the core ran every command");
        host.Dispose();
    }

    private sealed class ListLogger : ILogger
    {
        private readonly List<string> _errors = [];

        public IReadOnlyList<string> Errors
        {
            get { lock (_errors) return [.. _errors]; }
        }

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (logLevel >= LogLevel.Error) lock (_errors) _errors.Add(formatter(state, exception));
        }
    }
}
