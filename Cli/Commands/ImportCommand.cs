using System.CommandLine;
using TokenMatch.Formats.Lobster;

namespace TokenMatch.Cli.Commands;

/// <summary><c>tokenmatch import</c>: imports real exchange data; today <c>import lobster</c> (docs/lobster.md).</summary>
public static class ImportCommand
{
    /// <summary>Builds the <c>import</c> command with its <c>lobster</c> subcommand.</summary>
    public static Command Create()
    {
        var message = new Argument<string>("message") { Description = "LOBSTER message file (csv, or the day's zip)" };
        var orderbook = new Argument<string>("orderbook") { Description = "LOBSTER orderbook file (csv, or the day's zip)" };
        var levels = new Option<int?>("--levels") { HelpName = "N", Description = "Levels per side to compare and export (default: all of the file's)" };
        var script = new Option<string?>("--script") { HelpName = "file", Description = "Write the commands run as a command script for `tokenmatch run`" };
        var exportBook = new Option<string?>("--export-book") { HelpName = "file.csv", Description = "Write the engine's book after every row in LOBSTER's orderbook layout" };
        var date = new Option<string?>("--date") { HelpName = "yyyy-MM-dd", Description = "Trading day (yyyy-MM-dd) when the file name does not carry it (without either: 1970-01-01, with a warning)" };
        var journal = new Option<string?>("--journal") { HelpName = "dir", Description = "Write the commands run as a journal (a new directory) that `tokenmatch replay` re-runs to the same hash" };
        var strict = new Option<bool>("--strict") { Description = "Treat warnings (no date in the file name and no --date) as errors: exit 2" };

        var lobster = new Command("lobster", "Replay a LOBSTER day through the engine and compare its book with the orderbook file after every message")
        {
            message, orderbook, levels, script, exportBook, date, journal, strict,
        };
        lobster.SetAction(result => LobsterImport.Run(
            result.GetRequiredValue(message), result.GetRequiredValue(orderbook), result.GetValue(levels), result.GetValue(date),
            result.GetValue(exportBook), result.GetValue(script),
            result.InvocationConfiguration.Output, result.InvocationConfiguration.Error, result.GetValue(journal), result.GetValue(strict)));

        return new Command("import", "Import real exchange data") { lobster };
    }
}
