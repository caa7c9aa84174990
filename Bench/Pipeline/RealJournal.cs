using System.Globalization;
using TokenMatch.Journal.Writing;

namespace TokenMatch.Bench.Pipeline;

/// <summary>
/// The real journal (<see cref="JournalWriter"/>, the <c>Journal/</c> project) under the pipeline
/// harnesses, in a fresh temporary directory removed afterwards: <c>--journal journal-batch</c>,
/// <c>journal-interval</c> (fsync at most every <c>--interval-us</c>) or <c>journal-none</c>.
/// </summary>
public sealed class RealJournal : IDisposable
{
    private readonly string _directory;

    private RealJournal(string directory, JournalWriter writer)
    {
        _directory = directory;
        Writer = writer;
    }

    /// <summary>The writer the host journals to.</summary>
    public JournalWriter Writer { get; }

    /// <summary>A real journal for <paramref name="kind"/>, or null when the kind names a stand-in.</summary>
    public static RealJournal? For(string kind, long intervalMicroseconds)
    {
        FsyncPolicy? policy = kind switch
        {
            "journal-batch" => FsyncPolicy.Batch,
            "journal-interval" => FsyncPolicy.Interval,
            "journal-none" => FsyncPolicy.None,
            _ => null,
        };
        if (policy is null) return null;
        string directory = Path.Combine(Path.GetTempPath(), $"tokenmatch-bench-journal-{Environment.ProcessId}");
        if (Directory.Exists(directory)) Directory.Delete(directory, recursive: true);
        var writer = new JournalWriter(directory, 0, new JournalWriterOptions
        {
            Fsync = policy.Value, FsyncIntervalMicroseconds = intervalMicroseconds, SegmentSize = 1L << 30,
        });
        return new RealJournal(directory, writer);
    }

    /// <summary>What the writer did, in one line.</summary>
    public string Describe(long commands) => string.Create(CultureInfo.InvariantCulture,
        $"journal: {Writer.CommandsWritten:N0} records, {Writer.BytesWritten / (1 << 20):N0} MiB, {Writer.Fsyncs:N0} fsyncs ({(double)commands / Math.Max(1, Writer.Fsyncs):F0} commands each), {Writer.SegmentsStarted} segment(s)");

    /// <inheritdoc/>
    public void Dispose()
    {
        Writer.Dispose();
        Directory.Delete(_directory, recursive: true);
    }
}
