using TokenMatch.Commands;
using TokenMatch.Journal.Recovery;
using TokenMatch.Journal.Replay;
using TokenMatch.Journal.Writing;
using TokenMatch.Pipeline;
using TokenMatch.Tests.Journal.Support;
using TokenMatch.Tests.Pipeline.Support;

namespace TokenMatch.Tests.Journal.Recovery;

/// <summary>The pipeline's checkpoints and snapshots land in the journal: replay verifies them, recovery starts from the newest snapshot.</summary>
public sealed class HostCheckpointTests
{
    [Test]
    [CancelAfter(120_000)]
    public void CheckpointsVerifyAndRecoveryStartsFromThePipelinesSnapshot()
    {
        using var directory = new TempDirectory();
        Command[] flow = JournalKit.SampleFlow(400);
        var writer = new JournalWriter(directory.Path, 0, new JournalWriterOptions { SegmentSize = 8_000 });
        var host = new EngineHost(new EngineHostOptions
        {
            Journal = writer, CommandRingSize = 64, CheckpointInterval = 50, SnapshotInterval = 150,
            Clock = new SteppingClock(TradingScenario.Start, 1_000_000),
        });
        host.Start();
        foreach (Command c in flow) Assert.That(host.Post(c), Is.EqualTo(ResultCode.Ok));
        Command snapshot = new() { Type = CommandType.Snapshot };
        Assert.That(host.Post(snapshot), Is.EqualTo(ResultCode.Ok));
        TestWait.Stop(host);
        Assert.That(host.Fault, Is.Null);
        ulong live = host.StateHashAsync().Result;
        writer.Dispose();

        JournalReplaySummary replay = JournalReplay.Run(directory.Path, new JournalReplayOptions { Verify = true }).Summary;
        Assert.That(replay.VerifyFailure, Is.Null);
        Assert.That(replay.Checkpoints, Is.GreaterThanOrEqualTo(flow.Length / 50));
        Assert.That(replay.CheckpointsVerified, Is.EqualTo(replay.Checkpoints));
        Assert.That(replay.FinalStateHash, Is.EqualTo(live));

        RecoveryResult recovered = JournalRecovery.Recover(directory.Path);
        Assert.That(recovered.SnapshotSequence, Is.EqualTo(flow.Length), "the snapshot command's own snapshot is the newest");
        Assert.That(recovered.CommandsReplayed, Is.Zero);
        Assert.That(recovered.Core.StateHash(), Is.EqualTo(live));
        Assert.That(TokenMatch.Journal.Format.JournalFiles.Snapshots(directory.Path), Has.Count.GreaterThanOrEqualTo(3));
    }
}
