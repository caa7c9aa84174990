using System.Net;
using System.Runtime.InteropServices;
using System.Security.Cryptography.X509Certificates;
using TokenMatch.Commands;
using TokenMatch.Gateway;
using TokenMatch.Gateway.Security;
using TokenMatch.Pipeline;

namespace TokenMatch.Cli.Commands;

/// <summary>
/// <c>tokenmatch serve [--port N] [--key-file FILE] [--cert FILE.pfx]</c>: starts an in-memory engine
/// behind the TCP gateway (docs/protocol.md) on loopback. With no configuration it bootstraps: it
/// creates the provider account 0 and issues a provider API key, printed once and written to the key
/// file with mode 0600; the provider then creates markets, accounts and keys over the protocol. Runs
/// until Ctrl+C or SIGTERM. State lives in memory only (the journal is not wired in here yet).
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
        var command = new System.CommandLine.Command("serve", "Run the engine behind the binary TCP gateway on loopback") { port, keyFile, cert };
        command.SetAction(result => Run(result.GetValue(port), result.GetRequiredValue(keyFile), result.GetValue(cert),
            result.InvocationConfiguration.Output, result.InvocationConfiguration.Error));
        return command;
    }

    /// <summary>Serves until a stop signal; returns an <see cref="ExitCodes"/> value.</summary>
    public static int Run(int port, FileInfo keyFile, FileInfo? cert, TextWriter output, TextWriter error)
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

        using var host = new EngineHost();
        host.Start();
        Command created = host.SubmitAsync(Command.CreateAccount(0, ProviderAccount, Tier.Trusted)).AsTask().GetAwaiter().GetResult();
        var (key, issue) = ApiKeys.Create(ProviderAccount, Role.Provider);
        Command issued = host.SubmitAsync(issue).AsTask().GetAwaiter().GetResult();
        if (created.Result != ResultCode.Ok || issued.Result != ResultCode.Ok)
        {
            error.WriteLine($"tokenmatch serve: bootstrap failed: {created.Result}, {issued.Result}");
            return ExitCodes.EngineError;
        }
        try
        {
            WriteKeyFile(keyFile, key);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"tokenmatch serve: cannot write the key file {keyFile}: {e.Message}");
            return ExitCodes.FileError;
        }

        var server = new GatewayServer(host, new GatewayOptions
        {
            Endpoint = new IPEndPoint(IPAddress.Loopback, port), Certificate = certificate,
            OnError = e => error.WriteLine($"tokenmatch serve: {e}"),
        });
        try
        {
            server.Start();
        }
        catch (System.Net.Sockets.SocketException e)
        {
            error.WriteLine($"tokenmatch serve: cannot listen on 127.0.0.1:{port}: {e.Message}");
            return ExitCodes.FileError;
        }
        output.WriteLine($"provider API key (shown once; also in {keyFile.FullName}, mode 0600): {key}");
        output.WriteLine($"listening on {server.Endpoint}{(certificate is null ? "" : " (TLS)")}; state in memory only; Ctrl+C stops");
        output.Flush();
        stop.Wait();
        output.WriteLine("stopping");
        server.DisposeAsync().AsTask().GetAwaiter().GetResult();
        host.Stop();
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
