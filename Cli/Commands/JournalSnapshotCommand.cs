using System.CommandLine;
using TokenMatch.Journal.Reading;
using TokenMatch.Journal.Recovery;
using TokenMatch.Journal.Snapshots;

namespace TokenMatch.Cli.Commands;

/// <summary><c>tokenmatch journal snapshot &lt;dir&gt;</c>: recovers the journal's state and writes it as a snapshot, so the next start-up replays only what follows.</summary>
public static class JournalSnapshotCommand
{
    /// <summary>The <c>snapshot</c> subcommand.</summary>
    public static System.CommandLine.Command Create()
    {
        var directory = new Argument<DirectoryInfo>("dir") { Description = "The journal directory (not in use by a running host)" };
        var command = new System.CommandLine.Command("snapshot", "Write a snapshot of the journal's current state into its snapshots/ folder") { directory };
        command.SetAction(r => Run(r.GetRequiredValue(directory).FullName, r.InvocationConfiguration.Output, r.InvocationConfiguration.Error));
        return command;
    }

    /// <summary>Recovers and snapshots <paramref name="directory"/>.</summary>
    public static int Run(string directory, TextWriter output, TextWriter error)
    {
        try
        {
            RecoveryResult recovered = JournalRecovery.Recover(directory, new RecoveryOptions { Warn = w => error.WriteLine("warning: " + w) });
            if (recovered.NextSequence == 0)
            {
                error.WriteLine($"tokenmatch journal snapshot: {directory} holds no command");
                return ExitCodes.BadInput;
            }
            string path = SnapshotPayload.Save(recovered.Core, directory);
            output.WriteLine($"snapshot after command {recovered.NextSequence - 1}: {path} ({new FileInfo(path).Length} bytes)");
            output.WriteLine($"state hash: {recovered.Core.StateHash():x16}");
            return ExitCodes.Ok;
        }
        catch (JournalCorruptException e)
        {
            error.WriteLine($"tokenmatch journal snapshot: {e.Message}");
            return ReplayCommand.JournalDamaged;
        }
    }
}
