using System.CommandLine;
using TokenMatch.Cli.Commands;

namespace TokenMatch.Cli;

/// <summary>The <c>tokenmatch</c> command: one root, one line per subcommand.</summary>
public static class Program
{
    private static readonly AsyncLocal<TextReader?> StandardInputOverride = new();

    /// <summary>Standard input as the subcommands read it (tests give their own through <see cref="Invoke"/>).</summary>
    public static TextReader StandardInput => StandardInputOverride.Value ?? Console.In;

    /// <summary>The root command with every subcommand.</summary>
    public static RootCommand CreateRoot()
    {
        var root = new RootCommand("TokenMatch: an exchange core for trading unused AI API tokens");
        root.Subcommands.Add(RunCommand.Create());
        root.Subcommands.Add(ShowCommand.Create());
        root.Subcommands.Add(ImportCommand.Create());
        root.Subcommands.Add(SurveilCommand.Create());
        root.Subcommands.Add(SimulateCommand.Create());
        root.Subcommands.Add(ServeCommand.Create());
        root.Subcommands.Add(JournalCommand.Create());
        root.Subcommands.Add(ReplayCommand.Create());
        root.Subcommands.Add(ConfigCommand.Create());
        root.Subcommands.Add(BenchCommand.Create());
        return root;
    }

    /// <summary>
    /// Parses and runs <paramref name="args"/>: command-line mistakes in plain words (exit 1, see
    /// <see cref="CliErrors"/>), and an output that cannot be written (a full disk under standard
    /// output) as a file error (exit 3) without a stack trace.
    /// </summary>
    public static int Invoke(string[] args, TextWriter output, TextWriter error, TextReader? input = null)
    {
        StandardInputOverride.Value = input;
        try
        {
            ParseResult parse = CreateRoot().Parse(args);
            if (parse.Errors.Count > 0 && parse.Action is not System.CommandLine.Help.HelpAction)
            {
                foreach (string message in CliErrors.Describe(parse)) error.WriteLine(message);
                error.WriteLine($"See '{string.Join(" ", HelpPath(parse))} --help'.");
                return ExitCodes.Usage;
            }
            return parse.Invoke(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false });
        }
        catch (IOException e)
        {
            try { error.WriteLine($"tokenmatch: cannot write the output: {e.Message}"); }
            catch (IOException) { /* standard error is gone too: the exit code says it */ }
            return ExitCodes.FileError;
        }
        finally
        {
            StandardInputOverride.Value = null;
        }
    }

    private static IEnumerable<string> HelpPath(ParseResult parse)
    {
        var names = new List<string>();
        for (System.CommandLine.Parsing.SymbolResult? r = parse.CommandResult; r is System.CommandLine.Parsing.CommandResult c; r = c.Parent)
            names.Insert(0, c.Command is RootCommand ? "tokenmatch" : c.Command.Name);
        return names;
    }

    /// <summary>Entry point.</summary>
    public static int Main(string[] args) => Invoke(args, Console.Out, Console.Error);
}
