using TokenMatch.Commands;
using TokenMatch.Journal.Replay;
using TokenMatch.Journal.Writing;
using TokenMatch.Tests.Journal.Support;
using TokenMatch.Tests.Pipeline.Support;

namespace TokenMatch.Tests.Journal.Replay;

/// <summary>Replay's summary, checkpoint verification and --until.</summary>
public sealed class ReplayTests
{
    private static Command[] Flow()
    {
        Command[] flow = JournalKit.SampleFlow(200, seed: 3);
        for (int i = 0; i < flow.Length; i++) flow[i].Timestamp = TradingScenario.Start + i * 1_000_000_000L;
        return flow;
    }

    [Test]
    public void VerifyMatchesEveryRecordedCheckpoint()
    {
        using var directory = new TempDirectory();
        Command[] flow = Flow();
        ulong live = RecordedJournal.Write(directory.Path, flow, checkpointInterval: 25);
        JournalReplaySummary s = JournalReplay.Run(directory.Path, new JournalReplayOptions { Verify = true }).Summary;
        Assert.That(s.VerifyFailure, Is.Null);
        Assert.That(s.CheckpointsVerified, Is.EqualTo(s.Checkpoints));
        Assert.That(s.Checkpoints, Is.EqualTo(flow.Length / 25 + (flow.Length % 25 == 0 ? 0 : 1)));
        Assert.That(s.FinalStateHash, Is.EqualTo(live));
        Assert.That(s.Commands, Is.EqualTo(flow.Length));
        Assert.That(s.CommandsByType[CommandType.Place], Is.EqualTo(200));
        Assert.That((s.FirstTime, s.LastTime), Is.EqualTo((flow[0].Timestamp, flow[^1].Timestamp)));
    }

    [Test]
    public void VerifyStopsAtTheFirstCheckpointThatDiffersNamingItsSequence()
    {
        using var directory = new TempDirectory();
        Command[] flow = Flow();
        RecordedJournal.Write(directory.Path, flow, checkpointInterval: 1_000_000);
        // A checkpoint claiming another hash at command 40, appended after the others.
        using (var writer = new JournalWriter(directory.Path, flow.Length, new JournalWriterOptions { Fsync = FsyncPolicy.None }))
            writer.OnCheckpoint(40, 0x1234);
        JournalReplaySummary s = JournalReplay.Run(directory.Path, new JournalReplayOptions { Verify = true }).Summary;
        Assert.That(s.VerifyFailure?.Sequence, Is.EqualTo(40));
        Assert.That(s.VerifyFailure?.Recorded, Is.EqualTo(0x1234UL));
        Assert.That(s.LastSequence, Is.EqualTo(40));
    }

    [Test]
    public void UntilStopsAtASequenceOrATime()
    {
        using var directory = new TempDirectory();
        Command[] flow = Flow();
        RecordedJournal.Write(directory.Path, flow);
        JournalReplaySummary bySequence = JournalReplay.Run(directory.Path, new JournalReplayOptions { UntilSequence = 99 }).Summary;
        Assert.That((bySequence.Commands, bySequence.LastSequence, bySequence.StoppedEarly), Is.EqualTo((100L, 99L, true)));
        JournalReplaySummary byTime = JournalReplay.Run(directory.Path, new JournalReplayOptions { UntilTime = flow[120].Timestamp }).Summary;
        Assert.That(byTime.LastSequence, Is.EqualTo(120));
        // The state at 99 is the state of the first 100 commands run alone.
        using var prefix = new TempDirectory();
        ulong first100 = RecordedJournal.Write(prefix.Path, flow[..100]);
        Assert.That(bySequence.FinalStateHash, Is.EqualTo(first100));
    }
}
