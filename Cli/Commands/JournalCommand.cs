namespace TokenMatch.Cli.Commands;

/// <summary><c>tokenmatch journal …</c>: inspect, repair and snapshot a journal directory.</summary>
public static class JournalCommand
{
    /// <summary>The <c>journal</c> subcommand and its own subcommands.</summary>
    public static System.CommandLine.Command Create()
    {
        var command = new System.CommandLine.Command("journal", "Inspect, repair or snapshot a journal directory");
        command.Subcommands.Add(JournalInspectCommand.Create());
        command.Subcommands.Add(JournalRepairCommand.Create());
        command.Subcommands.Add(JournalSnapshotCommand.Create());
        command.Subcommands.Add(JournalCrashHostCommand.Create());
        return command;
    }
}
