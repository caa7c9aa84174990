using TokenMatch.Surveillance.Alerts;

namespace TokenMatch.Cli.Serve;

/// <summary>
/// The last <see cref="Capacity"/> surveillance alerts, for the live view: an observer on the
/// <see cref="AlertHub"/> (called on the detector thread), read from any thread as a snapshot.
/// </summary>
public sealed class RecentAlerts(int capacity = 5) : IAlertObserver
{
    private readonly Lock _gate = new();
    private readonly Queue<Alert> _alerts = new();
    private long _total;

    /// <summary>How many are kept.</summary>
    public int Capacity { get; } = Math.Max(1, capacity);

    /// <summary>Alerts seen since the server started.</summary>
    public long Total
    {
        get { lock (_gate) return _total; }
    }

    /// <inheritdoc/>
    public void OnAlert(Alert alert)
    {
        lock (_gate)
        {
            _alerts.Enqueue(alert);
            if (_alerts.Count > Capacity) _alerts.Dequeue();
            _total++;
        }
    }

    /// <summary>The kept alerts, oldest first.</summary>
    public IReadOnlyList<Alert> Snapshot()
    {
        lock (_gate) return [.. _alerts];
    }

    /// <summary>One line per kept alert, newest last: <c>#id detector severity market accounts: summary</c>.</summary>
    public IReadOnlyList<string> Lines() => Snapshot().Select(Line).ToArray();

    /// <summary>One alert as a line.</summary>
    public static string Line(Alert a)
    {
        string accounts = a.Accounts.Count <= 4 ? string.Join(",", a.Accounts) : $"{string.Join(",", a.Accounts.Take(3))},… ({a.Accounts.Count})";
        return $"#{a.Id} {a.Detector} {a.Severity} market {(a.Market < 0 ? "-" : a.Market)} accounts {accounts} seq {a.FirstSequence}..{a.LastSequence}: {a.Summary}";
    }
}
