using NUnit.Framework;
using TokenMatch.Commands;
using TokenMatch.Pipeline;
using TokenMatch.Pipeline.WaitStrategies;
using TokenMatch.Tests.Pipeline.Support;

namespace TokenMatch.Tests.Pipeline;

/// <summary>The embedding API over a stand-in core (<see cref="FakeExecutor"/>), so that the pipeline's own behaviour is tested exactly.</summary>
public sealed class EngineHostTests
{
    private static EngineHost Start(FakeExecutor executor, out SteppingClock clock, int commandRing = 64, int eventRing = 64,
        RingFullPolicy policy = RingFullPolicy.Wait, IJournalConsumer? journal = null, List<Exception>? errors = null,
        WaitStrategyKind wait = WaitStrategyKind.Yielding)
    {
        clock = new SteppingClock(1_000, 10);
        var options = new EngineHostOptions
        {
            CommandRingSize = commandRing, EventRingSize = eventRing, RingFullPolicy = policy, Clock = clock, WaitStrategy = wait,
            Journal = journal ?? NullJournalConsumer.Instance,
            OnError = errors is null ? null : e => { lock (errors) errors.Add(e); },
        };
        EngineHost host = EngineHost.Create(options, executor);
        host.Start();
        return host;
    }

    private static Command Numbered(int producer, long counter, long events = 1) =>
        new() { Type = CommandType.Time, Account = producer, ClientId = counter, Quantity = events };

    [Test]
    public async Task SubmitStampsSequenceAndTimeAndReturnsTheCoresResult()
    {
        var executor = new FakeExecutor();
        using EngineHost host = Start(executor, out _);
        for (int i = 0; i < 100; i++)
        {
            Command result = await TestWait.Of(host.SubmitAsync(Numbered(1, i + 1, events: i % 3)), "a result");
            Assert.That(result.Sequence, Is.EqualTo(i));
            Assert.That(result.Timestamp, Is.EqualTo(1_000 + 10 * i));
            Assert.That(result.Result, Is.EqualTo(ResultCode.Ok));
            Assert.That(result.EventCount, Is.EqualTo(i % 3));
        }
        TestWait.Stop(host);
        Assert.That(executor.Error, Is.Null);
    }

    [Test]
    public void SubmittingBeforeStartIsAMisuse()
    {
        using EngineHost host = EngineHost.Create(new EngineHostOptions(), new FakeExecutor());
        Assert.Throws<InvalidOperationException>(() => host.Post(Numbered(1, 1)));
    }

    [TestCase(WaitStrategyKind.Yielding)]
    [TestCase(WaitStrategyKind.Sleeping)]
    [TestCase(WaitStrategyKind.Blocking)]
    public void ManyProducersAreEachAnsweredOnceInTheirOrder(WaitStrategyKind wait)
    {
        const int producers = 4, perProducer = 5_000;
        var executor = new FakeExecutor();
        var callback = new CountingCallback(producers * perProducer);
        var subscriber = new CollectingSubscriber();
        using EngineHost host = Start(executor, out _, commandRing: 256, eventRing: 256, wait: wait);
        using IDisposable subscription = host.Subscribe(subscriber);

        var errors = new List<Exception>();
        Thread[] threads = [.. Enumerable.Range(1, producers).Select(p => TestWait.Start(() =>
        {
            for (int i = 1; i <= perProducer; i++)
            {
                if (host.Post(Numbered(p, i, events: 2), callback) != ResultCode.Ok) throw new InvalidOperationException("refused");
            }
        }, $"producer-{p}", errors))];
        foreach (Thread t in threads) TestWait.Join(t, t.Name!);
        TestWait.Stop(host);

        Assert.That(errors, Is.Empty);
        Assert.That(executor.Error, Is.Null);
        Assert.That(callback.Error, Is.Null);
        Assert.That(callback.Total, Is.EqualTo(producers * perProducer));
        Assert.That(Enumerable.Range(0, producers * perProducer).All(s => callback.AnswersFor(s) == 1), Is.True);
        Assert.That(subscriber.Error, Is.Null);
        Assert.That(subscriber.Count, Is.EqualTo(2L * producers * perProducer));
    }

