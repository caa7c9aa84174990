using System.Net;
using System.Runtime.InteropServices;
using System.Security.Cryptography.X509Certificates;
using TokenMatch.Commands;
using TokenMatch.Gateway;
using TokenMatch.Gateway.Security;
using TokenMatch.Journal.Reading;
using TokenMatch.Journal.Recovery;
using TokenMatch.Journal.Writing;
using TokenMatch.Pipeline;

namespace TokenMatch.Cli.Commands;

/// <summary>
/// <c>tokenmatch serve [--port N] [--key-file FILE] [--cert FILE.pfx] [--journal DIR] [--fsync batch|interval|none]</c>:
/// starts the engine behind the TCP gateway (docs/protocol.md) on loopback. On a new engine it
/// bootstraps: it creates the provider account 0 and issues a provider API key, printed once and
/// written to the key file with mode 0600 (only the key's salted hash enters the engine); the provider
/// then creates markets, accounts and keys over the protocol. With <c>--journal</c> every command is
/// journaled before it is answered (docs/journal-format.md), and a restart on the same directory
/// recovers the engine — keys included — instead of bootstrapping again. Without it, state lives in
/// memory only. Runs until Ctrl+C or SIGTERM, then stops accepting, drains and syncs the journal.
/// </summary>
public static class ServeCommand
{
    /// <summary>The default port.</summary>
    public const int DefaultPort = 7340;

    /// <summary>The provider account the bootstrap creates.</summary>
    public const int ProviderAccount = 0;

    /// <summary>The <c>serve</c> subcommand.</summary>
    public static System.CommandLine.Command Create()
    {
        var port = new System.CommandLine.Option<int>("--port") { Description = "TCP port on 127.0.0.1 (0 = any free port)", DefaultValueFactory = _ => DefaultPort };
        var keyFile = new System.CommandLine.Option<FileInfo>("--key-file")
        {
            Description = "Where to write the bootstrap provider API key (mode 0600)",
            DefaultValueFactory = _ => new FileInfo("tokenmatch-provider.key"),
        };
        var cert = new System.CommandLine.Option<FileInfo?>("--cert") { Description = "TLS certificate with private key (PKCS#12, no password)" };
        var journal = new System.CommandLine.Option<DirectoryInfo?>("--journal")
        {
            Description = "Journal every command to this directory and recover from it on start (default: state in memory only)",
            HelpName = "dir",
        };
        var fsync = new System.CommandLine.Option<string>("--fsync")
        {
            Description = "Journal fsync policy: batch (answer only what is on disk), interval (fsync every 1 ms), none",
            DefaultValueFactory = _ => "batch",
        };
        fsync.AcceptOnlyFromAmong("batch", "interval", "none");
        var command = new System.CommandLine.Command("serve", "Run the engine behind the binary TCP gateway on loopback") { port, keyFile, cert, journal, fsync };
        command.SetAction(result => Run(result.GetValue(port), result.GetRequiredValue(keyFile), result.GetValue(cert),
            result.InvocationConfiguration.Output, result.InvocationConfiguration.Error, result.GetValue(journal)?.FullName,
            result.GetValue(fsync) ?? "batch"));
        return command;
    }

