using TokenMatch.Core;

namespace TokenMatch.Cli.Lobster;

/// <summary>
/// <c>tokenmatch import lobster</c>: loads a day, replays it, writes the optional book export, and
/// reports the first mismatches and then the summary line, last. Exit codes: 0 every row matched,
/// 1 some rows mismatched (or the engine rejected a command), 2 the input could not be read.
/// </summary>
public static class LobsterImport
{
    /// <summary>Exit code when every row matched.</summary>
    public const int Matched = 0;

    /// <summary>Exit code when some rows mismatched or a command was rejected.</summary>
    public const int Mismatched = 1;

    /// <summary>Exit code when the input could not be read.</summary>
    public const int BadInput = 2;

    /// <summary>Runs an import and writes its report to <paramref name="output"/> (errors to <paramref name="error"/>).</summary>
    /// <param name="messagePath">Message file, csv or zip.</param>
    /// <param name="orderbookPath">Orderbook file, csv or zip.</param>
    /// <param name="levels">Levels to compare and export; null for all of the file's.</param>
    /// <param name="date">Trading day (yyyy-MM-dd) when the file name does not carry it.</param>
    /// <param name="exportBookPath">Where to write the engine's book after every row, or null.</param>
    /// <param name="scriptPath">Where to write the commands run as a command script, or null.</param>
    /// <param name="output">Receives the report.</param>
    /// <param name="error">Receives input errors.</param>
    public static int Run(string messagePath, string orderbookPath, int? levels, string? date, string? exportBookPath,
        string? scriptPath, TextWriter output, TextWriter error)
    {
        LobsterDay day;
        try
        {
            long? midnight = date is null ? null : LobsterDay.MidnightOf(date, "--date");
            day = LobsterDay.Load(messagePath, orderbookPath, midnight);
            if (levels is { } n && (n < 1 || n > day.Orderbook.Levels))
            {
                error.WriteLine($"--levels {n}: the orderbook file has {day.Orderbook.Levels} level(s)");
                return BadInput;
            }
        }
        catch (Exception e) when (e is LobsterFormatException or IOException or UnauthorizedAccessException or InvalidDataException)
        {
            error.WriteLine(e.Message);
            return BadInput;
        }

        ReplaySummary summary;
        using (StreamWriter? export = exportBookPath is null ? null : new StreamWriter(exportBookPath))
        {
            var options = new ReplayOptions { Levels = levels, BookExport = export, RecordCommands = scriptPath is not null };
            summary = new LobsterReplayer(day, options).Run();
        }
        if (scriptPath is not null) LobsterScript.Write(scriptPath, summary.Commands);
        Report(summary, output);
        return summary.Mismatched == 0 && summary.Rejected == 0 ? Matched : Mismatched;
    }

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