    [Test]
    public void AnAnswerComesAfterTheCommandsEventsWereDelivered()
    {
        var executor = new FakeExecutor();
        var subscriber = new CollectingSubscriber();
        var callback = new CountingCallback(1_000);
        string? problem = null;
        callback.OnAnswer = c => { if (subscriber.LastSequence < c.Sequence) problem ??= $"answered {c.Sequence} before its events"; };
        using EngineHost host = Start(executor, out _, commandRing: 16, eventRing: 16);
        host.Subscribe(subscriber);
        for (int i = 0; i < 1_000; i++) host.Post(Numbered(1, i + 1, events: 1 + i % 20), callback);
        TestWait.Stop(host);
        Assert.That(problem, Is.Null);
        Assert.That(callback.Total, Is.EqualTo(1_000));
    }

    [TestCase(WaitStrategyKind.Yielding)]
    [TestCase(WaitStrategyKind.Sleeping)]
    [TestCase(WaitStrategyKind.Blocking)]
    public void StopDrainsCommandsInFlightAndAnswersEachAcceptedOneExactlyOnce(WaitStrategyKind wait)
    {
        const int producers = 3, attempts = 20_000;
        var executor = new FakeExecutor();
        var callback = new CountingCallback(producers * attempts);
        using EngineHost host = Start(executor, out _, commandRing: 64, wait: wait);
        long accepted = 0, refused = 0, started = 0;

        var errors = new List<Exception>();
        Thread[] threads = [.. Enumerable.Range(1, producers).Select(p => TestWait.Start(() =>
        {
            Interlocked.Increment(ref started);
            long counter = 0;
            for (int i = 0; i < attempts; i++)
            {
                ResultCode code = host.Post(Numbered(p, counter + 1), callback);
                if (code == ResultCode.Ok) { counter++; Interlocked.Increment(ref accepted); }
                else if (code == ResultCode.ShuttingDown) Interlocked.Increment(ref refused);
                else throw new InvalidOperationException(code.ToString());
            }
        }, $"producer-{p}", errors))];
        // Stop while the producers are mid-stream: after some commands have been answered.
        TestWait.Until(() => Volatile.Read(ref started) == producers && callback.Total > 100, "traffic");
        TestWait.Stop(host);
        long answeredAtStop = callback.Total;
        foreach (Thread t in threads) TestWait.Join(t, t.Name!);

        Assert.That(errors, Is.Empty);
        Assert.That(executor.Error, Is.Null);
        Assert.That(callback.Error, Is.Null);
        Assert.That(accepted + refused, Is.EqualTo((long)producers * attempts));
        Assert.That(answeredAtStop, Is.EqualTo(accepted), "every accepted command was answered by the time Stop returned");
        Assert.That(callback.Total, Is.EqualTo(accepted), "and none after");
        Assert.That(executor.Executed, Is.EqualTo(accepted));
        Assert.That(Enumerable.Range(0, (int)accepted).All(s => callback.AnswersFor(s) == 1), Is.True);
        Assert.That(host.State, Is.EqualTo(EngineHostState.Stopped));
    }

    [Test]
    public async Task AfterStopCommandsAreRefusedAndQueriesRunOnTheCaller()
    {
        var executor = new FakeExecutor();
        EngineHost host = Start(executor, out _);
        await TestWait.Of(host.SubmitAsync(Numbered(1, 1)), "a result");
        TestWait.Stop(host);
        TestWait.Stop(host);
        Command refused = await TestWait.Of(host.SubmitAsync(Numbered(1, 2)), "a refusal");
        Assert.That(refused.Result, Is.EqualTo(ResultCode.ShuttingDown));
        Assert.That(refused.Sequence, Is.EqualTo(-1));
        Assert.That(host.Post(Numbered(1, 2)), Is.EqualTo(ResultCode.ShuttingDown));
        int caller = Environment.CurrentManagedThreadId;
        Assert.That(await host.QueryAsync((FakeExecutor f) => (f.Executed, Environment.CurrentManagedThreadId)), Is.EqualTo((1L, caller)));
    }