    /// <summary>Serves until a stop signal; returns an <see cref="ExitCodes"/> value.</summary>
    public static int Run(int port, FileInfo keyFile, FileInfo? cert, TextWriter output, TextWriter error,
        string? journalDirectory = null, string fsync = "batch")
    {
        X509Certificate2? certificate = null;
        if (cert is not null)
        {
            if (!cert.Exists)
            {
                error.WriteLine($"tokenmatch serve: certificate not found: {cert}");
                return ExitCodes.FileError;
            }
            certificate = X509CertificateLoader.LoadPkcs12FromFile(cert.FullName, null);
        }
        using var stop = new ManualResetEventSlim();
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, c => { c.Cancel = true; stop.Set(); });
        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, c => { c.Cancel = true; stop.Set(); });

        RecoveryResult? recovered = null;
        JournalWriter? writer = null;
        if (journalDirectory is not null)
        {
            try
            {
                recovered = JournalRecovery.Recover(journalDirectory, new RecoveryOptions { Warn = w => error.WriteLine($"tokenmatch serve: warning: {w}") });
                writer = new JournalWriter(journalDirectory, recovered.NextSequence, new JournalWriterOptions
                {
                    Fsync = fsync switch { "interval" => FsyncPolicy.Interval, "none" => FsyncPolicy.None, _ => FsyncPolicy.Batch },
                });
            }
            catch (JournalCorruptException e)
            {
                error.WriteLine($"tokenmatch serve: {e.Message}");
                return ExitCodes.BadInput;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                error.WriteLine($"tokenmatch serve: cannot open the journal {journalDirectory}: {e.Message}");
                return ExitCodes.FileError;
            }
        }
        using JournalWriter? journalWriter = writer;
        var hostOptions = new EngineHostOptions
        {
            Journal = (IJournalConsumer?)writer ?? NullJournalConsumer.Instance,
            FirstSequence = recovered?.NextSequence ?? 0,
            OnError = e => error.WriteLine($"tokenmatch serve: {e.Message}"),
        };
        using var host = recovered is null ? new EngineHost(hostOptions) : new EngineHost(recovered.Core, hostOptions);
        // A recovered engine already has its provider and keys: bootstrapping again would mint a second key.
        bool bootstrap = recovered is null || recovered.Core.GetAccount(ProviderAccount) is null;
        if (recovered is not null)
            output.WriteLine($"recovered {journalDirectory}: next sequence {recovered.NextSequence} ({recovered.CommandsReplayed} commands replayed{(recovered.SnapshotSequence is long at ? $" after the snapshot at {at}" : "")})");

        var server = new GatewayServer(host, new GatewayOptions
        {
            Endpoint = new IPEndPoint(IPAddress.Loopback, port), Certificate = certificate,
            OnError = e => error.WriteLine($"tokenmatch serve: {e}"),
        });
        if (recovered is not null) server.SeedBooks(recovered.Core);
        host.Start();
        string? key = null;
        if (bootstrap)
        {
            Command created = host.SubmitAsync(Command.CreateAccount(0, ProviderAccount, Tier.Trusted)).AsTask().GetAwaiter().GetResult();
            (key, Command issue) = ApiKeys.Create(ProviderAccount, Role.Provider);
            Command issued = host.SubmitAsync(issue).AsTask().GetAwaiter().GetResult();
            if (created.Result != ResultCode.Ok || issued.Result != ResultCode.Ok)
            {
                error.WriteLine($"tokenmatch serve: bootstrap failed: {created.Result}, {issued.Result}");
                host.Stop();
                return ExitCodes.EngineError;
            }
            try
            {
                WriteKeyFile(keyFile, key);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                error.WriteLine($"tokenmatch serve: cannot write the key file {keyFile}: {e.Message}");
                host.Stop();
                return ExitCodes.FileError;
            }
        }
        try
        {
            server.Start();
        }
        catch (System.Net.Sockets.SocketException e)
        {
            error.WriteLine($"tokenmatch serve: cannot listen on 127.0.0.1:{port}: {e.Message}");
            host.Stop();
            return ExitCodes.FileError;
        }
        if (key is not null) output.WriteLine($"provider API key (shown once; also in {keyFile.FullName}, mode 0600): {key}");
        else output.WriteLine($"provider API key: the one issued at the first start (kept in the journal as a salted hash only)");
        string state = journalDirectory is null ? "state in memory only" : $"journal {journalDirectory} (fsync {fsync})";
        output.WriteLine($"listening on {server.Endpoint}{(certificate is null ? "" : " (TLS)")}; {state}; Ctrl+C stops");
        output.Flush();
        stop.Wait();
        output.WriteLine("stopping");
        server.DisposeAsync().AsTask().GetAwaiter().GetResult();
        host.Stop();
        journalWriter?.Flush();
        output.WriteLine(journalDirectory is null ? "stopped" : $"stopped; journal synced at sequence {journalWriter!.NextSequence - 1}");
        return ExitCodes.Ok;
    }

    private static void WriteKeyFile(FileInfo file, string key)
    {
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        using (var stream = new FileStream(file.FullName, options))
        using (var writer = new StreamWriter(stream))
        {
            writer.WriteLine(key);
        }
        // An existing file keeps its mode on create: narrow it.
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(file.FullName, UnixFileMode.UserRead | UnixFileMode.UserWrite);
    }
}
