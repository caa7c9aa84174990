using System.Text;
using TokenMatch.Cli.Io;
using TokenMatch.Formats.Lobster;
using TokenMatch.Formats.Scripts;

namespace TokenMatch.Cli.Commands;

/// <summary>
/// <c>tokenmatch import lobster</c>: loads a day, replays it, writes the optional book export, and
/// reports the first mismatches and then the summary line, last. Exit codes: the shared
/// <see cref="ExitCodes"/> (0 every row matched, 2 a damaged row, 3 a file that cannot be read or
/// written) and <see cref="Mismatched"/>.
/// </summary>
public static class LobsterImport
{
    /// <summary>Exit code when some rows mismatched or the engine rejected a command.</summary>
    public const int Mismatched = 5;

    /// <summary>Runs an import and writes its report to <paramref name="output"/> (errors to <paramref name="error"/>).</summary>
    /// <param name="messagePath">Message file, csv or zip.</param>
    /// <param name="orderbookPath">Orderbook file, csv or zip.</param>
    /// <param name="levels">Levels to compare and export; null for all of the file's.</param>
    /// <param name="date">Trading day (yyyy-MM-dd) when the file name does not carry it.</param>
    /// <param name="exportBookPath">Where to write the engine's book after every row, or null.</param>
    /// <param name="scriptPath">Where to write the commands run as a command script, or null.</param>
    /// <param name="output">Receives the report.</param>
    /// <param name="error">Receives input errors.</param>
    /// <param name="journalPath">A new directory to write the commands run as a journal, or null.</param>
    /// <param name="strict">Treat warnings (no date anywhere) as errors.</param>
    public static int Run(string messagePath, string orderbookPath, int? levels, string? date, string? exportBookPath,
        string? scriptPath, TextWriter output, TextWriter error, string? journalPath = null, bool strict = false)
    {
        if (CliPaths.Clash([messagePath, orderbookPath], [exportBookPath, scriptPath]) is var (clashOut, clashIn))
        {
            error.WriteLine($"tokenmatch import lobster: refusing to write {clashOut}: it is the input {clashIn}");
            return ExitCodes.FileError;
        }
        LobsterDay day;
        try
        {
            long? midnight = date is null ? null : LobsterDay.MidnightOf(date, "--date");
            day = LobsterDay.Load(messagePath, orderbookPath, midnight);
            if (!day.DateKnown)
            {
                error.WriteLine($"{(strict ? "error" : "warning")}: {messagePath}: the file name carries no date and no --date was given: " +
                                "the day is taken as 1970-01-01");
                if (strict)
                {
                    error.WriteLine("tokenmatch import lobster: 1 warning(s) and --strict: nothing was run");
                    return ExitCodes.BadInput;
                }
            }
            if (levels is { } n && (n < 1 || n > day.Orderbook.Levels))
            {
                error.WriteLine($"--levels {n}: the orderbook file has {day.Orderbook.Levels} level(s)");
                return ExitCodes.BadInput;
            }
        }
        catch (LobsterFormatException e)
        {
            error.WriteLine($"tokenmatch import lobster: {e.Message}");
            return ExitCodes.BadInput;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            error.WriteLine($"tokenmatch import lobster: cannot read the input: {e.Message}");
            return ExitCodes.FileError;
        }

        ReplaySummary summary;
        try
        {
            using StreamWriter? export = exportBookPath is null ? null : OpenText(exportBookPath);
            var options = new ReplayOptions { Levels = levels, BookExport = export, RecordCommands = scriptPath is not null || journalPath is not null };
            summary = new LobsterReplayer(day, options).Run();
            if (scriptPath is not null)
            {
                using StreamWriter script = OpenText(scriptPath);
                WriteScript(script, day, summary.Commands);
            }
            if (journalPath is not null) WriteJournal(journalPath, summary.Commands);
        }
        catch (LobsterFormatException e)
        {
            error.WriteLine($"tokenmatch import lobster: {e.Message}");
            return ExitCodes.BadInput;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"tokenmatch import lobster: cannot write: {e.Message}{RemovePartial(exportBookPath, scriptPath)}");
            return ExitCodes.FileError;
        }
        Report(summary, output);
        if (!day.DateKnown) output.WriteLine("warnings: 1 (no date: the day is 1970-01-01)");
        return summary.Mismatched == 0 && summary.Rejected == 0 ? ExitCodes.Ok : Mismatched;
    }

    /// <summary>Writes the commands of a replay as a command script (docs/command-script.md) that <c>tokenmatch run</c> replays.</summary>
    public static void WriteScript(TextWriter writer, LobsterDay day, IEnumerable<TokenMatch.Commands.Command> commands)
    {
        writer.WriteLine($"# tokenmatch import lobster: {day.Symbol}, {day.Messages.Length} message rows, replayed with the seeding and window rules of docs/lobster.md");
        ScriptWriter.WriteAll(writer, commands);
    }

    // After a failed write neither output can be trusted to be whole: remove the regular files among them.
    private static string RemovePartial(params string?[] paths)
    {
        var removed = new List<string>();
        foreach (string? path in paths)
        {
            if (path is null || !FileIdentity.IsRegularFile(path)) continue;
            try
            {
                File.Delete(path);
                removed.Add(path);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Left in place; the message below names only what was removed.
            }
        }
        return removed.Count == 0 ? "" : $"; removed the partial {string.Join(" and ", removed)}";
    }

    /// <summary>Writes the commands of a replay as a journal (sequences from 0, a checkpoint at the end) that <c>tokenmatch replay</c> re-runs to the same state hash.</summary>
    public static void WriteJournal(string directory, IEnumerable<TokenMatch.Commands.Command> commands)
    {
        var core = new TokenMatch.Core.ExchangeCore();
        using var recorder = new TokenMatch.Journal.Writing.JournalRecorder(directory);
        foreach (TokenMatch.Commands.Command recorded in commands)
        {
            TokenMatch.Commands.Command command = recorded;
            recorder.Record(ref command);
            core.Execute(ref command, TokenMatch.Journal.Replay.NullEventSink.Instance);
            recorder.Ran(core);
        }
        recorder.Complete(core);
    }

    private static StreamWriter OpenText(string path) => new(path, append: false, new UTF8Encoding(false)) { NewLine = "\n" };

    /// <summary>Writes the first mismatches and rejections, a state-hash line, then the summary line last.</summary>
    public static void Report(ReplaySummary summary, TextWriter output)
    {
        foreach (ReplayMismatch mismatch in summary.Mismatches) output.WriteLine(mismatch);
        foreach (string rejection in summary.Rejections) output.WriteLine(rejection);
        if (summary.Rejected > 0) output.WriteLine($"rejected commands: {summary.Rejected}");
        if (summary.Unresolved > 0) output.WriteLine($"messages naming no order the replay knows: {summary.Unresolved}");
        output.WriteLine($"seeded: {summary.Seeded}, aggressive orders: {summary.AggressiveOrders}, state hash: {summary.FinalStateHash:x16}");
        output.WriteLine(summary.SummaryLine);
    }
}
