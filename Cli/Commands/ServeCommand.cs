using System.Runtime.InteropServices;
using TokenMatch.Cli.Serve;

namespace TokenMatch.Cli.Commands;

/// <summary>
/// <c>tokenmatch serve</c>: the engine behind the TCP gateway (docs/protocol.md). With no options it is
/// a working demo exchange: the embedded configuration's markets for the current billing cycle, house,
/// demo accounts with credits and quota grants, and API keys written once to a mode-0600 key file,
/// journaled to <c>./data</c>; a restart on the same directory recovers instead of bootstrapping again,
/// and a clock opens each next cycle's markets. <c>--config FILE</c> runs a configuration file instead.
/// Runs until Ctrl+C or SIGTERM, then stops accepting, drains and syncs the journal. The parts live in
/// <c>Cli/Serve/</c>: <see cref="ServeRunner"/> wires them.
/// </summary>
public static class ServeCommand
{
    /// <summary>The default port.</summary>
    public const int DefaultPort = 7340;

    /// <summary>The <c>serve</c> subcommand.</summary>
    public static System.CommandLine.Command Create()
    {
        var config = new System.CommandLine.Option<FileInfo?>("--config") { Description = "Run this configuration file (JSON, see 'tokenmatch config init') instead of the built-in demo", HelpName = "file" };
        var port = new System.CommandLine.Option<int?>("--port") { Description = $"TCP port (0 = any free port; default {DefaultPort} or the configuration's)" };
        var keyFile = new System.CommandLine.Option<FileInfo?>("--key-file") { Description = "Where the demo API keys are written, once, mode 0600 (default <journal dir>/demo-keys.txt)", HelpName = "file" };
        var cert = new System.CommandLine.Option<FileInfo?>("--cert") { Description = "TLS certificate with private key (PKCS#12, no password)", HelpName = "file.pfx" };
        var journal = new System.CommandLine.Option<DirectoryInfo?>("--journal") { Description = "Journal directory: every command is journaled before it is answered; a restart recovers from it (default ./data)", HelpName = "dir" };
        var memory = new System.CommandLine.Option<bool>("--memory", "--no-journal") { Description = "No journal: state in memory only" };
        var fsync = new System.CommandLine.Option<string?>("--fsync") { Description = "Journal fsync policy: batch (answer only what is on disk), interval (fsync every 1 ms), none" };
        fsync.AcceptOnlyFromAmong("batch", "interval", "none");
        var cycle = new System.CommandLine.Option<string?>("--cycle") { Description = "Billing cycle of the markets: month (the UTC calendar month) or a duration such as 10m, 2h, 7d starting now", HelpName = "length" };
        var quiet = new System.CommandLine.Option<bool>("--quiet") { Description = "No live view: plain log lines" };
        var logLevel = new System.CommandLine.Option<string?>("--log-level") { Description = "Trace, Debug, Information, Warning, Error, Critical or None (default Information or the configuration's)", HelpName = "level" };
        var noSurveillance = new System.CommandLine.Option<bool>("--no-surveillance") { Description = "No live surveillance (detectors, <journal dir>/alerts.jsonl, the gateway's alert subscription)" };
        var surveillanceConfig = new System.CommandLine.Option<FileInfo?>("--surveillance-config") { Description = "Surveillance thresholds and responses (JSON, docs/surveillance.md) instead of the defaults", HelpName = "file" };
        var command = new System.CommandLine.Command("serve", "Run the exchange behind the binary TCP gateway: with no options, a demo exchange journaled to ./data")
        { config, port, keyFile, cert, journal, memory, fsync, cycle, quiet, logLevel, noSurveillance, surveillanceConfig };
        command.SetAction(result => Run(new ServeOptions
        {
            ConfigFile = result.GetValue(config)?.FullName,
            Port = result.GetValue(port),
            KeyFile = result.GetValue(keyFile)?.FullName,
            Certificate = result.GetValue(cert)?.FullName,
            Journal = result.GetValue(journal)?.FullName,
            InMemory = result.GetValue(memory),
            Fsync = result.GetValue(fsync),
            Cycle = result.GetValue(cycle),
            Quiet = result.GetValue(quiet),
            LogLevel = result.GetValue(logLevel),
            NoSurveillance = result.GetValue(noSurveillance),
            SurveillanceConfig = result.GetValue(surveillanceConfig)?.FullName,
        }, result.InvocationConfiguration.Output, result.InvocationConfiguration.Error));
        return command;
    }

    /// <summary>Serves until SIGINT or SIGTERM; returns an <see cref="ExitCodes"/> value.</summary>
    public static int Run(ServeOptions options, TextWriter output, TextWriter error)
    {
        using var stop = new CancellationTokenSource();
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, c => { c.Cancel = true; stop.Cancel(); });
        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, c => { c.Cancel = true; stop.Cancel(); });
        return ServeRunner.Run(options, output, error, stop.Token);
    }
}
