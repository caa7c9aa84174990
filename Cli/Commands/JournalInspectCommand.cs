using System.CommandLine;
using TokenMatch.Formats.Scripts;
using TokenMatch.Journal.Reading;

namespace TokenMatch.Cli.Commands;

/// <summary><c>tokenmatch journal inspect &lt;dir&gt;</c>: prints what <see cref="JournalInspection"/> found.</summary>
public static class JournalInspectCommand
{
    /// <summary>The <c>inspect</c> subcommand.</summary>
    public static System.CommandLine.Command Create()
    {
        var directory = new Argument<DirectoryInfo>("dir") { Description = "The journal directory" };
        var command = new System.CommandLine.Command("inspect", "List segments, records per command type, sequence and time ranges, markets, checkpoints and snapshots") { directory };
        command.SetAction(r => Run(r.GetRequiredValue(directory).FullName, r.InvocationConfiguration.Output, r.InvocationConfiguration.Error));
        return command;
    }

    /// <summary>Inspects <paramref name="directory"/>; exit 0 when whole, 7 when damaged before its tail.</summary>
    public static int Run(string directory, TextWriter output, TextWriter error)
    {
        if (!Directory.Exists(directory))
        {
            error.WriteLine($"tokenmatch journal inspect: no such directory: {directory}");
            return ExitCodes.FileError;
        }
        JournalInspection j = JournalInspection.Of(directory);
        output.WriteLine($"journal: {directory}");
        output.WriteLine($"segments: {j.Segments.Count}");
        foreach (SegmentSummary s in j.Segments)
            output.WriteLine($"  {Path.GetFileName(s.Path)}  {s.Length} bytes  commands {s.FirstSequence} to {s.LastSequence} ({s.Commands}), {s.Checkpoints} checkpoint(s)");
        output.WriteLine($"commands: {j.Commands}" + (j.Commands > 0 ? $", sequences {j.FirstSequence} to {j.LastSequence}" : ""));
        if (j.Commands > 0)
        {
            output.WriteLine($"time: {ScriptTime.Format(j.FirstTime)} to {ScriptTime.Format(j.LastTime)}");
            output.WriteLine("by type: " + string.Join(", ", j.CommandsByType.Select(p => $"{ReplayCommand.Name(p.Key)} {p.Value}")));
        }
        output.WriteLine("markets: " + (j.Markets.Count == 0 ? "none created" : string.Join(", ", j.Markets.Select(m => $"{m.Key} {m.Value}"))));
        output.WriteLine($"checkpoints: {j.Checkpoints.Count}" + (j.Checkpoints.Count > 0
            ? $", first at {j.Checkpoints[0].Sequence} ({j.Checkpoints[0].Hash:x16}), last at {j.Checkpoints[^1].Sequence} ({j.Checkpoints[^1].Hash:x16})" : ""));
        output.WriteLine($"snapshots: {j.Snapshots.Count}");
        foreach ((string path, long sequence, string? problem) in j.Snapshots)
            output.WriteLine($"  {Path.GetFileName(path)}  after command {sequence}: {problem ?? "whole"}");
        if (j.Torn is not null) output.WriteLine($"tail: {j.Torn} (start-up cuts it off)");
        if (j.Damage is not null)
        {
            output.WriteLine($"DAMAGED: {j.Damage.Message}");
            return ReplayCommand.JournalDamaged;
        }
        return ExitCodes.Ok;
    }
}