    [Test]
    public async Task QueriesRunOnTheCoreThreadAndSeeEveryCommandAnsweredBeforeThem()
    {
        var executor = new FakeExecutor();
        string? coreThread = null;
        executor.AfterExecute = _ => coreThread ??= Thread.CurrentThread.Name;
        using EngineHost host = Start(executor, out _);
        for (int i = 1; i <= 50; i++)
        {
            await TestWait.Of(host.SubmitAsync(Numbered(1, i)), "a result");
            (long executed, string? thread) = await TestWait.Of(
                host.QueryAsync((FakeExecutor f) => (f.Executed, Thread.CurrentThread.Name)), "a query");
            Assert.That(executed, Is.EqualTo(i));
            Assert.That(thread, Is.EqualTo(coreThread));
        }
        Assert.ThrowsAsync<InvalidOperationException>(() => TestWait.Of(host.QueryAsync((string s) => s.Length), "a failing query"));
    }

    [Test]
    public async Task NothingLeavesBeforeTheJournalHasTheCommand()
    {
        var executor = new FakeExecutor();
        var journal = new GatedJournal();
        var subscriber = new CollectingSubscriber();
        using EngineHost host = Start(executor, out _, journal: journal);
        host.Subscribe(subscriber);
        journal.Gate.Reset();

        ValueTask<Command> pending = host.SubmitAsync(Numbered(1, 1, events: 5));
        Task<long> query = host.QueryAsync((FakeExecutor f) => f.Executed);
        TestWait.Until(() => executor.Executed == 1 && journal.Arrived >= 1, "the core and the journal to have the command");
        // The core has run it, but the journal has not returned: no answer, no event, no query answer.
        Assert.That(pending.IsCompleted, Is.False);
        Assert.That(subscriber.Count, Is.Zero);
        Assert.That(query.IsCompleted, Is.False);

        journal.Gate.Set();
        Command result = await TestWait.Of(pending, "the result");
        Assert.That(result.Result, Is.EqualTo(ResultCode.Ok));
        Assert.That(await TestWait.Of(query, "the query"), Is.EqualTo(1));
        TestWait.Stop(host);
        Assert.That(subscriber.Count, Is.EqualTo(5));
        Assert.That(journal.Recorded.Select(c => (c.Sequence, c.Timestamp)), Is.EqualTo(new[] { (0L, 1_000L) }));
    }

    [Test]
    public void TheJournalSeesTheSameCommandsAsTheCore()
    {
        var executor = new FakeExecutor();
        var journal = new GatedJournal();
        var callback = new CountingCallback(3_000);
        var seenByCore = new List<(long, long, long)>();
        executor.AfterExecute = c => seenByCore.Add((c.Sequence, c.Timestamp, c.ClientId));
        using EngineHost host = Start(executor, out _, commandRing: 32, journal: journal);
        for (int i = 1; i <= 3_000; i++) host.Post(Numbered(1, i), callback);
        TestWait.Stop(host);
        Assert.That(journal.Recorded.Select(c => (c.Sequence, c.Timestamp, c.ClientId)), Is.EqualTo(seenByCore));
        Assert.That(seenByCore, Has.Count.EqualTo(3_000));
    }

    [Test]
    public void ASlowSubscriberHoldsProducersBackWithoutLosingAnything()
    {
        const int commandRing = 16, eventRing = 16, eventsPerCommand = 3;
        var executor = new FakeExecutor();
        var subscriber = new CollectingSubscriber();
        var callback = new CountingCallback(10_000);
        using EngineHost host = Start(executor, out _, commandRing, eventRing, RingFullPolicy.Refuse);
        host.Subscribe(subscriber);
        subscriber.Gate.Reset();

        // With the subscriber stuck, the event ring fills, the core waits, the command ring fills,
        // and producers are refused: the pipeline never buffers beyond its rings.
        long accepted = 0;
        while (host.Post(Numbered(1, accepted + 1, eventsPerCommand), callback) == ResultCode.Ok)
        {
            accepted++;
            Assert.That(accepted, Is.LessThan(10_000), "the ring never filled");
        }
        // Command ring, plus what the core took in while filling the event ring (and the batch the subscriber holds).
        Assert.That(accepted, Is.LessThanOrEqualTo(commandRing + 2 * eventRing / eventsPerCommand + 2));
        Assert.That(callback.Total, Is.Zero);

        subscriber.Gate.Set();
        TestWait.Until(() => callback.Total == accepted, "every accepted command to be answered");
        TestWait.Stop(host);
        Assert.That(subscriber.Error, Is.Null);
        Assert.That(subscriber.Count, Is.EqualTo(accepted * eventsPerCommand));
        Assert.That(executor.Error, Is.Null);
    }

