using System.Diagnostics;
using System.Runtime;
using System.Runtime.InteropServices;

namespace TokenMatch.Bench.Results;

/// <summary>Where and when a figure was measured: machine, runtime, GC mode, revision, date and load.</summary>
public sealed class MachineInfo
{
    /// <summary>CPU model from /proc/cpuinfo (or the architecture when there is none).</summary>
    public string Cpu { get; set; } = "";
    /// <summary>Logical processors.</summary>
    public int Cores { get; set; }
    /// <summary>Operating system.</summary>
    public string Os { get; set; } = "";
    /// <summary>.NET runtime.</summary>
    public string Runtime { get; set; } = "";
    /// <summary>Server GC (else workstation).</summary>
    public bool ServerGc { get; set; }
    /// <summary>Concurrent (background) GC.</summary>
    public bool ConcurrentGc { get; set; }
    /// <summary>GC latency mode.</summary>
    public string GcLatencyMode { get; set; } = "";
    /// <summary>Git revision of the working tree (with "+dirty" when it has changes), or "unknown".</summary>
    public string GitRevision { get; set; } = "unknown";
    /// <summary>When the run started, ISO-8601 UTC.</summary>
    public string Date { get; set; } = "";
    /// <summary>/proc/loadavg at the start (1, 5, 15 minutes), or "unknown".</summary>
    public string LoadAverage { get; set; } = "unknown";

    /// <summary>This machine, now.</summary>
    public static MachineInfo Current() => new()
    {
        Cpu = CpuModel(),
        Cores = Environment.ProcessorCount,
        Os = RuntimeInformation.OSDescription,
        Runtime = RuntimeInformation.FrameworkDescription,
        ServerGc = GCSettings.IsServerGC,
        ConcurrentGc = !AppContext.TryGetSwitch("System.GC.Concurrent", out bool concurrent) || concurrent,
        GcLatencyMode = GCSettings.LatencyMode.ToString(),
        GitRevision = GitRevisionOf(AppContext.BaseDirectory) ?? GitRevisionOf(Environment.CurrentDirectory) ?? "unknown",
        Date = DateTimeOffset.UtcNow.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture),
        LoadAverage = LoadAverageNow(),
    };

    /// <summary>The load average now (first three fields of /proc/loadavg), or "unknown".</summary>
    public static string LoadAverageNow()
    {
        try
        {
            string[] fields = File.ReadAllText("/proc/loadavg").Split(' ');
            return fields.Length >= 3 ? $"{fields[0]} {fields[1]} {fields[2]}" : "unknown";
        }
        catch (IOException) { return "unknown"; }
        catch (UnauthorizedAccessException) { return "unknown"; }
    }

    private static string CpuModel()
    {
        try
        {
            foreach (string line in File.ReadLines("/proc/cpuinfo"))
            {
                if (line.StartsWith("model name", StringComparison.Ordinal) && line.IndexOf(':') is int colon and > 0)
                    return line[(colon + 1)..].Trim();
            }
        }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
        return RuntimeInformation.ProcessArchitecture.ToString();
    }

    private static string? GitRevisionOf(string directory)
    {
        string? head = Git(directory, "rev-parse HEAD");
        if (head is null || head.Length < 7) return null;
        string? status = Git(directory, "status --porcelain --untracked-files=no");
        return string.IsNullOrWhiteSpace(status) ? head : head + "+dirty";
    }

    private static string? Git(string directory, string arguments)
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo("git", arguments)
            {
                WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
            });
            if (process is null) return null;
            string output = process.StandardOutput.ReadToEnd();
            process.StandardError.ReadToEnd();
            if (!process.WaitForExit(5_000)) { process.Kill(); return null; }
            return process.ExitCode == 0 ? output.Trim() : null;
        }
        catch (System.ComponentModel.Win32Exception) { return null; }
        catch (InvalidOperationException) { return null; }
    }
}
