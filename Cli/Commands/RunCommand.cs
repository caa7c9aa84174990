using System.Text;
using TokenMatch.Formats.Scripts;
using TokenMatch.Commands;
using TokenMatch.Core;
using TokenMatch.Events;
using TokenMatch.Journal.Writing;

namespace TokenMatch.Cli.Commands;

/// <summary>
/// <c>tokenmatch run &lt;script&gt; [--events &lt;file.csv&gt;]</c>: runs a command script
/// (docs/command-script.md) through a new engine, writes every event as CSV when asked, prints a short
/// summary and, as the last line, <c>state hash: </c> and the 16-digit hex state hash.
/// The whole script is parsed before anything runs, so a bad line runs nothing and writes no events.
/// </summary>
public static class RunCommand
{
    /// <summary>Rejections listed one by one in the summary before the rest are only counted.</summary>
    public const int MaxListedRejections = 20;

    private static readonly EventType[] SummaryOrder =
    [
        EventType.Accepted, EventType.Rejected, EventType.Trade, EventType.Cancelled, EventType.Amended,
        EventType.Decremented, EventType.BookLevel, EventType.LotsExpired, EventType.MarketState,
    ];

    /// <summary>The <c>run</c> subcommand.</summary>
    public static System.CommandLine.Command Create()
    {
        var script = new System.CommandLine.Argument<FileInfo>("script")
        {
            Description = "The command script to run (docs/command-script.md)",
        };
        var events = new System.CommandLine.Option<FileInfo>("--events")
        {
            Description = "Write every event to this CSV file",
            HelpName = "file.csv",
        };
        var journal = new System.CommandLine.Option<DirectoryInfo>("--journal")
        {
            Description = "Also write the commands run as a journal (a new directory) that `tokenmatch replay` re-runs to the same hash",
            HelpName = "dir",
        };
        var command = new System.CommandLine.Command("run", "Run a command script through a new engine and print the final state hash")
        {
            script, events, journal,
        };
        command.SetAction(result => Run(
            result.GetRequiredValue(script), result.GetValue(events),
            result.InvocationConfiguration.Output, result.InvocationConfiguration.Error, result.GetValue(journal)?.FullName));
        return command;
    }

    /// <summary>Runs <paramref name="script"/>; returns an <see cref="ExitCodes"/> value.</summary>
    public static int Run(FileInfo script, FileInfo? events, TextWriter output, TextWriter error, string? journal = null)
    {
        string name = script.ToString();
        if (!script.Exists)
        {
            error.WriteLine($"tokenmatch run: script not found: {name}");
            return ExitCodes.FileError;
        }

        // First pass: the whole script must parse before anything runs.
        long commandCount = 0;
        try
        {
            using StreamReader reader = script.OpenText();
            foreach (var _ in ScriptReader.ReadAll(reader)) commandCount++;
        }
        catch (ScriptParseException e)
        {
            error.WriteLine($"{name}:{e.LineNumber}: field '{e.Field}': {e.Reason}");
            return ExitCodes.BadInput;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"tokenmatch run: cannot read {name}: {e.Message}");
            return ExitCodes.FileError;
        }

        StreamWriter? csv = null;
        try
        {
            if (events is not null)
            {
                try
                {
                    csv = new StreamWriter(events.FullName, append: false, new UTF8Encoding(false)) { NewLine = "\n" };
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    error.WriteLine($"tokenmatch run: cannot write {events}: {e.Message}");
                    return ExitCodes.FileError;
                }
            }
            JournalRecorder? recorder;
            try
            {
                recorder = journal is null ? null : new JournalRecorder(journal);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                error.WriteLine($"tokenmatch run: cannot write the journal: {e.Message}");
                return ExitCodes.FileError;
            }
            using (recorder) return Execute(script, name, csv, output, error, recorder);
        }
        finally
        {
            csv?.Dispose();
        }
    }

    private static int Execute(FileInfo script, string name, StreamWriter? csv, TextWriter output, TextWriter error, JournalRecorder? recorder)
    {
        EventCsvWriter? csvWriter = csv is null ? null : new EventCsvWriter(csv);
        csvWriter?.WriteHeader();
        var counter = new EventCounter(csvWriter);
        var core = new ExchangeCore();
        var rejections = new List<string>();
        long accepted = 0, rejected = 0, sequence = 0;

        using (StreamReader reader = script.OpenText())
        {
            foreach ((int line, Command parsed) in ScriptReader.ReadAll(reader))
            {
                Command command = parsed;
                command.Sequence = sequence++;
                recorder?.Record(ref command);
                try
                {
                    core.Execute(ref command, counter);
                    recorder?.Ran(core);
                }
                catch (Exception e)
                {
                    error.WriteLine($"{name}:{line}: the engine failed on this command (a bug): {e}");
                    return ExitCodes.EngineError;
                }
                if (command.Result == ResultCode.Ok)
                {
                    accepted++;
                    continue;
                }
                rejected++;
                if (rejections.Count < MaxListedRejections)
                    rejections.Add($"  line {line}: {ScriptVerbs.Find(command.Type)?.Name} rejected: {ScriptNames<ResultCode>.Name(command.Result)}");
            }
        }

        recorder?.Complete(core);
        output.WriteLine($"commands: {accepted + rejected} ({accepted} accepted, {rejected} rejected)");
        var byType = SummaryOrder.Where(t => counter.Count(t) > 0)
            .Select(t => $"{counter.Count(t)} {ScriptNames<EventType>.Name(t)}");
        output.WriteLine($"events: {counter.Total} ({string.Join(", ", byType)})");
        if (rejected > 0)
        {
            output.WriteLine("rejections:");
            foreach (string rejection in rejections) output.WriteLine(rejection);
            if (rejected > rejections.Count)
                output.WriteLine($"  ... and {rejected - rejections.Count} more (see the events file)");
        }
        output.WriteLine($"state hash: {core.StateHash():x16}");
        return ExitCodes.Ok;
    }
}
