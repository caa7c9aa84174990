using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Logging;
using TokenMatch.Cli.Config;
using TokenMatch.Commands;
using TokenMatch.Gateway;
using TokenMatch.Gateway.Security;
using TokenMatch.Journal.Reading;
using TokenMatch.Journal.Recovery;
using TokenMatch.Journal.Writing;
using TokenMatch.Pipeline;

namespace TokenMatch.Cli.Serve;

/// <summary>
/// One run of <c>tokenmatch serve</c>, stage by stage: configuration (refused whole, before anything
/// starts), certificate, port, journal recovery, the engine host, the demo bootstrap on a new engine
/// (keys written before any command enters the ring), the cycle clock, the gateway, the live view or
/// log lines; then, on the stop signal, the clean shutdown. Every check that can fail comes before the
/// first command is journaled, so a refused start leaves nothing half-made.
/// </summary>
public static class ServeRunner
{
    /// <summary>Serves until <paramref name="stop"/> is cancelled; returns an <see cref="ExitCodes"/> value.</summary>
    public static int Run(ServeOptions options, TextWriter output, TextWriter error, CancellationToken stop)
    {
        void Fail(string message) => error.WriteLine($"tokenmatch serve: {message}");

        // 1. The configuration: the embedded demo or a file, validated whole, then the command line's overrides.
        ServeConfig config;
        try
        {
            config = options.ConfigFile is null ? ServeConfig.Default : ServeConfig.Load(options.ConfigFile);
        }
        catch (ConfigException e)
        {
            Fail($"{options.ConfigFile}: {e.Message}");
            return ExitCodes.BadInput;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Fail($"cannot read the configuration {options.ConfigFile}: {e.Message}");
            return ExitCodes.FileError;
        }
        IReadOnlyList<ConfigError> errors = config.Validate();
        if (errors.Count > 0)
        {
            foreach (ConfigError e in errors) Fail($"{options.ConfigFile ?? "built-in configuration"}: {e}");
            return ExitCodes.BadInput;
        }
        if (!SurveillanceWiring.TryLoadConfig(options, out Surveillance.Config.SurveillanceConfig? surveillanceConfig, out string surveillanceProblem, out int surveillanceExit))
        {
            Fail(surveillanceProblem);
            return surveillanceExit;
        }
        if (!CycleSchedule.TryParse(options.Cycle ?? config.Cycle.Length, out CycleSchedule schedule, out string cycleError))
        {
            Fail(cycleError);
            return ExitCodes.BadInput;
        }
        if (!Enum.TryParse(options.LogLevel ?? config.Logging.Level, ignoreCase: true, out LogLevel level) || !Enum.IsDefined(level))
        {
            Fail($"log level '{options.LogLevel ?? config.Logging.Level}': expected Trace, Debug, Information, Warning, Error, Critical or None");
            return ExitCodes.BadInput;
        }
        string fsync = options.Fsync ?? config.Journal.Fsync;
        string? journalDirectory = options.InMemory ? null : Path.GetFullPath(options.Journal ?? config.Journal.Directory);
        string keyFile = Path.GetFullPath(options.KeyFile ?? config.KeyFile
            ?? (journalDirectory is null ? "tokenmatch-keys.txt" : Path.Combine(journalDirectory, "demo-keys.txt")));
        int port = options.Port ?? config.Listen.Port;
        if (!IPAddress.TryParse(config.Listen.Address, out IPAddress? address))
        {
            Fail($"listen address '{config.Listen.Address}' is not an IP address");
            return ExitCodes.BadInput;
        }
        var endpoint = new IPEndPoint(address, port);

        // 2. The certificate.
        X509Certificate2? certificate = null;
        string? certFile = options.Certificate ?? config.Tls.CertificateFile;
        if (certFile is not null)
        {
            if (!File.Exists(certFile))
            {
                Fail($"certificate not found: {certFile}");
                return ExitCodes.FileError;
            }
            try
            {
                certificate = X509CertificateLoader.LoadPkcs12FromFile(certFile, null);
            }
            catch (CryptographicException e)
            {
                Fail($"certificate {certFile} is not a PKCS#12 file without password: {e.Message}");
                return ExitCodes.BadInput;
            }
        }
        using X509Certificate2? ownedCertificate = certificate;

        // 3. The port, probed before anything is journaled (the real bind comes once the engine is ready).
        try
        {
            using var probe = new Socket(endpoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
            probe.Bind(endpoint);
        }
        catch (SocketException e)
        {
            Fail($"cannot listen on {endpoint}: {(e.SocketErrorCode == SocketError.AddressAlreadyInUse ? "the port is in use" : e.Message)}");
            return ExitCodes.FileError;
        }

        // 4. The journal: recover what is there (nothing, for a new directory).
        RecoveryResult? recovered = null;
        JournalWriter? writer = null;
        if (journalDirectory is not null)
        {
            try
            {
                recovered = JournalRecovery.Recover(journalDirectory, new RecoveryOptions { Warn = w => Fail($"warning: {w}") });
                writer = new JournalWriter(journalDirectory, recovered.NextSequence, new JournalWriterOptions
                {
                    Fsync = fsync switch { "interval" => FsyncPolicy.Interval, "none" => FsyncPolicy.None, _ => FsyncPolicy.Batch },
                });
            }
            catch (JournalCorruptException e)
            {
                Fail($"the journal {journalDirectory} is damaged: {e.Message} (see 'tokenmatch journal repair')");
                return ExitCodes.BadInput;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                Fail($"cannot open the journal {journalDirectory}: {e.Message}");
                return ExitCodes.FileError;
            }
        }
        using JournalWriter? journalWriter = writer;
        bool fresh = recovered is null || recovered.Core.GetAccount(config.House.ProviderAccount) is null;
        var bootstrap = new DemoBootstrap(config);
        bool generatedKeys = config.ApiKeys.Count == 0;

        // 5. A recovered demo needs its key file: the journal holds only the keys' hashes.
        if (!fresh && generatedKeys)
        {
            string? problem = CheckKeyFile(keyFile, recovered!.Core);
            if (problem is not null)
            {
                Fail(problem);
                return ExitCodes.FileError;
            }
        }

        // 6. New keys, written before any command records them: a key file that cannot be written stops the start with nothing journaled.
        IReadOnlyList<(KeyFileEntry Entry, Command Issue)> keys = [];
        (long Start, long End) firstCycle = schedule.First(SystemClock.Instance.UtcNowNanoseconds());
        if (fresh)
        {
            keys = generatedKeys ? bootstrap.NewKeys() : [];
            if (generatedKeys)
            {
                try
                {
                    KeyFile.Write(keyFile, keys.Select(k => k.Entry), bootstrap.MarketsOf(0).Select(m => (m.Id, m.Market.Symbol)));
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    Fail($"cannot write the key file {keyFile}: {e.Message}");
                    return ExitCodes.FileError;
                }
            }
        }

        using ILoggerFactory logs = ServeLogging.Create(level, options.Quiet || !LiveView.CanShow(output), out LiveViewLog? viewLog);
        ILogger log = logs.CreateLogger("tokenmatch");
        // Surveillance (Cli/Serve/SurveillanceWiring.cs): around the journal stage, primed with the journal on disk.
        using SurveillanceWiring? surveillance = surveillanceConfig is null ? null
            : new SurveillanceWiring(surveillanceConfig, (IJournalConsumer?)writer ?? NullJournalConsumer.Instance, journalDirectory, log);
        var hostOptions = new EngineHostOptions
        {
            Journal = surveillance?.Journal ?? (IJournalConsumer?)writer ?? NullJournalConsumer.Instance,
            FirstSequence = recovered?.NextSequence ?? 0,
            SnapshotInterval = journalDirectory is null ? 0 : config.Journal.SnapshotEveryCommands,
            OnError = e => log.LogError("engine: {Message}", e.Message),
        };
        using var host = recovered is null ? new EngineHost(hostOptions) : new EngineHost(recovered.Core, hostOptions);
        (int Cycle, long End)? current = recovered is null || fresh ? null : CycleClock.FindCurrent(recovered.Core, bootstrap);
        if (recovered is not null && !fresh)
            output.WriteLine($"recovered {journalDirectory}: next sequence {recovered.NextSequence} ({recovered.CommandsReplayed} commands replayed{(recovered.SnapshotSequence is long at ? $" after the snapshot at {at}" : "")}); state hash {recovered.Core.StateHash():x16}");

        var server = new GatewayServer(host, new GatewayOptions
        {
            Endpoint = endpoint, Certificate = certificate,
            ConnectionRate = config.RateLimits.ConnectionRate, ConnectionBurst = config.RateLimits.ConnectionBurst,
            AccountRate = config.RateLimits.AccountRate, AccountBurst = config.RateLimits.AccountBurst,
            OnError = e => log.LogError("gateway: {Message}", e.Message),
            Alerts = surveillance?.Alerts,
        });
        if (recovered is not null) server.SeedBooks(recovered.Core);
        surveillance?.Attach(host);
        host.Start();

        // 7. A new engine becomes the configured exchange: house, accounts, the first cycle's markets, the keys.
        if (fresh)
        {
            try
            {
                DemoBootstrap.ApplyAsync(host, bootstrap.Accounts()
                    .Concat(bootstrap.Cycle(0, firstCycle.Start, firstCycle.End))
                    .Concat(keys.Select(k => k.Issue))
                    .Concat(config.ApiKeyCommands())).GetAwaiter().GetResult();
            }
            catch (Exception e) when (e is BootstrapException or FormatException)
            {
                Fail($"setting up the configured exchange failed: {e.Message}");
                server.DisposeAsync().AsTask().GetAwaiter().GetResult();
                host.Stop();
                return ExitCodes.BadInput;
            }
            current = config.Markets.Count == 0 ? null : (0, firstCycle.End);
        }

        // 8. The clock: time commands through the ring, and the next cycle's markets when one ends.
        using var clock = new CycleClock(host, bootstrap, schedule, current?.Cycle ?? 0, current?.End ?? -1, log,
            (_, markets) =>
            {
                if (!generatedKeys) return;
                try { KeyFile.AppendMarkets(keyFile, markets); }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    log.LogWarning("cannot add the new markets to the key file {KeyFile}: {Message}", keyFile, e.Message);
                }
            })
        { Interval = options.ClockInterval };
        clock.Start();

        // 9. The gateway.
        try
        {
            server.Start();
        }
        catch (SocketException e)
        {
            Fail($"cannot listen on {endpoint}: {e.Message}");
            clock.Dispose();
            host.Stop();
            return ExitCodes.FileError;
        }
        int cycleShown = current?.Cycle ?? 0;
        if (config.Markets.Count > 0)
            output.WriteLine($"markets (cycle {cycleShown}, {schedule.Text}): {string.Join(", ", bootstrap.MarketsOf(cycleShown).Select(m => $"{m.Id} {m.Market.Symbol} ({m.Market.ModelClass})"))}");
        if (generatedKeys)
            output.WriteLine(fresh
                ? $"API keys written to {keyFile} (mode 0600; provider, marketdata and one trader key per demo account; only their salted hashes are journaled)"
                : $"API keys: {keyFile} (written at the first start; the journal keeps only their hashes)");
        string state = journalDirectory is null ? "state in memory only" : $"journal {journalDirectory} (fsync {fsync})";
        output.WriteLine($"listening on {server.Endpoint}{(certificate is null ? "" : " (TLS)")}; {state}; Ctrl+C stops");
        if (generatedKeys)
            output.WriteLine($"connect: dotnet run --project Clients/dotnet/Example -c Release -- {server.Endpoint.Port} {keyFile}");
        output.Flush();

        // 10. The live view (or plain log lines) until the stop signal.
        if (viewLog is not null) LiveView.Run(host, server, bootstrap, clock, viewLog, stop, surveillance?.Recent);
        else stop.WaitHandle.WaitOne();

        // 11. Shutdown: stop accepting, close sessions, stop the clock, drain the ring, sync the journal.
        output.WriteLine("stopping");
        output.Flush();
        server.DisposeAsync().AsTask().GetAwaiter().GetResult();
        clock.Dispose();
        ulong hash = host.StateHashAsync().GetAwaiter().GetResult();
        host.Stop();
        surveillance?.Stop(output);
        journalWriter?.Flush();
        output.WriteLine(journalDirectory is null
            ? $"stopped; state hash {hash:x16}"
            : $"stopped; journal synced at sequence {journalWriter!.NextSequence - 1}; state hash {hash:x16}");
        output.Flush();
        return ExitCodes.Ok;
    }

    /// <summary>Null when the key file reads and its provider key is one the recovered engine knows, else the one-line problem.</summary>
    private static string? CheckKeyFile(string path, Core.ExchangeCore core)
    {
        KeyFile file;
        try
        {
            file = KeyFile.Read(path);
        }
        catch (FileNotFoundException)
        {
            return $"the key file {path} is missing: the journal keeps only the keys' hashes, so no one could log in (restore the file, or start on a new --journal directory)";
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return $"cannot read the key file {path}: {e.Message}";
        }
        catch (FormatException e)
        {
            return $"the key file is damaged: {e.Message}";
        }
        string? provider = file.Find(KeyFileEntry.Provider);
        if (provider is null || !ApiKeys.TryParse(provider, out long keyId, out _) || core.GetApiKey(keyId) is null)
            return $"the key file {path} does not belong to this journal (its provider key is unknown to the engine)";
        return null;
    }
}
