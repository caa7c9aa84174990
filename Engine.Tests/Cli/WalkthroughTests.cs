using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using TokenMatch.Tests.Cli.Support;

namespace TokenMatch.Tests.Cli;

/// <summary>
/// Runs the README's walkthrough, as written, against the built CLI: every fenced block after a
/// <c>&lt;!-- walkthrough:KIND --&gt;</c> marker is a step. <c>server</c> starts its command in the
/// background (on a free port: <c>--port 0</c> is added, and the port it prints replaces 7340 in
/// the later steps) and waits until it listens; <c>run</c> runs each line and wants exit 0;
/// <c>stop</c> sends SIGINT to the server (the README's Ctrl+C) and wants a clean exit. The
/// README's <c>dotnet run --project Cli -c Release --</c> prefix becomes the built tokenmatch.dll,
/// so the test checks the commands a newcomer types, not a copy of them.
/// </summary>
[NonParallelizable]
[CancelAfter(600_000)]
public sealed partial class WalkthroughTests
{
    private const string Prefix = "dotnet run --project Cli -c Release --";
    private const int ReadmePort = 7340;

    [GeneratedRegex(@"<!--\s*walkthrough:(\w+)\s*-->\s*(?:```(?:bash|sh)?\n(.*?)```)?", RegexOptions.Singleline)]
    private static partial Regex Step();

    [GeneratedRegex(@"listening on 127\.0\.0\.1:(\d+)")]
    private static partial Regex Listening();

    /// <summary>The steps of the README's walkthrough, in order.</summary>
    public static IReadOnlyList<(string Kind, string[] Lines)> Steps()
    {
        string readme = File.ReadAllText(Path.Combine(RepoRoot(), "README.md"));
        return Step().Matches(readme)
            .Select(m => (m.Groups[1].Value, m.Groups[2].Value.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Where(l => !l.StartsWith('#')).ToArray()))
            .ToArray();
    }

    [Test]
    public void The_readme_has_a_walkthrough_that_starts_a_server_stops_it_and_replays()
    {
        var kinds = Steps().Select(s => s.Kind).ToArray();
        Assert.That(kinds, Does.Contain("server").And.Contain("stop").And.Contain("run"));
        Assert.That(Array.IndexOf(kinds, "server"), Is.LessThan(Array.IndexOf(kinds, "stop")));
        foreach (var (kind, lines) in Steps())
        {
            Assert.That(kind, Is.AnyOf("server", "run", "stop"), "a walkthrough marker of an unknown kind");
            if (kind != "stop") Assert.That(lines, Is.Not.Empty.And.All.StartsWith(Prefix), $"a {kind} step runs the CLI as the README's other commands do");
        }
    }

    [Test]
    public void The_readme_walkthrough_runs_end_to_end()
    {
        string dir = Directory.CreateTempSubdirectory("tokenmatch-walkthrough-").FullName;
        Process? server = null;
        var serverOutput = new StringBuilder();
        int port = 0;
        try
        {
            foreach (var (kind, lines) in Steps())
            {
                switch (kind)
                {
                    case "server":
                        Assert.That(server, Is.Null, "one server at a time");
                        server = StartServer(Cli(lines.Single()) + " --port 0", dir, serverOutput);
                        port = WaitForPort(server, serverOutput);
                        break;
                    case "run":
                        foreach (string line in lines)
                        {
                            string command = Cli(line).Replace($":{ReadmePort}", $":{port}");
                            var (code, output, error) = CliProcess.Bash($"cd '{dir}' && {command}");
                            Assert.That(code, Is.Zero, $"{line}\n--- stdout\n{output}\n--- stderr\n{error}\n--- server\n{Snapshot(serverOutput)}");
                        }
                        break;
                    case "stop":
                        Assert.That(server, Is.Not.Null, "a stop step needs a running server");
                        Process.Start("kill", ["-INT", server!.Id.ToString()])!.WaitForExit();
                        Assert.That(server.WaitForExit(60_000), Is.True, $"the server stops on Ctrl+C\n--- server\n{Snapshot(serverOutput)}");
                        server.WaitForExit();
                        Assert.That(server.ExitCode, Is.Zero, Snapshot(serverOutput));
                        Assert.That(Snapshot(serverOutput), Does.Contain("stopped"));
                        server.Dispose();
                        server = null;
                        break;
                }
            }
            Assert.That(server, Is.Null, "the walkthrough stops the server it starts");
        }
        finally
        {
            if (server is { HasExited: false })
            {
                server.Kill(entireProcessTree: true);
                server.WaitForExit();
            }
            server?.Dispose();
            try { Directory.Delete(dir, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }

    private static string Cli(string line)
    {
        Assert.That(line, Does.StartWith(Prefix));
        return CliProcess.Command + line[Prefix.Length..];
    }

    private static Process StartServer(string command, string dir, StringBuilder output)
    {
        var info = new ProcessStartInfo("bash") { WorkingDirectory = dir, RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true };
        info.ArgumentList.Add("-c");
        info.ArgumentList.Add($"exec {command}");
        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        info.Environment["DOTNET_NOLOGO"] = "1";
        var process = Process.Start(info)!;
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static int WaitForPort(Process server, StringBuilder output)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            Match m = Listening().Match(Snapshot(output));
            if (m.Success) return int.Parse(m.Groups[1].Value);
            if (server.HasExited) Assert.Fail($"the server exited with {server.ExitCode}:\n{Snapshot(output)}");
            Thread.Sleep(100);
        }
        Assert.Fail($"the server did not listen within 60 s:\n{Snapshot(output)}");
        return 0;
    }

    private static string Snapshot(StringBuilder output)
    {
        lock (output) return output.ToString();
    }

    private static string RepoRoot()
    {
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
            if (File.Exists(Path.Combine(d.FullName, "TokenMatch.sln"))) return d.FullName;
        throw new InvalidOperationException("TokenMatch.sln not found above the test directory");
    }
}
