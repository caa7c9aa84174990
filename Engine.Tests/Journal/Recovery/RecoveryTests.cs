using TokenMatch.Commands;
using TokenMatch.Journal.Format;
using TokenMatch.Journal.Recovery;
using TokenMatch.Journal.Snapshots;
using TokenMatch.Journal.Writing;
using TokenMatch.Pipeline;
using TokenMatch.Tests.Journal.Support;
using TokenMatch.Tests.Pipeline.Support;

namespace TokenMatch.Tests.Journal.Recovery;

/// <summary>Start-up from a journal: the recovered state is a full replay's, and hosting continues the journal seamlessly.</summary>
public sealed class RecoveryTests
{
    [Test]
    public void AnEmptyDirectoryRecoversAnEmptyEngineAtSequenceZero()
    {
        using var directory = new TempDirectory();
        RecoveryResult result = JournalRecovery.Recover(directory.Path);
        Assert.That(result.NextSequence, Is.Zero);
        Assert.That(result.CommandsReplayed, Is.Zero);
        Assert.That(result.Core.StateHash(), Is.EqualTo(new TokenMatch.Core.ExchangeCore().StateHash()));
    }

    [Test]
    [CancelAfter(120_000)]
    public void RecoveredStateEqualsTheLiveStateAndHostingContinuesTheJournal()
    {
        using var directory = new TempDirectory();
        Command[] flow = JournalKit.SampleFlow(300);
        var options = new JournalWriterOptions { SegmentSize = 4_000 };
        var live = JournalKit.RunLive(flow[..200], directory.Path, options, step: 1_000_000);

        RecoveryResult first = JournalRecovery.Recover(directory.Path);
        Assert.That(first.NextSequence, Is.EqualTo(200));
        Assert.That(first.Core.StateHash(), Is.EqualTo(live.Hash));

        // Host the recovered core: the journal continues at the next sequence, in a new segment.
        var writer = new JournalWriter(directory.Path, first.NextSequence, options);
        var host = new EngineHost(first.Core, new EngineHostOptions
        {
            FirstSequence = first.NextSequence, Journal = writer, CommandRingSize = 16,
            Clock = new SteppingClock(TradingScenario.Start + 300_000_000, 1_000_000),
        });
        host.Start();
        foreach (Command c in flow[200..]) Assert.That(host.Post(c), Is.EqualTo(ResultCode.Ok));
        TestWait.Stop(host);
        ulong after = host.StateHashAsync().Result;
        writer.Dispose();

        RecoveryResult second = JournalRecovery.Recover(directory.Path);
        Assert.That(second.NextSequence, Is.EqualTo(flow.Length));
        Assert.That(second.Core.StateHash(), Is.EqualTo(after));
        Assert.That(JournalKit.Replay(directory.Path).Hash, Is.EqualTo(after));
    }

    [Test]
    public void AfterATornTailIsCutOffTheJournalAppendsCleanly()
    {
        using var directory = new TempDirectory();
        Command[] written = JournalKit.WriteDirect(directory.Path, JournalKit.SampleFlow(30));
        (string file, long offset, _) = JournalDamage.Records(directory.Path)[^1];
        JournalDamage.Truncate(file, offset + 5);
        RecoveryResult result = JournalRecovery.Recover(directory.Path);
        Assert.That(result.NextSequence, Is.EqualTo(written.Length - 1));

        Command last = written[^1];
        using (var writer = new JournalWriter(directory.Path, result.NextSequence, new JournalWriterOptions { Fsync = FsyncPolicy.None }))
            writer.OnCommands([last], true);
        RecoveryResult again = JournalRecovery.Recover(directory.Path);
        Assert.That(again.Torn, Is.Null);
        Assert.That(again.NextSequence, Is.EqualTo(written.Length));
        Assert.That(JournalKit.ReadCommands(directory.Path), Is.EqualTo(written));
    }

    [Test]
    public void ADamagedSnapshotIsSkippedWithAWarningAndNeverTrusted()
    {
        using var directory = new TempDirectory();
        JournalKit.WriteDirect(directory.Path, JournalKit.SampleFlow(30));
        string path = SnapshotFile.Write(directory.Path, 10, [1, 2, 3, 4, 5, 6, 7, 8]);
        JournalDamage.FlipBit(path, SnapshotHeader.Length + 3, 2);
        var warnings = new List<string>();
        RecoveryResult result = JournalRecovery.Recover(directory.Path, new RecoveryOptions { Warn = warnings.Add });
        Assert.That(result.SnapshotSequence, Is.Null);
        Assert.That(warnings.Single(), Does.Contain(path).And.Contain("CRC"));
        Assert.That(result.Core.StateHash(), Is.EqualTo(JournalKit.Replay(directory.Path).Hash));
    }

    [Test]
    public void SnapshotFilesRoundTripAndDetectDamage()
    {
        using var directory = new TempDirectory();
        byte[] payload = [.. Enumerable.Range(0, 1000).Select(i => (byte)(i * 7))];
        string path = SnapshotFile.Write(directory.Path, 42, payload);
        Assert.That(Path.GetFileName(path), Is.EqualTo("snapshot-00000000000000000042.tmsnap"));
        Assert.That(SnapshotFile.TryRead(path, 42, out long sequence, out ReadOnlyMemory<byte> back), Is.Null);
        Assert.That(sequence, Is.EqualTo(42));
        Assert.That(back.ToArray(), Is.EqualTo(payload));
        Assert.That(SnapshotFile.TryRead(path, 43, out _, out _), Does.Contain("name"));
        for (int offset = 0; offset < SnapshotHeader.Length + payload.Length; offset += 37)
        {
            byte[] bytes = File.ReadAllBytes(path);
            bytes[offset] ^= 0x10;
            string damaged = Path.Combine(directory.Path, "damaged.tmsnap");
            File.WriteAllBytes(damaged, bytes);
            Assert.That(SnapshotFile.TryRead(damaged, 42, out _, out _), Is.Not.Null, $"flip at {offset}");
        }
        JournalDamage.Truncate(path, 100);
        Assert.That(SnapshotFile.TryRead(path, 42, out _, out _), Does.Contain("payload bytes"));
    }
}
