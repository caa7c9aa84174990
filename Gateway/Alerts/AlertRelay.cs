using TokenMatch.Commands;
using TokenMatch.Surveillance.Alerts;

namespace TokenMatch.Gateway.Alerts;

/// <summary>
/// Forwards surveillance alerts to the provider sessions that subscribed (<c>SubscribeAlerts</c>,
/// docs/protocol.md): one observer on the <see cref="AlertHub"/>, called on the detector thread,
/// which keeps the latest <see cref="GatewayOptions.AlertsKept"/> alerts and appends an
/// <c>Alert</c> frame to each subscriber's outbox. Appending never waits, so a slow subscriber
/// never holds up the detectors (or anything else): its outbox passes its bound and the session is
/// disconnected as a slow consumer, like any other traffic; it may reconnect and ask for the kept
/// alerts after the last id it saw. One lock orders everything: a new subscriber gets its answer,
/// then the kept alerts it asked for, then live ones, with no alert missed or sent twice.
/// </summary>
internal sealed class AlertRelay : IAlertObserver, IDisposable
{
    private static readonly IAlertSubscriber[] NoSubscribers = [];

    private readonly Lock _gate = new();
    private readonly Alert?[] _kept;
    private readonly IDisposable _subscription;
    private IAlertSubscriber[] _subscribers = NoSubscribers;
    private long _count;
    private long _lastId;

    public AlertRelay(AlertHub hub, int keep)
    {
        _kept = new Alert?[Math.Max(1, keep)];
        _subscription = hub.Subscribe(this);
    }

    /// <summary>Alerts received from the hub.</summary>
    public long Received
    {
        get { lock (_gate) return _count; }
    }

    /// <summary>Subscribed sessions now.</summary>
    public int Subscribers => Volatile.Read(ref _subscribers).Length;

    /// <summary>Detector thread: a new alert.</summary>
    public void OnAlert(Alert alert)
    {
        lock (_gate)
        {
            _kept[_count % _kept.Length] = alert;
            _count++;
            _lastId = alert.Id;
            foreach (IAlertSubscriber s in _subscribers) s.SendAlert(alert);
        }
    }

    /// <summary>
    /// Session's read loop: answers <paramref name="correlation"/> with the latest alert id, sends the
    /// kept alerts with an id above <paramref name="afterId"/> (none when null), then adds the session
    /// (a second subscription replaces the first).
    /// </summary>
    public void Subscribe(IAlertSubscriber session, long correlation, long? afterId)
    {
        lock (_gate)
        {
            session.SendAlertsSubscribed(correlation, ResultCode.Ok, _lastId);
            if (afterId is long after)
            {
                long first = Math.Max(0, _count - _kept.Length);
                for (long i = first; i < _count; i++)
                    if (_kept[i % _kept.Length] is { } kept && kept.Id > after) session.SendAlert(kept);
            }
            if (Array.IndexOf(_subscribers, session) < 0) _subscribers = [.. _subscribers, session];
        }
    }

    /// <summary>Any thread: the session no longer gets alerts (unsubscribe, close).</summary>
    public void Remove(IAlertSubscriber session)
    {
        lock (_gate)
        {
            if (Array.IndexOf(_subscribers, session) >= 0) _subscribers = [.. _subscribers.Where(s => s != session)];
        }
    }

    /// <summary>The latest alert id (0 before any).</summary>
    public long LastId
    {
        get { lock (_gate) return _lastId; }
    }

    public void Dispose() => _subscription.Dispose();
}
