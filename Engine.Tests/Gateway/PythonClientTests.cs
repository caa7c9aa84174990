using System.Diagnostics;
using System.Text.RegularExpressions;

namespace TokenMatch.Tests.Gateway;

/// <summary>
/// The Python client's example session (Clients/python, written from docs/protocol.md) against a live
/// <c>tokenmatch serve</c> process on a loopback port. Skipped (ignored) when python3 with msgpack is
/// missing; .ci/run installs Debian's python3-msgpack so that CI runs it.
/// </summary>
[CancelAfter(120_000)]
public sealed partial class PythonClientTests
{
    [GeneratedRegex(@"listening on 127\.0\.0\.1:(\d+)")]
    private static partial Regex Listening();

    private static string? Python()
    {
        foreach (string candidate in (string[])["/usr/bin/python3", "python3"])
        {
            try
            {
                using var p = Process.Start(new ProcessStartInfo(candidate, "-c \"import msgpack\"") { RedirectStandardError = true, RedirectStandardOutput = true })!;
                if (p.WaitForExit(20_000) && p.ExitCode == 0) return candidate;
            }
            catch (System.ComponentModel.Win32Exception)
            {
            }
        }
        return null;
    }

    private static string RepoRoot()
    {
        var dir = new DirectoryInfo(TestContext.CurrentContext.TestDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "TokenMatch.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("repository root not found");
    }

    [Test]
    public async Task The_python_example_session_passes_against_a_live_server()
    {
        string? python = Python();
        if (python is null) Assert.Ignore("python3 with msgpack is not installed (apt-get install python3-msgpack)");
        string keyFile = Path.Combine(Path.GetTempPath(), $"tokenmatch-test-{Environment.ProcessId}-{Guid.NewGuid():N}.key");
        string exe = Path.Combine(TestContext.CurrentContext.TestDirectory, "tokenmatch");
        var serve = Process.Start(new ProcessStartInfo(exe, ["serve", "--port", "0", "--quiet", "--memory", "--key-file", keyFile])
        { RedirectStandardOutput = true, RedirectStandardError = true })!;
        try
        {
            int port = 0;
            var deadline = DateTime.UtcNow.AddSeconds(30);
            while (port == 0 && DateTime.UtcNow < deadline)
            {
                string? line = await serve.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(30));
                if (line is null) break;
                Match m = Listening().Match(line);
                if (m.Success) port = int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
            }
            Assert.That(port, Is.GreaterThan(0), "serve announced its port");
            if (!OperatingSystem.IsWindows())
                Assert.That(File.GetUnixFileMode(keyFile), Is.EqualTo(UnixFileMode.UserRead | UnixFileMode.UserWrite), "key file mode 0600");

            string script = Path.Combine(RepoRoot(), "Clients", "python", "example_session.py");
            using var session = Process.Start(new ProcessStartInfo(python, [script, "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--key-file", keyFile])
            { RedirectStandardOutput = true, RedirectStandardError = true })!;
            Task<string> output = session.StandardOutput.ReadToEndAsync();
            Task<string> errors = session.StandardError.ReadToEndAsync();
            bool exited = session.WaitForExit(90_000);
            if (!exited) session.Kill();
            string text = await output + await errors;
            TestContext.Out.WriteLine(text);
            Assert.That(exited, "the session finished in time");
            Assert.That(session.ExitCode, Is.EqualTo(0), text);
            Assert.That(text, Does.Contain("python session: all checks passed"));
        }
        finally
        {
            if (!serve.HasExited) serve.Kill();
            serve.WaitForExit(10_000);
            serve.Dispose();
            File.Delete(keyFile);
        }
    }
}
