using TokenMatch.Cli.Io;
using TokenMatch.Cli.Summary;
using TokenMatch.Commands;
using TokenMatch.Core;
using TokenMatch.Formats.Scripts;
using TokenMatch.Journal.Writing;

namespace TokenMatch.Cli.Commands;

/// <summary>
/// <c>tokenmatch run &lt;script|-&gt; [--events &lt;file.csv|-&gt;] [--json] [--strict] [--check]</c>:
/// runs a command script (docs/command-script.md) through a new engine, writes every event as CSV
/// when asked, and prints a summary whose last line is <c>state hash: </c> and the 16-digit hex hash.
/// The script is read once and parsed whole before anything runs, so a bad line runs nothing and
/// writes no events, and a pipe or standard input works as well as a file.
/// </summary>
public static class RunCommand
{
    /// <summary>What <c>--help</c> says about the events file: its units, and price against exec_price.</summary>
    public const string EventsHelp =
        "Write every event to this CSV file ('-' for standard output; the summary then goes to standard error). " +
        "Units: price, exec_price, fee, other_fee in micro-credits per lot (1c = 1,000,000), qty and remaining in lots, " +
        "time ISO-8601 UTC to the nanosecond. price is an FTE price (what the lot would cost at cycle start; for a trade " +
        "the resting order's), exec_price what a trade paid per lot: eff(price, time) = price x D(time), rounded to the tick";

    /// <summary>The <c>run</c> subcommand.</summary>
    public static System.CommandLine.Command Create()
    {
        var script = new System.CommandLine.Argument<string>("script")
        {
            Description = "The command script to run (docs/command-script.md); '-' reads standard input",
        };
        var events = new System.CommandLine.Option<string>("--events") { Description = EventsHelp, HelpName = "file.csv|-" };
        var json = new System.CommandLine.Option<bool>("--json") { Description = "Print the summary as one JSON object (docs/command-script.md)" };
        var strict = new System.CommandLine.Option<bool>("--strict") { Description = "Treat warnings (a time earlier than the line before) as errors: exit 2, run nothing" };
        var check = new System.CommandLine.Option<bool>("--check") { Description = "Parse and check the script, print its warnings, run nothing" };
        var journal = new System.CommandLine.Option<DirectoryInfo>("--journal")
        {
            Description = "Also write the commands run as a journal (a new directory) that `tokenmatch replay` re-runs to the same hash",
            HelpName = "dir",
        };
        var command = new System.CommandLine.Command("run", "Run a command script through a new engine and print a summary and the final state hash")
        {
            script, events, json, strict, check, journal,
        };
        command.SetAction(result => Run(
            new RunSettings(result.GetRequiredValue(script))
            {
                Events = result.GetValue(events), Json = result.GetValue(json), Strict = result.GetValue(strict), Check = result.GetValue(check),
                Journal = result.GetValue(journal)?.FullName,
            },
            Program.StandardInput, result.InvocationConfiguration.Output, result.InvocationConfiguration.Error));
        return command;
    }

    /// <summary>Runs <paramref name="script"/> with its events to <paramref name="events"/> (kept for callers of the first CLI).</summary>
    public static int Run(FileInfo script, FileInfo? events, TextWriter output, TextWriter error, string? journal = null) =>
        Run(new RunSettings(script.ToString()) { Events = events?.FullName, Journal = journal }, TextReader.Null, output, error);

    /// <summary>Runs a script as <paramref name="settings"/> say; returns an <see cref="ExitCodes"/> value.</summary>
    public static int Run(RunSettings settings, TextReader stdin, TextWriter output, TextWriter error)
    {
        string name = CliPaths.InputName(settings.Script);
        if (CliPaths.Clash([settings.Script], [settings.Events]) is var (clashOut, _))
        {
            error.WriteLine($"tokenmatch run: refusing to write the events to {clashOut}: it is the script being run");
            return ExitCodes.FileError;
        }
        LoadedScript? script = ScriptInput.Load("run", settings.Script, settings.Strict, stdin, error, out int code);
        if (script is null) return code;

        if (settings.Check)
        {
            if (settings.Json) SummaryJson.Write(output, name, null, null, script.Commands.Count, script.Warnings, name);
            else output.WriteLine($"{name}: {script.Commands.Count} commands parse; {script.Warnings.Count} warning(s); nothing was run");
            return ExitCodes.Ok;
        }

        EventOutput? events = null;
        if (settings.Events is not null)
        {
            try
            {
                events = EventOutput.Open(settings.Events, output);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                error.WriteLine($"tokenmatch run: cannot write {settings.Events}: {e.Message}");
                return ExitCodes.FileError;
            }
        }
        JournalRecorder? recorder;
        try
        {
            recorder = settings.Journal is null ? null : new JournalRecorder(settings.Journal);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            events?.Dispose();
            error.WriteLine($"tokenmatch run: cannot write the journal: {e.Message}");
            return ExitCodes.FileError;
        }
        using (recorder)
        using (events)
        {
            TextWriter summary = events is { IsStandardOutput: true } ? error : output;
            return Execute(script, name, events, settings.Json, summary, error, recorder);
        }
    }

    private static int Execute(LoadedScript script, string name, EventOutput? events, bool json, TextWriter summary, TextWriter error,
        JournalRecorder? recorder)
    {
        EventCsvWriter? csv = events is null ? null : new EventCsvWriter(events.Writer);
        var stats = new RunStats(csv);
        var core = new ExchangeCore();
        int line = 0;
        // Set around the journal's calls, so that its I/O failure is told apart from the events file's.
        bool journaling = false;
        try
        {
            csv?.WriteUnitsLine();
            csv?.WriteHeader();
            long sequence = 0;
            foreach ((int at, Command parsed) in script.Commands)
            {
                line = at;
                Command command = parsed;
                command.Sequence = sequence++;
                journaling = true;
                recorder?.Record(ref command);
                journaling = false;
                core.Execute(ref command, stats);
                journaling = true;
                recorder?.Ran(core);
                journaling = false;
                string? detail = command.Result == ResultCode.InvalidMarketSpec ? MarketSpecCheck.FirstFailure(command) : null;
                stats.Record(at, command, detail);
            }
            events?.Flush();
            journaling = true;
            recorder?.Complete(core);
            journaling = false;
        }
        catch (Exception e) when (journaling && e is (IOException or UnauthorizedAccessException))
        {
            error.WriteLine($"tokenmatch run: cannot write the journal: {e.Message} (stopped at {name}:{line})");
            return ExitCodes.FileError;
        }
        catch (IOException e) when (events is not null)
        {
            string fate = events.Abandon();
            error.WriteLine($"tokenmatch run: cannot write the events to {events.Name}: {e.Message} (stopped at {name}:{line}); {fate}");
            return ExitCodes.FileError;
        }
        catch (Exception e) when (e is not IOException)
        {
            error.WriteLine($"{name}:{line}: the engine failed on this command (a bug): {e}");
            return ExitCodes.EngineError;
        }

        if (json) SummaryJson.Write(summary, name, stats, core, script.Commands.Count, script.Warnings, name);
        else SummaryText.Write(summary, stats, core, script.Warnings.Count, eventsWritten: events is not null);
        return ExitCodes.Ok;
    }
}
