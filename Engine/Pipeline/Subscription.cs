namespace TokenMatch.Pipeline;

/// <summary>A subscription to the event stream; disposing it (from any thread, any number of times) unsubscribes.</summary>
internal sealed class Subscription(SubscriberList list, IEventSubscriber subscriber) : IDisposable
{
    private int _disposed;

    /// <inheritdoc/>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0) list.Remove(subscriber);
    }
}
