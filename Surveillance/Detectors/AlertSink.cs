using TokenMatch.Surveillance.Alerts;
using TokenMatch.Surveillance.Model;

namespace TokenMatch.Surveillance.Detectors;

/// <summary>
/// Where a detector raises alerts: numbers them, stamps the detector's name and the engine time,
/// sorts the accounts and hands each on to the surveillance engine. Owned by the engine's thread.
/// </summary>
public sealed class AlertSink
{
    private readonly Action<Alert> _raise;
    private long _nextId = 1;

    internal AlertSink(Action<Alert> raise) => _raise = raise;

    /// <summary>The detector now running (set by the engine).</summary>
    internal string Detector { get; set; } = "";

    /// <summary>The engine's state (for the time stamp).</summary>
    internal SurveillanceState? State { get; set; }

    /// <summary>Raises one alert.</summary>
    public void Raise(AlertSeverity severity, int market, IEnumerable<int> accounts, long firstSequence, long lastSequence,
        string summary, IEnumerable<KeyValuePair<string, long>> figures, IEnumerable<long>? orders = null,
        IEnumerable<TradeEvidence>? trades = null)
    {
        int[] sorted = accounts.Distinct().ToArray();
        Array.Sort(sorted);
        var named = new SortedDictionary<string, long>(StringComparer.Ordinal);
        foreach (KeyValuePair<string, long> f in figures) named[f.Key] = f.Value;
        var alert = new Alert(_nextId++, Detector, severity, market, sorted, firstSequence, lastSequence,
            State?.Clock ?? 0, summary, named, orders?.ToArray() ?? [], trades?.ToArray() ?? []);
        _raise(alert);
    }
}
