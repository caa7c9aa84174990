using System.Buffers.Binary;
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
/// The two-thread pipeline: its threads, checkpoints and snapshots handed to the journal after the
/// commands they cover, a failing journal, and bursts while the journal is slow.
/// </summary>
public sealed class TwoThreadPipelineTests
{
    private static EngineHost Start(FakeExecutor executor, IJournalConsumer journal, int commandRing = 64, int eventRing = 64,
        long checkpoints = 0, long snapshots = 0, List<Exception>? errors = null, string prefix = "tokenmatch")
    {
        var options = new EngineHostOptions
        {
            CommandRingSize = commandRing, EventRingSize = eventRing, Clock = new SteppingClock(1_000, 10), Journal = journal,
            CheckpointInterval = checkpoints, SnapshotInterval = snapshots, ThreadNamePrefix = prefix,
            OnError = errors is null ? null : e => { lock (errors) errors.Add(e); },
        };
        EngineHost host = EngineHost.Create(options, executor);
        host.Start();
        return host;
    }

    private static Command Numbered(long counter, long events = 1, CommandType type = CommandType.Time) =>
        new() { Type = type, Account = 1, ClientId = counter, Quantity = events };

    [Test]
    public async Task TheHostRunsTwoThreadsTheCoreAndTheRelease()
    {
        var executor = new FakeExecutor();
        string? answeredOn = null, subscribedOn = null;
        var callback = new CountingCallback(10) { OnAnswer = _ => answeredOn = Thread.CurrentThread.Name };
        EngineHost host = Start(executor, new RecordingJournal(), prefix: "tm");
        using var stop = new BoundedStop(host);
        host.Subscribe(new ActionSubscriber(() => subscribedOn = Thread.CurrentThread.Name));
        host.Post(Numbered(1), callback);
        string? queriedOn = await TestWait.Of(host.QueryAsync((FakeExecutor _) => Thread.CurrentThread.Name), "a query");
        TestWait.Stop(host);
        Assert.That((answeredOn, subscribedOn, queriedOn), Is.EqualTo(("tm-release", "tm-release", "tm-core")));
    }

    [Test]
    public void UnderLoadNoAnswerAndNoEventLeavesBeforeTheJournalReturnedForItsCommand()
    {
        const int producers = 2, perProducer = 100_000;
        var executor = new FakeExecutor();
        // A journal that takes a few microseconds per batch, so the core often runs ahead of it.
        var journal = new RecordingJournal { SpinPerBatch = 2_000 };
        string? problem = null;
        var callback = new CountingCallback(producers * perProducer)
        {
            OnAnswer = c => { if (c.Sequence > journal.DurableUpTo) problem ??= $"answer {c.Sequence} before the journal had it ({journal.DurableUpTo})"; },
        };
        var subscriber = new ActionSubscriber(() => { }, e =>
        {
            if (e.Sequence > journal.DurableUpTo) problem ??= $"event of {e.Sequence} before the journal had it ({journal.DurableUpTo})";
        });
        EngineHost host = Start(executor, journal, commandRing: 256, eventRing: 256);
        using var stop = new BoundedStop(host);
        host.Subscribe(subscriber);
        var errors = new List<Exception>();
        Thread[] threads = [.. Enumerable.Range(1, producers).Select(p => TestWait.Start(() =>
        {
            for (int i = 1; i <= perProducer; i++) host.Post(new Command { Type = CommandType.Time, Account = p, ClientId = i, Quantity = 1 }, callback);
        }, $"producer-{p}", errors))];
        foreach (Thread t in threads) TestWait.Join(t, t.Name!);
        TestWait.Stop(host);
        Assert.That(errors, Is.Empty);
        Assert.That(problem, Is.Null);
        Assert.That(callback.Total, Is.EqualTo(producers * perProducer));
        Assert.That(journal.Error, Is.Null);
    }

