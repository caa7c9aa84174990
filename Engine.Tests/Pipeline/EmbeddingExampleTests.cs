using System.Diagnostics;
using System.Text;

namespace TokenMatch.Tests.Pipeline;

/// <summary>docs/examples/embedding builds from the repository and runs as docs/embedding.md says.</summary>
public sealed class EmbeddingExampleTests
{
    /// <summary>Building on a loaded 2-core machine is slow; only a hang reaches this.</summary>
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(5);

#if DEBUG
    private const string Configuration = "Debug";
#else
    private const string Configuration = "Release";
#endif

    [Test]
    public void TheEmbeddingExampleBuildsAndRuns()
    {
        string root = RepositoryRoot();
        string project = Path.Combine(root, "docs", "examples", "embedding", "Embedding.csproj");
        Assert.That(File.Exists(project), Is.True, project);

        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string arg in new[] { "run", "--project", project, "-c", Configuration, "-p:UseSharedCompilation=false" }) start.ArgumentList.Add(arg);
        // No build servers left behind holding the output pipes open.
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";

        var output = new StringBuilder();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.AppendLine(e.Data); };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (!process.WaitForExit(Timeout))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"dotnet run did not finish within {Timeout}:\n{Snapshot(output)}");
        }
        process.WaitForExit(TimeSpan.FromSeconds(10));

        string text = Snapshot(output);
        Assert.That(process.ExitCode, Is.Zero, text);
        Assert.That(text, Does.Contain("embedding example: ok"));
        Assert.That(text, Does.Contain("trade #"));
    }

    private static string Snapshot(StringBuilder output)
    {
        lock (output) return output.ToString();
    }

    private static string RepositoryRoot()
    {
        for (DirectoryInfo? dir = new(TestContext.CurrentContext.TestDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "TokenMatch.sln"))) return dir.FullName;
        }
        Assert.Fail("TokenMatch.sln not found above the test directory.");
        return "";
    }
}
