using FsCheck;
using FsCheck.Fluent;
using TokenMatch.Commands;
using TokenMatch.Journal.Format;
using TokenMatch.Journal.Writing;
using TokenMatch.Tests.Journal.Support;
using TokenMatch.Tests.Pipeline.Support;

namespace TokenMatch.Tests.Journal.Writing;

/// <summary>
/// Generated traffic through a host journaling to disk, then the journal replayed through a fresh
/// core: the same events in the same order and the same state hash, for each fsync policy, with
/// segments large and tiny (rolling every few records).
/// </summary>
public sealed class RoundTripTests
{
    private static readonly object[] Cases =
    [
        new object[] { FsyncPolicy.Batch, 64L << 20 },
        new object[] { FsyncPolicy.Interval, 64L << 20 },
        new object[] { FsyncPolicy.None, 64L << 20 },
        new object[] { FsyncPolicy.Batch, 400L },
        new object[] { FsyncPolicy.Interval, 400L },
        new object[] { FsyncPolicy.None, 400L },
    ];

    [TestCaseSource(nameof(Cases))]
    [CancelAfter(120_000)]
    public void ReplayGivesTheLiveEventsAndStateHash(FsyncPolicy policy, long segmentSize)
    {
        var options = new JournalWriterOptions { Fsync = policy, SegmentSize = segmentSize, FsyncIntervalMicroseconds = 200, BufferSize = 4096 };
        int rolled = 0;
        Prop.ForAll(TradingScenario.Traffic().ToArbitrary(), traffic =>
        {
            using var directory = new TempDirectory();
            Command[] commands = [.. TradingScenario.Settings(), .. traffic];
            var live = JournalKit.RunLive(commands, directory.Path, options);
            var replay = JournalKit.Replay(directory.Path);
            Assert.That(replay.Commands, Has.Count.EqualTo(commands.Length));
            Assert.That(replay.Commands.Select(c => c.Sequence), Is.EqualTo(Enumerable.Range(0, commands.Length).Select(i => (long)i)));
            Assert.That(replay.Events, Is.EqualTo(live.Events));
            Assert.That(replay.Hash, Is.EqualTo(live.Hash));
            if (JournalFiles.Segments(directory.Path).Count > 1) rolled++;
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(12 * CommandGeneratorsMultiplier));
        if (segmentSize < 1000) Assert.That(rolled, Is.GreaterThan(0), "tiny segments roll");
    }

    [Test]
    public void BatchPolicyFsyncsOncePerBatchAndNonePolicyNever()
    {
        using var a = new TempDirectory();
        using var b = new TempDirectory();
        Command[] flow = JournalKit.SampleFlow(50);
        var batch = new JournalWriter(a.Path, 0, new JournalWriterOptions { Fsync = FsyncPolicy.Batch });
        var none = new JournalWriter(b.Path, 0, new JournalWriterOptions { Fsync = FsyncPolicy.None });
        for (int i = 0; i < flow.Length; i += 10)
        {
            Command[] part = flow[i..Math.Min(flow.Length, i + 10)];
            for (int k = 0; k < part.Length; k++) part[k].Sequence = i + k;
            batch.OnCommands(part.AsSpan(0, part.Length / 2), false);
            batch.OnCommands(part.AsSpan(part.Length / 2), true);
            none.OnCommands(part, true);
        }
        Assert.That(batch.Fsyncs, Is.EqualTo((flow.Length + 9) / 10));
        Assert.That(none.Fsyncs, Is.Zero);
        // Written to the OS at the end of every batch under every policy: readable before dispose.
        Assert.That(JournalKit.ReadCommands(b.Path), Has.Count.EqualTo(flow.Length));
        batch.Dispose();
        none.Dispose();
    }

    [Test]
    public void ASequenceOutOfOrderIsRefused()
    {
        using var directory = new TempDirectory();
        using var writer = new JournalWriter(directory.Path, 5);
        Command c = Command.Time(1);
        c.Sequence = 6;
        var e = Assert.Throws<InvalidOperationException>(() => writer.OnCommands([c], true));
        Assert.That(e!.Message, Does.Contain("expected command 5"));
    }

    private static int CommandGeneratorsMultiplier => TokenMatch.Tests.Support.CommandGenerators.Multiplier;
}
