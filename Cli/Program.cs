using System.CommandLine;
using TokenMatch.Cli.Commands;

namespace TokenMatch.Cli;

/// <summary>The <c>tokenmatch</c> command: one root, one line per subcommand.</summary>
public static class Program
{
    /// <summary>The root command with every subcommand.</summary>
    public static RootCommand CreateRoot()
    {
        var root = new RootCommand("TokenMatch: an exchange core for trading unused AI API tokens");
        root.Subcommands.Add(RunCommand.Create());
        root.Subcommands.Add(ImportCommand.Create());
        root.Subcommands.Add(JournalCommand.Create());
        root.Subcommands.Add(ReplayCommand.Create());
        return root;
    }

    /// <summary>Entry point.</summary>
    public static int Main(string[] args) => CreateRoot().Parse(args).Invoke();
}
