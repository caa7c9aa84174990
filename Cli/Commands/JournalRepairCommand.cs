using System.CommandLine;
using TokenMatch.Journal.Reading;

namespace TokenMatch.Cli.Commands;

/// <summary>
/// <c>tokenmatch journal repair &lt;dir&gt; [--yes]</c>: prints exactly what truncating at the first
/// bad record drops (<see cref="JournalRepair"/>); changes files only with <c>--yes</c>.
/// </summary>
public static class JournalRepairCommand
{
    /// <summary>The <c>repair</c> subcommand.</summary>
    public static System.CommandLine.Command Create()
    {
        var directory = new Argument<DirectoryInfo>("dir") { Description = "The journal directory" };
        var yes = new Option<bool>("--yes") { Description = "Really truncate and delete what is listed" };
        var command = new System.CommandLine.Command("repair", "Show what truncating the journal at its first bad record would drop; do it with --yes") { directory, yes };
        command.SetAction(r => Run(r.GetRequiredValue(directory).FullName, r.GetValue(yes), r.InvocationConfiguration.Output, r.InvocationConfiguration.Error));
        return command;
    }

    /// <summary>Plans (and with <paramref name="yes"/> applies) the repair.</summary>
    public static int Run(string directory, bool yes, TextWriter output, TextWriter error)
    {
        if (!Directory.Exists(directory))
        {
            error.WriteLine($"tokenmatch journal repair: no such directory: {directory}");
            return ExitCodes.FileError;
        }
        JournalRepair plan = JournalRepair.Plan(directory);
        if (plan.Problem is null)
        {
            output.WriteLine($"nothing to repair: {plan.CommandsKept} commands, every record whole");
            return ExitCodes.Ok;
        }
        output.WriteLine($"first bad record: {plan.Problem}");
        output.WriteLine($"kept: {plan.CommandsKept} commands (up to sequence {plan.LastKept})");
        output.WriteLine(yes ? "dropping:" : "would drop:");
        foreach ((string file, long offset, long bytes) in plan.Drops)
            output.WriteLine(offset == 0 ? $"  {file}: the whole file ({bytes} bytes)" : $"  {file}: from offset {offset} to its end ({bytes} bytes)");
        if (!yes)
        {
            output.WriteLine("nothing changed; run again with --yes to do it");
            return ExitCodes.Ok;
        }
        plan.Apply();
        output.WriteLine("done");
        return ExitCodes.Ok;
    }
}