    [Test]
    public void CheckpointsAndSnapshotsReachTheJournalAfterTheCommandsTheyCover()
    {
        var executor = new FakeExecutor();
        var journal = new RecordingJournal();
        var callback = new CountingCallback(200);
        EngineHost host = Start(executor, journal, commandRing: 16, checkpoints: 10, snapshots: 25);
        using var stop = new BoundedStop(host);
        for (int i = 1; i <= 100; i++) host.Post(Numbered(i, type: i == 38 ? CommandType.Snapshot : CommandType.Time), callback);
        TestWait.Stop(host);

        Assert.That(journal.Error, Is.Null);
        // After command s the fake core has run s + 1 commands: its "hash" and "snapshot" say so.
        Assert.That(journal.Checkpoints, Is.EqualTo(Enumerable.Range(1, 10).Select(k => (10L * k - 1, (ulong)(10 * k)))));
        Assert.That(journal.Snapshots.Select(s => s.Sequence), Is.EqualTo(new long[] { 24, 37, 49, 74, 99 }));
        Assert.That(journal.Snapshots.Select(s => BinaryPrimitives.ReadInt64LittleEndian(s.Payload)),
            Is.EqualTo(new long[] { 25, 38, 50, 75, 100 }));
        Assert.That(callback.Total, Is.EqualTo(100));
    }

    [Test]
    public void IntervalsCountFromTheSequenceNotFromTheStart()
    {
        var journal = new RecordingJournal();
        var options = new EngineHostOptions { FirstSequence = 95, CheckpointInterval = 10, Journal = journal, Clock = new SteppingClock(1_000, 10) };
        var core = new ExchangeCore();
        Command first = Command.Time(1);
        first.Sequence = 94;
        core.Execute(ref first, new EventLog());
        var host = new EngineHost(core, options);
        using var stop = new BoundedStop(host);
        host.Start();
        for (int i = 0; i < 20; i++) host.Post(Command.Time(0));
        TestWait.Stop(host);
        Assert.That(journal.Checkpoints.Select(c => c.Sequence), Is.EqualTo(new long[] { 99, 109 }));
    }

    [Test]
    public async Task AFailingJournalIsFatalAndNothingAfterItLeaves()
    {
        var executor = new FakeExecutor();
        var journal = new RecordingJournal { FailAt = 500 };
        var subscriber = new CollectingSubscriber();
        var results = new ResultCollector(2_000);
        var errors = new List<Exception>();
        EngineHost host = Start(executor, journal, commandRing: 64, errors: errors);
        using var stop = new BoundedStop(host);
        host.Subscribe(subscriber);
        int posted = 0;
        for (int i = 1; i <= 2_000; i++)
        {
            if (host.Post(Numbered(i, events: 2), results) != ResultCode.Ok) break;
            posted++;
        }
        TestWait.Until(() => host.Fault is not null, "the fault");
        // A query made now fails, or (if the core had not reached the failed batch yet) reflects recorded commands only.
        Task<long> query = host.QueryAsync((FakeExecutor f) => f.Executed);
        try { await query.WaitAsync(TestWait.Timeout); }
        catch (InvalidOperationException) { }
        TestWait.Stop(host);
        if (query.IsCompletedSuccessfully) Assert.That(query.Result, Is.LessThanOrEqualTo(journal.DurableUpTo + 1));

        Assert.That(host.Fault!.Message, Does.Contain("journal"));
        Assert.That(journal.Error, Is.Null);
        long durable = journal.DurableUpTo;
        Assert.That(durable, Is.LessThan(500));
        // Recorded commands are answered with their results and events; none after them is.
        for (int s = 0; s < posted; s++)
        {
            Command r = results.Results[s];
            Assert.That(r.Sequence, Is.EqualTo(s), $"answer {s}");
            Assert.That(r.Result, Is.EqualTo(s <= durable ? ResultCode.Ok : ResultCode.ShuttingDown), $"result of {s}");
        }
        Assert.That(subscriber.LastSequence, Is.LessThanOrEqualTo(durable));
        Assert.That(subscriber.Count, Is.EqualTo(2 * (durable + 1)));
        Assert.That(host.Post(Numbered(posted + 1)), Is.EqualTo(ResultCode.ShuttingDown));
    }

