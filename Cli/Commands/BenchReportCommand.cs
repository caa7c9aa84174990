using System.CommandLine;
using TokenMatch.Bench.Results;
using TokenMatch.Cli.Bench;

namespace TokenMatch.Cli.Commands;

/// <summary>
/// <c>tokenmatch bench report &lt;json-dir&gt; [--doc docs/benchmarks.md]</c>: regenerates the section of
/// the document between <c>&lt;!-- bench:begin --&gt;</c> and <c>&lt;!-- bench:end --&gt;</c> (tables,
/// and PNG plots in <c>img/</c> beside the document) from the <c>--json</c> results in the directory.
/// </summary>
public static class BenchReportCommand
{
    /// <summary>The <c>report</c> subcommand of <c>bench</c>.</summary>
    public static System.CommandLine.Command Create()
    {
        var directory = new Argument<DirectoryInfo>("json-dir") { Description = "Directory of tokenmatch bench --json results" };
        var doc = new Option<FileInfo>("--doc")
        {
            HelpName = "file.md", Description = "The document whose marked section is regenerated (default docs/benchmarks.md)",
            DefaultValueFactory = _ => new FileInfo(Path.Combine("docs", "benchmarks.md")),
        };
        var command = new System.CommandLine.Command("report", "Regenerate the marked section of docs/benchmarks.md (tables and plots) from bench --json results")
        {
            directory, doc,
        };
        command.SetAction(r => Run(r.GetRequiredValue(directory), r.GetRequiredValue(doc), r.InvocationConfiguration.Output, r.InvocationConfiguration.Error));
        return command;
    }

    /// <summary>Regenerates the section; returns an exit code.</summary>
    public static int Run(DirectoryInfo directory, FileInfo doc, TextWriter output, TextWriter error)
    {
        if (!directory.Exists)
        {
            error.WriteLine($"tokenmatch bench report: no such directory: {directory.FullName}");
            return ExitCodes.FileError;
        }
        if (!doc.Exists)
        {
            error.WriteLine($"tokenmatch bench report: no such document: {doc.FullName} (create it, with or without the markers)");
            return ExitCodes.FileError;
        }
        var problems = new List<string>();
        List<(string File, BenchResult Result)> results = BenchReport.ReadResults(directory.FullName, problems);
        foreach (string p in problems) error.WriteLine($"tokenmatch bench report: {p}");
        if (problems.Count > 0) return ExitCodes.BadInput;
        if (results.Count == 0)
        {
            error.WriteLine($"tokenmatch bench report: no *.json results in {directory.FullName}");
            return ExitCodes.BadInput;
        }
        try
        {
            string docDirectory = doc.DirectoryName ?? ".";
            string source = Path.GetRelativePath(Environment.CurrentDirectory, directory.FullName).Replace('\\', '/');
            string section = BenchReport.Generate(results, source, Path.Combine(docDirectory, "img"), "img");
            string text = File.ReadAllText(doc.FullName);
            if (BenchReport.Replace(text, section, out string? problem) is not string updated)
            {
                error.WriteLine($"tokenmatch bench report: {doc.FullName}: {problem}");
                return ExitCodes.BadInput;
            }
            File.WriteAllText(doc.FullName, updated);
            output.WriteLine($"regenerated the bench section of {doc.FullName} from {results.Count} result(s); plots in {Path.Combine(docDirectory, "img")}");
            return ExitCodes.Ok;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"tokenmatch bench report: {e.Message}");
            return ExitCodes.FileError;
        }
    }
}
