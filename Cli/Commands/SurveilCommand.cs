using System.Text.Json;
using TokenMatch.Cli.Io;
using TokenMatch.Commands;
using TokenMatch.Formats.Scripts;
using TokenMatch.Journal.Format;
using TokenMatch.Journal.Reading;
using TokenMatch.Surveillance;
using TokenMatch.Surveillance.Alerts;
using TokenMatch.Surveillance.Config;
using TokenMatch.Surveillance.Detectors;
using TokenMatch.Surveillance.Hosting;

namespace TokenMatch.Cli.Commands;

/// <summary>
/// <c>tokenmatch surveil &lt;journal-dir|script|-&gt; [--alerts &lt;file.jsonl&gt;] [--config &lt;file.json&gt;]</c>:
/// replays a journal directory (its recorded sequences and timestamps) or runs a command script
/// through a new engine with the surveillance detectors (docs/surveillance.md), prints the alerts
/// as a table and a summary per detector, and appends them to an alert log as JSON lines when asked.
/// </summary>
public static class SurveilCommand
{
    /// <summary>The <c>surveil</c> subcommand.</summary>
    public static System.CommandLine.Command Create()
    {
        var input = new System.CommandLine.Argument<string>("input")
        {
            Description = "A journal directory (docs/journal-format.md) or a command script (docs/command-script.md) to survey; '-' reads standard input",
        };
        var alerts = new System.CommandLine.Option<string>("--alerts") { Description = "Append every alert to this file as JSON lines", HelpName = "file.jsonl" };
        var config = new System.CommandLine.Option<string>("--config") { Description = "Detector thresholds and responses as JSON (docs/surveillance.md); defaults otherwise", HelpName = "file.json" };
        var command = new System.CommandLine.Command("surveil", "Run the surveillance detectors over a journal or a command script and print the alerts")
        {
            input, alerts, config,
        };
        command.SetAction(result => Run(result.GetRequiredValue(input), result.GetValue(alerts), result.GetValue(config),
            Program.StandardInput, result.InvocationConfiguration.Output, result.InvocationConfiguration.Error));
        return command;
    }

    /// <summary>Surveys <paramref name="input"/>; returns an <see cref="ExitCodes"/> value.</summary>
    public static int Run(string input, string? alertsPath, string? configPath, TextReader stdin, TextWriter output, TextWriter error)
    {
        SurveillanceConfig config;
        try
        {
            config = configPath is null ? new SurveillanceConfig() : SurveillanceConfig.FromJson(File.ReadAllText(configPath));
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            error.WriteLine($"tokenmatch surveil: configuration not found: {configPath}");
            return ExitCodes.FileError;
        }
        catch (Exception e) when (e is JsonException or ArgumentException)
        {
            error.WriteLine($"tokenmatch surveil: {configPath}: {e.Message}");
            return ExitCodes.BadInput;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"tokenmatch surveil: cannot read {configPath}: {e.Message}");
            return ExitCodes.FileError;
        }
        if (alertsPath is not null && CliPaths.Clash([input, configPath], [alertsPath]) is var (clash, _))
        {
            error.WriteLine($"tokenmatch surveil: refusing to write the alerts to {clash}: it is an input");
            return ExitCodes.FileError;
        }
        bool journal = Directory.Exists(input);
        IEnumerable<Command> commands;
        if (journal) commands = ReadJournal(input);
        else
        {
            LoadedScript? script = ScriptInput.Load("surveil", input, false, stdin, error, out int code);
            if (script is null) return code;
            commands = script.Commands.Select(c => c.Command);
        }

        AlertLog? log = null;
        try
        {
            if (alertsPath is not null) log = new AlertLog(alertsPath);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"tokenmatch surveil: cannot write {alertsPath}: {e.Message}");
            return ExitCodes.FileError;
        }
        using (log)
        {
            var engine = new SurveillanceEngine(config);
            engine.OnDetectorError = (name, e) => error.WriteLine($"tokenmatch surveil: detector {name} failed and was switched off: {e.Message}");
            if (log is not null) engine.Alerts.Subscribe(log);
            ulong hash;
            try
            {
                // A journal keeps its recorded sequences; a script is numbered 0, 1, 2, … like `run` does.
                hash = OfflineSurveillance.Run(commands, engine, renumber: !journal).StateHash();
            }
            catch (JournalCorruptException e)
            {
                error.WriteLine($"tokenmatch surveil: {input}: {e.Message}");
                return ExitCodes.BadInput;
            }
            catch (IOException e)
            {
                error.WriteLine($"tokenmatch surveil: cannot write the alerts to {alertsPath}: {e.Message}");
                return ExitCodes.FileError;
            }
            PrintTable(output, engine.Raised);
            output.WriteLine();
            PrintSummary(output, engine);
            output.WriteLine($"commands: {engine.Records}; alerts: {engine.Raised.Count}; responses that would be taken: {engine.Responses.Count}");
            if (alertsPath is not null) output.WriteLine($"alerts appended to {alertsPath}");
            output.WriteLine($"state hash: {hash:x16}");
        }
        return ExitCodes.Ok;
    }

    /// <summary>The journal's commands in order, with their recorded sequences and timestamps (checkpoints skipped).</summary>
    private static IEnumerable<Command> ReadJournal(string directory)
    {
        var reader = new JournalReader(directory);
        var entry = new JournalEntry();
        while (reader.Read(ref entry))
            if (entry.Kind == RecordKind.Command) yield return entry.Command;
    }

    private static void PrintTable(TextWriter w, IReadOnlyList<Alert> alerts)
    {
        w.WriteLine($"{"id",4}  {"detector",-9}  {"severity",-8}  {"market",6}  {"sequences",-15}  {"accounts",-28}  summary");
        foreach (Alert a in alerts)
        {
            string accounts = a.Accounts.Count <= 4 ? string.Join(",", a.Accounts) : $"{string.Join(",", a.Accounts.Take(3))},… ({a.Accounts.Count})";
            string market = a.Market < 0 ? "-" : a.Market.ToString();
            w.WriteLine($"{a.Id,4}  {a.Detector,-9}  {a.Severity,-8}  {market,6}  {a.FirstSequence + ".." + a.LastSequence,-15}  {accounts,-28}  {a.Summary}");
        }
        if (alerts.Count == 0) w.WriteLine("(no alerts)");
    }

    private static void PrintSummary(TextWriter w, SurveillanceEngine engine)
    {
        w.WriteLine($"{"detector",-9}  {"alerts",6}  {"accounts",8}  {"high",4}  {"failures",8}");
        foreach (DetectorStats s in engine.Stats())
        {
            var mine = engine.Raised.Where(a => a.Detector == s.Name).ToArray();
            int accounts = mine.SelectMany(a => a.Accounts).Distinct().Count();
            w.WriteLine($"{s.Name,-9}  {s.Alerts,6}  {accounts,8}  {mine.Count(a => a.Severity == AlertSeverity.High),4}  {s.Failures,8}{(s.Disabled ? "  (switched off: " + s.LastError + ")" : "")}");
        }
    }
}