    [Test]
    public async Task AMillionEventBurstGetsThroughWhileTheJournalIsHeld()
    {
        // The release thread is stuck in the journal while the core fills the event ring and waits
        // for space: once the journal returns, the release thread drains the ring, the core goes
        // on, and every event arrives before the answer.
        const long burst = 1_000_000;
        var executor = new FakeExecutor();
        var journal = new GatedJournal();
        var subscriber = new CollectingSubscriber();
        EngineHost host = Start(executor, journal, commandRing: 16, eventRing: 1024);
        using var stop = new BoundedStop(host);
        host.Subscribe(subscriber);
        journal.Gate.Reset();
        ValueTask<Command> pending = host.SubmitAsync(Numbered(1, events: burst));
        ValueTask<Command> next = host.SubmitAsync(Numbered(2, events: 3));
        TestWait.Until(() => journal.Arrived >= 1, "the journal to be called");
        Thread.Sleep(50);
        Assert.That(subscriber.Count, Is.Zero, "no event before the journal returned");
        Assert.That(pending.IsCompleted, Is.False);
        journal.Gate.Set();
        Command result = await TestWait.Of(pending, "the burst");
        Assert.That(result.EventCount, Is.EqualTo(burst));
        Assert.That((await TestWait.Of(next, "the next command")).EventCount, Is.EqualTo(3));
        TestWait.Stop(host);
        Assert.That(subscriber.Count, Is.EqualTo(burst + 3));
        Assert.That(subscriber.Error, Is.Null);
    }

    [Test]
    public void BurstsInterleavedWithASlowJournalLoseNothing()
    {
        var executor = new FakeExecutor();
        var journal = new SlowJournal();
        var subscriber = new CollectingSubscriber();
        var callback = new CountingCallback(400);
        EngineHost host = Start(executor, journal, commandRing: 8, eventRing: 64);
        using var stop = new BoundedStop(host);
        host.Subscribe(subscriber);
        long expected = 0;
        for (int i = 1; i <= 400; i++)
        {
            long events = i % 50 == 0 ? 20_000 : i % 7;
            expected += events;
            host.Post(Numbered(i, events), callback);
        }
        TestWait.Stop(host);
        Assert.That(callback.Total, Is.EqualTo(400));
        Assert.That(callback.Error, Is.Null);
        Assert.That(subscriber.Count, Is.EqualTo(expected));
        Assert.That(subscriber.Error, Is.Null);
        Assert.That(executor.Error, Is.Null);
    }

    [Test]
    public void CheckpointsAndSnapshotsOfTheRealCoreMatchADirectRun()
    {
        Command[] settings = TradingScenario.Settings();
        var journal = new RecordingJournal();
        var options = new EngineHostOptions
        {
            CommandRingSize = 16, EventRingSize = 32, SingleProducer = true, Journal = journal,
            CheckpointInterval = 7, SnapshotInterval = 20, Clock = new SteppingClock(TradingScenario.Start, 1_000_000),
        };
        var host = new EngineHost(options);
        using var stop = new BoundedStop(host);
        host.Start();
        Command[] traffic = [.. settings, .. Gen.Sample(TradingScenario.Traffic(), 1, new Rnd(7), 80)[0]];
        foreach (Command c in traffic) host.Post(c);
        TestWait.Stop(host);
        Assert.That(journal.Error, Is.Null);

        var direct = new ExchangeCore();
        var log = new EventLog();
        var hashes = new Dictionary<long, ulong>();
        for (int i = 0; i < journal.Recorded.Count; i++)
        {
            Command c = journal.Recorded[i];
            direct.Execute(ref c, log);
            hashes[c.Sequence] = direct.StateHash();
        }
        Assert.That(journal.Recorded, Has.Count.EqualTo(traffic.Length));
        Assert.That(journal.Checkpoints, Has.Count.EqualTo(traffic.Length / 7));
        foreach ((long sequence, ulong hash) in journal.Checkpoints) Assert.That(hash, Is.EqualTo(hashes[sequence]), $"checkpoint {sequence}");
        Assert.That(journal.Snapshots, Has.Count.EqualTo(traffic.Length / 20));
        foreach ((long sequence, byte[] payload) in journal.Snapshots)
        {
            ExchangeCore restored = ExchangeCore.ReadSnapshot(payload);
            Assert.That(restored.LastSequence, Is.EqualTo(sequence));
            Assert.That(restored.StateHash(), Is.EqualTo(hashes[sequence]), $"snapshot {sequence}");
        }
    }
}
