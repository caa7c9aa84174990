namespace TokenMatch.Surveillance.Alerts;

/// <summary>
/// The in-process subscription API: observers subscribe and unsubscribe from any thread; every
/// alert is handed to each observer subscribed at that moment, in subscription order. An observer
/// that throws is counted in <see cref="ObserverFailures"/> and the others still get the alert.
/// A gateway forwards alerts to provider sessions by subscribing one observer per session (docs/surveillance.md).
/// </summary>
public sealed class AlertHub : IAlertObserver
{
    private readonly object _gate = new();
    private IAlertObserver[] _observers = [];
    private long _failures;

    /// <summary>Exceptions thrown by observers so far.</summary>
    public long ObserverFailures => Interlocked.Read(ref _failures);

    /// <summary>Told about each observer exception (for logging); must not throw.</summary>
    public Action<IAlertObserver, Exception>? OnObserverError { get; set; }

    /// <summary>Adds <paramref name="observer"/>; dispose the result to remove it.</summary>
    public IDisposable Subscribe(IAlertObserver observer)
    {
        ArgumentNullException.ThrowIfNull(observer);
        lock (_gate) _observers = [.. _observers, observer];
        return new Unsubscriber(this, observer);
    }

    /// <summary>Adds a callback as an observer.</summary>
    public IDisposable Subscribe(Action<Alert> callback) => Subscribe(new CallbackObserver(callback));

    /// <inheritdoc/>
    public void OnAlert(Alert alert)
    {
        foreach (IAlertObserver observer in Volatile.Read(ref _observers))
        {
            try
            {
                observer.OnAlert(alert);
            }
            catch (Exception e)
            {
                Interlocked.Increment(ref _failures);
                OnObserverError?.Invoke(observer, e);
            }
        }
    }

    private void Remove(IAlertObserver observer)
    {
        lock (_gate)
        {
            int i = Array.IndexOf(_observers, observer);
            if (i >= 0) _observers = [.. _observers[..i], .. _observers[(i + 1)..]];
        }
    }

    private sealed class Unsubscriber(AlertHub hub, IAlertObserver observer) : IDisposable
    {
        private int _done;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _done, 1) == 0) hub.Remove(observer);
        }
    }

    private sealed class CallbackObserver(Action<Alert> callback) : IAlertObserver
    {
        public void OnAlert(Alert alert) => callback(alert);
    }
}