    [Test]
    public void ASlowSubscriberMakesWaitingProducersWaitAndLosesNothing()
    {
        const int commands = 2_000;
        var executor = new FakeExecutor();
        var subscriber = new CollectingSubscriber();
        var callback = new CountingCallback(commands);
        using EngineHost host = Start(executor, out _, commandRing: 16, eventRing: 16);
        host.Subscribe(subscriber);
        subscriber.Gate.Reset();

        var errors = new List<Exception>();
        long posted = 0;
        Thread producer = TestWait.Start(() =>
        {
            for (int i = 1; i <= commands; i++)
            {
                host.Post(Numbered(1, i, events: 3), callback);
                Volatile.Write(ref posted, i);
            }
        }, "producer", errors);
        TestWait.Until(() => Volatile.Read(ref posted) >= 16, "the ring to fill");
        Assert.That(Volatile.Read(ref posted), Is.LessThan(commands), "the producer is held back while the subscriber is stuck");
        subscriber.Gate.Set();
        TestWait.Join(producer, "producer");
        TestWait.Stop(host);

        Assert.That(errors, Is.Empty);
        Assert.That(callback.Total, Is.EqualTo(commands));
        Assert.That(subscriber.Count, Is.EqualTo(3L * commands));
        Assert.That(subscriber.Error, Is.Null);
    }

    [Test]
    public async Task AMillionEventBurstStreamsThroughInBoundedMemory()
    {
        const long burst = 1_000_000;
        var executor = new FakeExecutor();
        var subscriber = new CollectingSubscriber();
        using EngineHost host = Start(executor, out _, commandRing: 16, eventRing: 1024);
        host.Subscribe(subscriber);
        await TestWait.Of(host.SubmitAsync(Numbered(1, 1, events: 10)), "warm-up");

        long before = GC.GetTotalAllocatedBytes(precise: true);
        Command result = await TestWait.Of(host.SubmitAsync(Numbered(1, 2, events: burst)), "the burst");
        long allocated = GC.GetTotalAllocatedBytes(precise: true) - before;

        Assert.That(result.EventCount, Is.EqualTo(burst));
        Assert.That(subscriber.Count, Is.EqualTo(burst + 10), "every event was delivered before the answer");
        Assert.That(subscriber.Error, Is.Null);
        // Buffering the burst would take over 100 MB; streaming it takes none beyond the rings.
        Assert.That(allocated, Is.LessThan(4L << 20));
    }

    [Test]
    public async Task RefusePolicyAnswersRingFullAtOnce()
    {
        var executor = new FakeExecutor();
        var subscriber = new CollectingSubscriber();
        using EngineHost host = Start(executor, out _, commandRing: 4, eventRing: 4, policy: RingFullPolicy.Refuse);
        host.Subscribe(subscriber);
        subscriber.Gate.Reset();
        int accepted = 0;
        while (host.Post(Numbered(1, accepted + 1, events: 4)) == ResultCode.Ok)
        {
            accepted++;
            Assert.That(accepted, Is.LessThan(1_000), "the ring never filled");
        }
        ValueTask<Command> refused = host.SubmitAsync(Numbered(1, accepted + 1));
        Assert.That(refused.IsCompleted, Is.True);
        Command result = await refused;
        Assert.That(result.Result, Is.EqualTo(ResultCode.RingFull));
        Assert.That(result.Sequence, Is.EqualTo(-1));
        subscriber.Gate.Set();
        TestWait.Stop(host);
        Assert.That(executor.Executed, Is.EqualTo(accepted));
    }

    [Test]
    public async Task ACoreFaultIsReportedAndTheHostStillDrains()
    {
        var executor = new FakeExecutor();
        var errors = new List<Exception>();
        using EngineHost host = Start(executor, out _, errors: errors);
        ValueTask<Command> ok = host.SubmitAsync(Numbered(1, 1));
        ValueTask<Command> bad = host.SubmitAsync(new Command { Type = CommandType.Time, Price = -1 });
        Assert.That((await TestWait.Of(ok, "ok")).Result, Is.EqualTo(ResultCode.Ok));
        Assert.That((await TestWait.Of(bad, "bad")).Result, Is.EqualTo(ResultCode.ShuttingDown));
        Assert.That(host.Fault, Is.Not.Null);
        Assert.That((await TestWait.Of(host.SubmitAsync(Numbered(1, 2)), "refused")).Result, Is.EqualTo(ResultCode.ShuttingDown));
        TestWait.Stop(host);
        lock (errors) Assert.That(errors, Has.Count.EqualTo(1));
    }

