using NUnit.Framework;
using TokenMatch.Commands;
using TokenMatch.Core;
using TokenMatch.Events;
using TokenMatch.Pipeline;
using TokenMatch.Tests.Pipeline.Support;
using TokenMatch.Tests.Support;

namespace TokenMatch.Tests.Pipeline;

/// <summary>Hosting a core that already ran commands (after recovery): sequences continue, and the snapshot command.</summary>
public sealed class RecoveryHostingTests
{
    [Test]
    public async Task AHostedCoreContinuesFromFirstSequenceWithItsState()
    {
        // Run the settings directly, as recovery would replay them.
        Command[] settings = TradingScenario.Settings();
        var core = new ExchangeCore();
        var log = new EventLog();
        for (int i = 0; i < settings.Length; i++)
        {
            Command c = settings[i];
            c.Sequence = 1_000 + i;
            c.Timestamp = TradingScenario.Start;
            core.Execute(ref c, log);
            Assert.That(c.Result, Is.EqualTo(ResultCode.Ok));
        }
        ulong before = core.StateHash();
        Assert.That(core.LastSequence, Is.EqualTo(1_000 + settings.Length - 1));

        var options = new EngineHostOptions
        {
            FirstSequence = core.LastSequence + 1, CommandRingSize = 16,
            Clock = new SteppingClock(TradingScenario.Start, 1_000),
        };
        using var host = new EngineHost(core, options);
        host.Start();
        Assert.That(await TestWait.Of(host.StateHashAsync(), "the hash"), Is.EqualTo(before));
        for (int i = 0; i < 40; i++)
        {
            // More commands than the ring has slots: the ring wraps past its first round.
            Command result = await TestWait.Of(host.SubmitAsync(Command.Place(0, 10, TradingScenario.Market, Side.Sell, 10_050_000, 1)), "a sell");
            Assert.That(result.Sequence, Is.EqualTo(options.FirstSequence + i));
            Assert.That(result.Result, Is.EqualTo(ResultCode.Ok));
        }
        Assert.That(await TestWait.Of(host.QueryAsync(c => c.LastSequence), "the last sequence"), Is.EqualTo(options.FirstSequence + 39));
        TestWait.Stop(host);
    }

    [Test]
    public void AFirstSequenceNotAfterTheCoresLastIsRefused()
    {
        var core = new ExchangeCore();
        Command c = Command.Time(5);
        c.Sequence = 7;
        core.Execute(ref c, new EventLog());
        var e = Assert.Throws<ArgumentException>(() => _ = new EngineHost(core, new EngineHostOptions { FirstSequence = 7 }));
        Assert.That(e!.Message, Does.Contain("8"));
        Assert.DoesNotThrow(() => new EngineHost(core, new EngineHostOptions { FirstSequence = 8 }).Dispose());
    }

    [Test]
    public void TheSnapshotCommandIsAcceptedAndChangesNothing()
    {
        var core = new ExchangeCore();
        var log = new EventLog();
        foreach (Command setting in TradingScenario.Settings())
        {
            Command s = setting;
            s.Timestamp = TradingScenario.Start;
            core.Execute(ref s, log);
        }
        ulong hash = core.StateHash();
        log.Events.Clear();
        Command snapshot = new() { Type = CommandType.Snapshot, Timestamp = TradingScenario.Start };
        core.Execute(ref snapshot, log);
        Assert.That(snapshot.Result, Is.EqualTo(ResultCode.Ok));
        Assert.That(log.Events.Select(e => e.Type), Is.EqualTo(new[] { EventType.Accepted }));
        Assert.That(core.StateHash(), Is.EqualTo(hash));
    }
}
