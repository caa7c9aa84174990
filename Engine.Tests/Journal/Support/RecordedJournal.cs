using TokenMatch.Commands;
using TokenMatch.Core;
using TokenMatch.Journal.Writing;

namespace TokenMatch.Tests.Journal.Support;

/// <summary>Writes commands (already stamped with their times) to a journal through a core, as <c>run --journal</c> does.</summary>
internal static class RecordedJournal
{
    /// <summary>Records and runs <paramref name="commands"/>; returns the final state hash.</summary>
    public static ulong Write(string directory, IEnumerable<Command> commands, long checkpointInterval = 50)
    {
        var core = new ExchangeCore();
        using var recorder = new JournalRecorder(directory, checkpointInterval, new JournalWriterOptions { Fsync = FsyncPolicy.None });
        foreach (Command c in commands)
        {
            Command command = c;
            recorder.Record(ref command);
            core.Execute(ref command, NullSink.Instance);
            recorder.Ran(core);
        }
        recorder.Complete(core);
        return core.StateHash();
    }
}
