using System.Text.Json;
using Microsoft.Extensions.Logging;
using TokenMatch.Commands;
using TokenMatch.Core;
using TokenMatch.Events;
using TokenMatch.Journal.Format;
using TokenMatch.Journal.Reading;
using TokenMatch.Pipeline;
using TokenMatch.Surveillance;
using TokenMatch.Surveillance.Alerts;
using TokenMatch.Surveillance.Config;
using TokenMatch.Surveillance.Detectors;
using TokenMatch.Surveillance.Hosting;

namespace TokenMatch.Cli.Serve;

/// <summary>
/// Live surveillance inside <c>tokenmatch serve</c> (docs/surveillance.md, "Hosted in serve"), stage
/// by stage: the configuration (<c>--surveillance-config</c>, refused whole before anything starts);
/// the detectors primed with the journal already on disk (a restart continues the alert numbering and
/// the detectors' picture, without re-raising or re-logging old alerts); a <see cref="SurveillanceHost"/>
/// wrapped around the journal consumer; the alert log <c>&lt;journal dir&gt;/alerts.jsonl</c>; the gateway's
/// alert subscription (<see cref="Alerts"/> for <see cref="Gateway.GatewayOptions.Alerts"/>); the live
/// view's <see cref="Recent"/> alerts; detector failures and drops logged. ServeRunner calls it in a few
/// lines: <see cref="TryLoadConfig"/>, the constructor, <see cref="Attach"/> before the host starts, and
/// <see cref="Stop"/> after the host has stopped.
/// </summary>
public sealed class SurveillanceWiring : IDisposable
{
    /// <summary>The alert log's file name inside the journal directory.</summary>
    public const string AlertLogName = "alerts.jsonl";

    private readonly ILogger _log;
    private readonly AlertLog? _alertLog;
    private readonly SurveillanceHost _host;
    private readonly int _primedAlerts;

    /// <summary>
    /// Builds the surveillance around <paramref name="innerJournal"/>; primes the detectors with the
    /// commands already in <paramref name="journalDirectory"/> (when there are any) and opens its
    /// alert log. <paramref name="extraDetectors"/> run before the standard ones (tests plant faulty ones).
    /// </summary>
    public SurveillanceWiring(SurveillanceConfig config, IJournalConsumer innerJournal, string? journalDirectory, ILogger log,
        IEnumerable<IDetector>? extraDetectors = null, int queueCapacity = 1 << 16)
    {
        _log = log;
        Engine = new SurveillanceEngine([.. extraDetectors ?? [], .. SurveillanceEngine.StandardDetectors(config)], config)
        {
            OnDetectorError = (name, e) => log.LogError("surveillance: detector {Detector} failed and was switched off: {Message}", name, e.Message),
        };
        Engine.Alerts.OnObserverError = (_, e) => log.LogWarning("surveillance: an alert observer failed: {Message}", e.Message);
        if (journalDirectory is not null && Directory.Exists(journalDirectory)) Primed = Prime(journalDirectory);
        // Subscribed after priming: the alerts of commands from earlier runs are in the log already.
        if (journalDirectory is not null)
        {
            AlertLogPath = Path.Combine(journalDirectory, AlertLogName);
            _alertLog = new AlertLog(AlertLogPath);
            Engine.Alerts.Subscribe(_alertLog);
        }
        Engine.Alerts.Subscribe(Recent);
        Engine.Alerts.Subscribe(a => log.LogInformation("alert {Line}", RecentAlerts.Line(a)));
        _primedAlerts = Engine.Raised.Count;
        // A stop is a pause: the next start on this journal primes from it and carries on (see CompleteOnStop).
        _host = new SurveillanceHost(Engine, innerJournal, queueCapacity)
        {
            CompleteOnStop = false,
            OnError = e => log.LogError("surveillance stopped: {Message}", e.Message),
        };
    }

    /// <summary>The detectors and their alert hub (the gateway's alert source).</summary>
    public SurveillanceEngine Engine { get; }

