using TokenMatch.Commands;
using TokenMatch.Core;
using TokenMatch.Journal.Recovery;
using TokenMatch.Journal.Snapshots;
using TokenMatch.Journal.Writing;
using TokenMatch.Tests.Journal.Support;
using TokenMatch.Tests.Pipeline.Support;

namespace TokenMatch.Tests.Journal.Recovery;

/// <summary>Snapshot + journal tail = full replay, wherever the snapshot was taken; a damaged newest snapshot falls back to an older one.</summary>
public sealed class SnapshotRecoveryTests
{
    [Test]
    public void SnapshotPlusTailEqualsFullReplayAtRandomPoints([Range(1, 8)] int seed)
    {
        using var directory = new TempDirectory();
        var random = new Random(seed);
        Command[] written = JournalKit.WriteDirect(directory.Path, JournalKit.SampleFlow(random.Next(50, 400), seed),
            new JournalWriterOptions { Fsync = FsyncPolicy.None, SegmentSize = 3_000 });
        int at = random.Next(1, written.Length + 1);
        var core = new ExchangeCore();
        for (int i = 0; i < at; i++)
        {
            Command c = written[i];
            core.Execute(ref c, NullSink.Instance);
        }
        ulong atSnapshot = core.StateHash();
        string path = SnapshotPayload.Save(core, directory.Path, durable: false);
        Assert.That(SnapshotFile.TryRead(path, at - 1, out _, out ReadOnlyMemory<byte> payload), Is.Null);
        Assert.That(SnapshotPayload.TryLoad(payload.Span, null, out _)!.StateHash(), Is.EqualTo(atSnapshot), "a snapshot read back has the state hash it was written with");

        RecoveryResult result = JournalRecovery.Recover(directory.Path);
        Assert.That(result.SnapshotSequence, Is.EqualTo(at - 1));
        Assert.That(result.CommandsReplayed, Is.EqualTo(written.Length - at));
        Assert.That(result.NextSequence, Is.EqualTo(written.Length));
        Assert.That(result.Core.StateHash(), Is.EqualTo(JournalKit.Replay(directory.Path).Hash));
        Assert.That(result.Warnings, Is.Empty);
    }

    [Test]
    public void ADamagedNewestSnapshotFallsBackToAnOlderOneWithAWarning()
    {
        using var directory = new TempDirectory();
        Command[] written = JournalKit.WriteDirect(directory.Path, JournalKit.SampleFlow(200));
        var core = new ExchangeCore();
        string? older = null, newer = null;
        for (int i = 0; i < written.Length; i++)
        {
            Command c = written[i];
            core.Execute(ref c, NullSink.Instance);
            if (i == 60) older = SnapshotPayload.Save(core, directory.Path, durable: false);
            if (i == 150) newer = SnapshotPayload.Save(core, directory.Path, durable: false);
        }
        JournalDamage.FlipBit(newer!, new FileInfo(newer!).Length / 2, 3);
        var warnings = new List<string>();
        RecoveryResult result = JournalRecovery.Recover(directory.Path, new RecoveryOptions { Warn = warnings.Add });
        Assert.That(result.SnapshotSequence, Is.EqualTo(60));
        Assert.That(warnings.Single(), Does.Contain(newer).And.Contain("skipped"));
        Assert.That(result.Core.StateHash(), Is.EqualTo(core.StateHash()));
        Assert.That(older, Is.Not.Null);
    }

    [Test]
    public void TheJournalWriterWritesSnapshotsAfterMakingTheJournalDurable()
    {
        using var directory = new TempDirectory();
        Command[] flow = JournalKit.SampleFlow(40);
        for (int i = 0; i < flow.Length; i++) { flow[i].Sequence = i; flow[i].Timestamp = TradingScenario.Start + i; }
        var core = new ExchangeCore();
        using var writer = new JournalWriter(directory.Path);
        writer.OnCommands(flow, true);
        foreach (Command command in flow) { Command c = command; core.Execute(ref c, NullSink.Instance); }
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        core.WriteSnapshot(buffer);
        writer.OnSnapshot(core.LastSequence, buffer.WrittenSpan);
        writer.OnCheckpoint(core.LastSequence, core.StateHash());
        RecoveryResult result = JournalRecovery.Recover(directory.Path);
        Assert.That(result.SnapshotSequence, Is.EqualTo(flow.Length - 1));
        Assert.That(result.CommandsReplayed, Is.Zero);
        Assert.That(result.Core.StateHash(), Is.EqualTo(core.StateHash()));
    }

    [Test]
    public void ASnapshotNewerThanTheJournalEndIsRefusedNotSilentlyTrusted()
    {
        using var directory = new TempDirectory();
        Command[] written = JournalKit.WriteDirect(directory.Path, JournalKit.SampleFlow(100));
        var core = new ExchangeCore();
        foreach (Command command in written) { Command c = command; core.Execute(ref c, NullSink.Instance); }
        SnapshotPayload.Save(core, directory.Path, durable: false);
        (string file, long offset, _) = JournalDamage.Records(directory.Path)[50];
        JournalDamage.Truncate(file, offset);
        var e = Assert.Throws<TokenMatch.Journal.Reading.JournalCorruptException>(() => JournalRecovery.Recover(directory.Path));
        Assert.That(e!.Problem, Does.Contain("missing from the journal"));
    }
}
