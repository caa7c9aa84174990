using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace TokenMatch.Tests.Cli.Serve;

/// <summary>
/// <c>tokenmatch serve</c> as a child process on an ephemeral loopback port: started, its port read
/// from the "listening on" line, its standard output kept, stopped with SIGTERM like Ctrl+C would.
/// </summary>
internal sealed partial class ServeProcess : IAsyncDisposable
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);
    private readonly StringBuilder _output = new();
    private Task _drain = Task.CompletedTask;
    private Task<string> _errors = Task.FromResult("");

    private ServeProcess(Process process) => Process = process;

    public Process Process { get; }

    public int Port { get; private set; }

    /// <summary>What the server printed so far.</summary>
    public string Output
    {
        get { lock (_output) return _output.ToString(); }
    }

    [GeneratedRegex(@"listening on 127\.0\.0\.1:(\d+)")]
    private static partial Regex Listening();

    [GeneratedRegex(@"state hash ([0-9a-f]{16})")]
    private static partial Regex HashPattern();

    /// <summary>The state hashes the server printed (on recovery and on stop), in order.</summary>
    public IReadOnlyList<ulong> PrintedHashes =>
        [.. HashPattern().Matches(Output).Select(m => ulong.Parse(m.Groups[1].Value, NumberStyles.HexNumber, CultureInfo.InvariantCulture))];

    /// <summary>Starts <c>tokenmatch serve --port 0 --quiet</c> with <paramref name="args"/> and waits for its port.</summary>
    public static async Task<ServeProcess> StartAsync(params string[] args)
    {
        string exe = Path.Combine(TestContext.CurrentContext.TestDirectory, "tokenmatch");
        var info = new ProcessStartInfo(exe, ["serve", "--port", "0", "--quiet", .. args])
        { RedirectStandardOutput = true, RedirectStandardError = true };
        var serve = new ServeProcess(Process.Start(info)!);
        serve._errors = serve.Process.StandardError.ReadToEndAsync();
        var deadline = DateTime.UtcNow + Wait;
        while (DateTime.UtcNow < deadline)
        {
            string? line = await serve.Process.StandardOutput.ReadLineAsync().WaitAsync(Wait);
            if (line is null) break;
            lock (serve._output) serve._output.AppendLine(line);
            Match m = Listening().Match(line);
            if (!m.Success) continue;
            serve.Port = int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
            serve._drain = serve.DrainAsync();
            return serve;
        }
        if (!serve.Process.HasExited) serve.Process.Kill();
        Assert.Fail($"serve did not announce its port: {serve.Output}{await serve._errors}");
        throw new InvalidOperationException();
    }

    /// <summary>
    /// Waits until the output holds <paramref name="text"/> (the lines after the port's are read in
    /// the background, so one printed just after it may not be there yet); the output either way.
    /// </summary>
    public async Task<string> OutputContainingAsync(string text)
    {
        var deadline = DateTime.UtcNow + Wait;
        while (!Output.Contains(text, StringComparison.Ordinal) && DateTime.UtcNow < deadline) await Task.Delay(20);
        return Output;
    }

    private async Task DrainAsync()
    {
        while (await Process.StandardOutput.ReadLineAsync() is { } line)
            lock (_output) _output.AppendLine(line);
    }

    /// <summary>Sends SIGTERM, waits for the exit, returns the exit code.</summary>
    public async Task<int> TerminateAsync()
    {
        using (var kill = Process.Start("kill", ["-TERM", Process.Id.ToString(CultureInfo.InvariantCulture)])) await kill.WaitForExitAsync();
        await Process.WaitForExitAsync().WaitAsync(Wait);
        await _drain.WaitAsync(Wait);
        return Process.ExitCode;
    }

    /// <summary>Standard error, once the process has exited.</summary>
    public Task<string> Errors => _errors;

    public async ValueTask DisposeAsync()
    {
        if (!Process.HasExited)
        {
            Process.Kill();
            await Process.WaitForExitAsync().WaitAsync(Wait);
        }
        Process.Dispose();
    }

    /// <summary>A new empty directory under the temp folder.</summary>
    public static string TempRoot(string name)
    {
        string root = Path.Combine(Path.GetTempPath(), $"tokenmatch-{name}-{Environment.ProcessId}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(root);
        return root;
    }
}
