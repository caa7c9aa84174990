using TokenMatch.Pipeline;

namespace TokenMatch.Bench.Pipeline;

/// <summary>
/// The journal a pipeline harness runs with, chosen by <c>--journal</c>: <c>none</c>, the file
/// stand-ins <c>batch</c> and <c>interval</c> (<see cref="FileJournal"/>), or the real journal
/// <c>journal-batch</c>, <c>journal-interval</c>, <c>journal-none</c> (<see cref="RealJournal"/>).
/// Disposing it removes what it wrote.
/// </summary>
public sealed class BenchJournal : IDisposable
{
    private readonly string _path;

    private BenchJournal(string path, FileJournal? file, RealJournal? real)
    {
        _path = path;
        File = file;
        Real = real;
    }

    /// <summary>The file stand-in, when chosen.</summary>
    public FileJournal? File { get; }

    /// <summary>The real journal, when chosen.</summary>
    public RealJournal? Real { get; }

    /// <summary>What the host journals to.</summary>
    public IJournalConsumer Consumer => (IJournalConsumer?)Real?.Writer ?? (IJournalConsumer?)File ?? NullJournalConsumer.Instance;

    /// <summary>Opens the journal <paramref name="kind"/> names; <paramref name="name"/> tells the harness's temporary files apart.</summary>
    public static BenchJournal Open(string kind, long intervalMicroseconds, string name)
    {
        string path = Path.Combine(Path.GetTempPath(), $"tokenmatch-{name}-{Environment.ProcessId}.journal");
        RealJournal? real = RealJournal.For(kind, intervalMicroseconds);
        FileJournal? file = kind switch
        {
            "none" => null,
            _ when real is not null => null,
            "batch" => new FileJournal(path, 0),
            "interval" => new FileJournal(path, intervalMicroseconds),
            _ => throw new ArgumentException($"--journal {kind}: expected none, batch, interval (file stand-ins) or journal-batch, journal-interval, journal-none (the real journal)"),
        };
        return new BenchJournal(path, file, real);
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        Real?.Dispose();
        if (File is null) return;
        File.Dispose();
        System.IO.File.Delete(_path);
    }
}