    /// <summary>Where alerts go (for <see cref="Gateway.GatewayOptions.Alerts"/>).</summary>
    public AlertHub Alerts => Engine.Alerts;

    /// <summary>The journal stage for <see cref="EngineHostOptions.Journal"/>: the inner journal, then the tap.</summary>
    public IJournalConsumer Journal => _host.Journal;

    /// <summary>The live host (drops, responses, processed sequence).</summary>
    public SurveillanceHost Host => _host;

    /// <summary>The last alerts, for the live view.</summary>
    public RecentAlerts Recent { get; } = new();

    /// <summary>The alert log's path (null without a journal directory: <c>--memory</c>).</summary>
    public string? AlertLogPath { get; }

    /// <summary>Commands of the journal on disk run through the detectors before the host started.</summary>
    public long Primed { get; }

    /// <summary>
    /// The configuration <paramref name="options"/> ask for: null with <c>--no-surveillance</c>, the
    /// defaults, or <c>--surveillance-config FILE</c> validated whole. False with a one-line problem and an exit code.
    /// </summary>
    public static bool TryLoadConfig(ServeOptions options, out SurveillanceConfig? config, out string problem, out int exitCode)
    {
        config = null;
        problem = "";
        exitCode = ExitCodes.Ok;
        if (options.NoSurveillance) return true;
        if (options.SurveillanceConfig is not { } path)
        {
            config = new SurveillanceConfig();
            return true;
        }
        try
        {
            config = SurveillanceConfig.FromJson(File.ReadAllText(path));
            return true;
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            (problem, exitCode) = ($"surveillance configuration not found: {path}", ExitCodes.FileError);
        }
        catch (Exception e) when (e is JsonException or ArgumentException)
        {
            (problem, exitCode) = ($"{path}: {e.Message}", ExitCodes.BadInput);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            (problem, exitCode) = ($"cannot read the surveillance configuration {path}: {e.Message}", ExitCodes.FileError);
        }
        return false;
    }

    /// <summary>Subscribes the event tap and starts the detector thread; call before <see cref="EngineHost.Start"/>.</summary>
    public void Attach(EngineHost host) => _host.Attach(host);

    /// <summary>After the host stopped: drains, lets the detectors judge what is open, and says how it went.</summary>
    public void Stop(TextWriter output)
    {
        _host.Stop();
        _alertLog?.Dispose();
        string where = AlertLogPath is null ? "" : $" (in {AlertLogPath})";
        output.WriteLine($"surveillance: alerts this run {Engine.Raised.Count - _primedAlerts}{where}, {Engine.Raised.Count} in all; {Engine.Records} commands judged" +
            (_host.Degraded ? $"; DEGRADED: {_host.DroppedBatches} batches dropped, survey the journal with 'tokenmatch surveil'" : ""));
        foreach (DetectorStats s in Engine.Stats().Where(s => s.Failures > 0))
            output.WriteLine($"surveillance: detector {s.Name} failed {s.Failures} time(s) and was switched off: {s.LastError}");
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        _host.Stop();
        _alertLog?.Dispose();
    }

    /// <summary>Runs the journal's commands through a fresh core and the detectors, without completing them.</summary>
    private long Prime(string directory)
    {
        var assembler = new RecordAssembler(Engine);
        var core = new ExchangeCore();
        var sink = new Forward(assembler);
        var reader = new JournalReader(directory);
        var entry = new JournalEntry();
        Command[] one = new Command[1];
        long count = 0;
        while (reader.Read(ref entry))
        {
            if (entry.Kind != RecordKind.Command) continue;
            Command c = entry.Command;
            one[0] = c;
            assembler.AddCommands(one);
            core.Execute(ref c, sink);
            count++;
        }
        assembler.Flush();
        int raised = Engine.Raised.Count;
        if (count > 0) _log.LogInformation("surveillance: primed with {Count} journaled commands ({Alerts} alerts raised before this start)", count, raised);
        return count;
    }

    private sealed class Forward(RecordAssembler assembler) : IEventSink
    {
        public void OnEvents(ReadOnlySpan<Event> events) => assembler.AddEvents(events);
    }
}