    [Test]
    public void SubscriberAndCallbackExceptionsAreReportedNotFatal()
    {
        var executor = new FakeExecutor();
        var errors = new List<Exception>();
        var callback = new CountingCallback(10) { OnAnswer = _ => throw new InvalidOperationException("callback") };
        using EngineHost host = Start(executor, out _, errors: errors);
        host.Subscribe(new ThrowingSubscriber());
        for (int i = 1; i <= 3; i++) host.Post(Numbered(1, i), callback);
        TestWait.Stop(host);
        Assert.That(host.Fault, Is.Null);
        lock (errors)
        {
            Assert.That(errors.Count(e => e.Message == "callback"), Is.EqualTo(3));
            // One per delivery: the three commands' events may arrive in one to three batches.
            Assert.That(errors.Count(e => e.Message == "subscriber"), Is.InRange(1, 3));
        }
    }

    [Test]
    public void ClaimedSlotsAreWrittenInPlace()
    {
        var executor = new FakeExecutor();
        var callback = new CountingCallback(10);
        using EngineHost host = Start(executor, out _);
        Assert.That(host.TryClaim(out long sequence, out ResultCode refusal), Is.True, refusal.ToString());
        ref Command slot = ref host.SlotAt(sequence);
        Assert.That(slot.Timestamp, Is.EqualTo(1_000));
        slot.Type = CommandType.Time;
        slot.Account = 1;
        slot.ClientId = 1;
        host.PublishClaimed(sequence, callback);
        TestWait.Stop(host);
        Assert.That(callback.Total, Is.EqualTo(1));
        Assert.That(callback.Error, Is.Null);
    }

    [Test]
    public void StopFromACallbackIsRefused()
    {
        var executor = new FakeExecutor();
        Exception? caught = null;
        var callback = new CountingCallback(10);
        using EngineHost host = Start(executor, out _);
        callback.OnAnswer = _ =>
        {
            try { host.Stop(); }
            catch (InvalidOperationException e) { caught = e; }
        };
        host.Post(Numbered(1, 1), callback);
        TestWait.Until(() => callback.Total == 1, "the answer");
        TestWait.Stop(host);
        Assert.That(caught, Is.Not.Null);
    }

    [Test]
    public void CallbacksThatPostWhileTheHostStopsAreRefusedWithoutDeadlock()
    {
        var executor = new FakeExecutor();
        var codes = new List<ResultCode>();
        var callback = new CountingCallback(100_000);
        using EngineHost host = Start(executor, out _);
        long next = 1;
        // Each answer posts the next command, so commands keep arriving from the responder thread until Stop.
        callback.OnAnswer = _ =>
        {
            ResultCode code = host.Post(Numbered(1, next + 1), callback);
            if (code == ResultCode.Ok) next++;
            else lock (codes) codes.Add(code);
        };
        host.Post(Numbered(1, 1), callback);
        TestWait.Until(() => callback.Total > 50, "the chain to run");
        TestWait.Stop(host);
        lock (codes) Assert.That(codes, Is.EqualTo(new[] { ResultCode.ShuttingDown }));
        Assert.That(callback.Total, Is.EqualTo(next));
        Assert.That(callback.Error, Is.Null);
    }

    [Test]
    public void QueriesFromASubscriberFailInsteadOfDeadlocking()
    {
        var executor = new FakeExecutor();
        var subscriber = new QueryingSubscriber();
        using EngineHost host = Start(executor, out _);
        host.Subscribe(subscriber);
        subscriber.Host = host;
        host.Post(Numbered(1, 1));
        TestWait.Until(() => subscriber.Query is not null, "the subscriber to query");
        TestWait.Stop(host);
        Assert.That(subscriber.Query!.IsFaulted, Is.True);
        Assert.That(subscriber.Query.Exception!.InnerException, Is.InstanceOf<InvalidOperationException>());
    }
}
