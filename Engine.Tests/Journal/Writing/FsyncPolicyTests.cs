using TokenMatch.Commands;
using TokenMatch.Journal.Writing;
using TokenMatch.Tests.Journal.Support;

namespace TokenMatch.Tests.Journal.Writing;

/// <summary>The interval policy's timer fsyncs writes left unsynced when traffic stops.</summary>
public sealed class FsyncPolicyTests
{
    [Test]
    [CancelAfter(30_000)]
    public void UnderTheIntervalPolicyATimerSyncsTheLastBatchWhenTrafficStops()
    {
        using var directory = new TempDirectory();
        using var writer = new JournalWriter(directory.Path, 0, new JournalWriterOptions { Fsync = FsyncPolicy.Interval, FsyncIntervalMicroseconds = 60_000_000 });
        Command[] flow = JournalKit.SampleFlow(10);
        for (int i = 0; i < flow.Length; i++) flow[i].Sequence = i;
        writer.OnCommands(flow.AsSpan(0, 5), true);
        long first = writer.Fsyncs;
        writer.OnCommands(flow.AsSpan(5), true);
        // Within the interval: written to the OS (readable), not yet fsynced.
        Assert.That(JournalKit.ReadCommands(directory.Path), Has.Count.EqualTo(flow.Length));
        Assert.That(writer.Fsyncs, Is.EqualTo(first));

        using var fast = new TempDirectory();
        using var timed = new JournalWriter(fast.Path, 0, new JournalWriterOptions { Fsync = FsyncPolicy.Interval, FsyncIntervalMicroseconds = 2_000 });
        timed.OnCommands(flow.AsSpan(0, 5), true);
        timed.OnCommands(flow.AsSpan(5), true);
        DateTime deadline = DateTime.UtcNow.AddSeconds(20);
        while (timed.Fsyncs < 2 && DateTime.UtcNow < deadline) Thread.Sleep(5);
        Assert.That(timed.Fsyncs, Is.GreaterThanOrEqualTo(2), "the timer synced the second batch");
    }
}
