using TokenMatch.Commands;
using TokenMatch.Pipeline;
using TokenMatch.Surveillance;
using TokenMatch.Surveillance.Alerts;
using TokenMatch.Surveillance.Config;
using TokenMatch.Surveillance.Detectors;
using TokenMatch.Surveillance.Hosting;
using TokenMatch.Surveillance.Simulation;

namespace TokenMatch.Tests.Surveillance;

/// <summary>A detector that throws or is slow never takes the others or the core down.</summary>
public sealed class IsolationTests
{
    [Test]
    public void AThrowingDetectorIsSwitchedOffCountedAndTheOthersGiveTheSameAlerts()
    {
        Population p = PopulationGenerator.Generate(new PopulationOptions { Seed = 2 });
        var config = new SurveillanceConfig();
        var reference = new SurveillanceEngine(config);
        OfflineSurveillance.Run(p.Commands, reference);

        var errors = new List<string>();
        var engine = new SurveillanceEngine([new ThrowingDetector(100), .. SurveillanceEngine.StandardDetectors(config)], config)
        {
            OnDetectorError = (name, e) => errors.Add($"{name}: {e.Message}"),
        };
        OfflineSurveillance.Run(p.Commands, engine);
        Assert.That(errors, Is.EqualTo(new[] { "throwing: planted detector failure" }));
        DetectorStats throwing = engine.Stats()[0];
        Assert.That((throwing.Failures, throwing.Disabled), Is.EqualTo((1L, true)));
        Assert.That(engine.Raised.Select(a => a.Describe()), Is.EqualTo(reference.Raised.Select(a => a.Describe())));
    }

    [Test]
    public void AThrowingObserverIsCountedAndTheOtherObserversStillGetEveryAlert()
    {
        Population p = PopulationGenerator.Generate(new PopulationOptions { Seed = 2 });
        var engine = new SurveillanceEngine();
        var got = new List<Alert>();
        engine.Alerts.Subscribe(_ => throw new InvalidOperationException("observer bug"));
        using IDisposable sub = engine.Alerts.Subscribe(got.Add);
        OfflineSurveillance.Run(p.Commands, engine);
        Assert.That(got, Is.EqualTo(engine.Raised));
        Assert.That(engine.Alerts.ObserverFailures, Is.EqualTo(engine.Raised.Count));
    }

    [Test]
    [CancelAfter(60_000)]
    public void ASlowDetectorNeverHoldsTheCoreBack()
    {
        // A detector that takes 5 ms per command behind a queue of 4 batches: the core runs the whole
        // population regardless; the surveillance drops, says it is degraded, and stops cleanly.
        Population p = PopulationGenerator.Generate(new PopulationOptions { Seed = 1, HonestUsers = 50, BotFarmSize = 100 });
        var engine = new SurveillanceEngine([new SlowDetector(TimeSpan.FromMilliseconds(5))]);
        var surveillance = new SurveillanceHost(engine, queueCapacity: 4);
        var clock = new ScriptClock();
        var host = new EngineHost(new EngineHostOptions { Clock = clock, Journal = surveillance.Journal });
        surveillance.Attach(host);
        host.Start();
        // One command per batch at first (each answered before the next), so that batches outnumber the queue.
        int i = 0;
        foreach (Command c in p.Commands)
        {
            clock.Now = c.Timestamp;
            if (i++ < 200) Assert.That(host.SubmitAsync(c).AsTask().GetAwaiter().GetResult().Sequence, Is.EqualTo(i - 1));
            else host.Post(c);
        }
        host.Stop();
        surveillance.Stop();
        Assert.That(surveillance.Degraded, Is.True);
        Assert.That(surveillance.DroppedBatches, Is.GreaterThan(0));
        Assert.That(engine.Records, Is.LessThan(p.Commands.Count));
        Assert.That(host.StateHashAsync().GetAwaiter().GetResult(), Is.EqualTo(OfflineSurveillance.Run(p.Commands, new SurveillanceEngine([])).StateHash()));
    }
}
