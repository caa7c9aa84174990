using System.Diagnostics;

namespace TokenMatch.Tests.Cli.Support;

/// <summary>
/// Runs the built <c>tokenmatch</c> (the tokenmatch.dll beside the tests) as a child process, or a
/// bash command line that calls it as <c>$TOKENMATCH</c>, with a deadline: a hang is killed and
/// fails the test instead of blocking the suite.
/// </summary>
public static class CliProcess
{
    /// <summary>How long a child may run.</summary>
    public static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    /// <summary>The command that starts the CLI, <c>dotnet …/tokenmatch.dll</c>, for bash to split on spaces (unquoted in scripts).</summary>
    public static string Command => $"dotnet {Path.Combine(AppContext.BaseDirectory, "tokenmatch.dll")}";

    /// <summary>Runs <c>tokenmatch</c> with <paramref name="args"/>, <paramref name="stdin"/> on its standard input.</summary>
    public static (int Code, string Output, string Error) Run(string? stdin, params string[] args)
    {
        var info = new ProcessStartInfo("dotnet") { WorkingDirectory = AppContext.BaseDirectory };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "tokenmatch.dll"));
        foreach (string arg in args) info.ArgumentList.Add(arg);
        return Start(info, stdin);
    }

    /// <summary>Runs <paramref name="script"/> under bash with <c>$TOKENMATCH</c> set to the CLI command.</summary>
    public static (int Code, string Output, string Error) Bash(string script, string? stdin = null)
    {
        var info = new ProcessStartInfo("bash") { WorkingDirectory = AppContext.BaseDirectory };
        info.ArgumentList.Add("-c");
        info.ArgumentList.Add(script);
        info.Environment["TOKENMATCH"] = Command;
        return Start(info, stdin);
    }

    private static (int, string, string) Start(ProcessStartInfo info, string? stdin)
    {
        info.RedirectStandardInput = true;
        info.RedirectStandardOutput = true;
        info.RedirectStandardError = true;
        info.UseShellExecute = false;
        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        info.Environment["DOTNET_NOLOGO"] = "1";
        using var process = Process.Start(info)!;
        Task<string> output = process.StandardOutput.ReadToEndAsync();
        Task<string> error = process.StandardError.ReadToEndAsync();
        try
        {
            if (stdin is not null) process.StandardInput.Write(stdin);
            process.StandardInput.Close();
        }
        catch (IOException)
        {
            // The child exited without reading all of its input; its exit code and output tell why.
        }
        // The deadline covers the output too: a grandchild left holding a pipe must not block the suite.
        bool done = process.WaitForExit(Deadline) && Task.WhenAll(output, error).Wait(TimeSpan.FromSeconds(10));
        if (!done)
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"{info.FileName} {string.Join(" ", info.ArgumentList)} did not finish within {Deadline.TotalSeconds} s (a hang)");
        }
        process.WaitForExit();
        return (process.ExitCode, output.Result, error.Result);
    }
}
