using TokenMatch.Commands;
using TokenMatch.Surveillance.Alerts;
using TokenMatch.Surveillance.Config;
using TokenMatch.Surveillance.Detectors;
using TokenMatch.Surveillance.Model;

namespace TokenMatch.Surveillance;

/// <summary>
/// Runs the detectors over (command, events) records in sequence order and hands their alerts on.
/// The same records give the same alerts: detectors see engine time only and iterate nothing in
/// hash order. A detector that throws is isolated: the exception is counted and reported to
/// <see cref="OnDetectorError"/>, the detector is switched off (its state may be half-updated),
/// and the others carry on. Each alert goes to <see cref="Alerts"/> (the subscription hub) and,
/// when its detector's configuration asks for it, becomes automatic response commands for
/// <see cref="OnResponse"/>. Owned by one thread: the detector thread of a
/// <see cref="Hosting.SurveillanceHost"/>, or the caller of an offline run.
/// </summary>
public sealed class SurveillanceEngine
{
    private readonly IDetector[] _detectors;
    private readonly long[] _alertCounts;
    private readonly long[] _failures;
    private readonly bool[] _disabled;
    private readonly string?[] _lastErrors;
    private readonly Dictionary<string, AutoResponse> _responses = new(StringComparer.Ordinal);
    private readonly HashSet<(int Account, AutoResponse Response)> _responded = new();
    private readonly AlertSink _sink;
    private readonly List<Alert> _raised = new();
    private int _current;
    private bool _completed;

    /// <summary>The four standard detectors with <paramref name="config"/> (defaults when null); disabled ones left out.</summary>
    public SurveillanceEngine(SurveillanceConfig? config = null) : this(StandardDetectors(config ?? new SurveillanceConfig()), config) { }

    /// <summary>Given detectors (tests add their own); responses per detector name from <paramref name="config"/>.</summary>
    public SurveillanceEngine(IEnumerable<IDetector> detectors, SurveillanceConfig? config = null)
    {
        _detectors = detectors.ToArray();
        _alertCounts = new long[_detectors.Length];
        _failures = new long[_detectors.Length];
        _disabled = new bool[_detectors.Length];
        _lastErrors = new string?[_detectors.Length];
        config ??= new SurveillanceConfig();
        config.Validate();
        _responses["sybil"] = config.Sybil.Response;
        _responses["collusion"] = config.Collusion.Response;
        _responses["spoofing"] = config.Spoofing.Response;
        _responses["velocity"] = config.Velocity.Response;
        _sink = new AlertSink(Dispatch) { State = State };
    }

    /// <summary>The shared picture of the exchange the detectors read.</summary>
    public SurveillanceState State { get; } = new();

    /// <summary>Where alerts go: subscribe observers (the alert log, a gateway, a live view) here.</summary>
    public AlertHub Alerts { get; } = new();

    /// <summary>
    /// Told about each automatic response command (freeze, set tier) as an alert asks for it; a live
    /// host submits it through the engine's ring. Null: responses are only counted.
    /// </summary>
    public Action<Command>? OnResponse { get; set; }

    /// <summary>Told about each detector exception (for logging); must not throw.</summary>
    public Action<string, Exception>? OnDetectorError { get; set; }

    /// <summary>Records seen.</summary>
    public long Records { get; private set; }

    /// <summary>Every alert raised so far, in order.</summary>
    public IReadOnlyList<Alert> Raised => _raised;

    /// <summary>Every automatic response command asked for so far, in order.</summary>
    public List<Command> Responses { get; } = new();

    /// <summary>The four standard detectors, in a fixed order, for <paramref name="config"/> (enabled ones only).</summary>
    public static IEnumerable<IDetector> StandardDetectors(SurveillanceConfig config)
    {
        if (config.Sybil.Enabled) yield return new SybilDetector(config.Sybil);
        if (config.Collusion.Enabled) yield return new CollusionDetector(config.Collusion);
        if (config.Spoofing.Enabled) yield return new SpoofingDetector(config.Spoofing);
        if (config.Velocity.Enabled) yield return new VelocityDetector(config.Velocity);
    }

    /// <summary>Each detector's counters, in detector order.</summary>
    public IReadOnlyList<DetectorStats> Stats() =>
        _detectors.Select((d, i) => new DetectorStats(d.Name, _alertCounts[i], _failures[i], _disabled[i], _lastErrors[i])).ToArray();

    /// <summary>Feeds one command with its events (in sequence order).</summary>
    public void Observe(in CommandRecord record)
    {
        if (_completed) throw new InvalidOperationException("the surveillance engine has completed");
        Records++;
        State.Apply(record);
        for (int i = 0; i < _detectors.Length; i++)
        {
            if (_disabled[i]) continue;
            _current = i;
            _sink.Detector = _detectors[i].Name;
            try
            {
                _detectors[i].Observe(record, State, _sink);
            }
            catch (Exception e)
            {
                Fail(i, e);
            }
        }
        State.Retire();
    }

    /// <summary>The input has ended: lets every detector judge what is still open. Call once.</summary>
    public void Complete()
    {
        if (_completed) return;
        _completed = true;
        for (int i = 0; i < _detectors.Length; i++)
        {
            if (_disabled[i]) continue;
            _current = i;
            _sink.Detector = _detectors[i].Name;
            try
            {
                _detectors[i].Complete(State, _sink);
            }
            catch (Exception e)
            {
                Fail(i, e);
            }
        }
    }

    private void Fail(int i, Exception e)
    {
        _failures[i]++;
        _disabled[i] = true;
        _lastErrors[i] = e.Message;
        try { OnDetectorError?.Invoke(_detectors[i].Name, e); }
        catch (Exception) { /* a logger that throws must not take the detectors down */ }
    }

    private void Dispatch(Alert alert)
    {
        _alertCounts[_current]++;
        _raised.Add(alert);
        Alerts.OnAlert(alert);
        if (!_responses.TryGetValue(alert.Detector, out AutoResponse response) || response == AutoResponse.None) return;
        foreach (int account in alert.Accounts)
        {
            if (State.IsHouse(account) || State.Account(account) is not { } info || !_responded.Add((account, response))) continue;
            Command command;
            if (response == AutoResponse.Freeze)
            {
                if (info.Frozen) continue;
                command = Command.Freeze(State.Clock, account);
            }
            else
            {
                if (info.Tier == Tier.Unverified) continue;
                command = Command.SetTier(State.Clock, account, info.Tier - 1);
            }
            Responses.Add(command);
            OnResponse?.Invoke(command);
        }
    }
}
