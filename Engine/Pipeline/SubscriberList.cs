using TokenMatch.Util;

namespace TokenMatch.Pipeline;

/// <summary>
/// The event subscribers, copy-on-write: the event thread reads the current array without a lock;
/// any thread may add or remove under the lock, replacing the array.
/// </summary>
internal sealed class SubscriberList
{
    private readonly Lock _gate = new();
    private IEventSubscriber[] _items = [];

    /// <summary>The current subscribers (a snapshot; never mutated).</summary>
    public IEventSubscriber[] Items => Volatile.Read(ref _items);

    /// <summary>Adds a subscriber; disposing the result removes it.</summary>
    public IDisposable Add(IEventSubscriber subscriber)
    {
        ArgumentNullException.ThrowIfNull(subscriber);
        lock (_gate)
        {
            if (Array.IndexOf(_items, subscriber) >= 0) ThrowHelper.ThrowInvalidOperation("The subscriber is already subscribed.");
            Volatile.Write(ref _items, [.. _items, subscriber]);
        }
        return new Subscription(this, subscriber);
    }

    /// <summary>Removes a subscriber (any thread).</summary>
    internal void Remove(IEventSubscriber subscriber)
    {
        lock (_gate)
        {
            Volatile.Write(ref _items, [.. _items.Where(s => !ReferenceEquals(s, subscriber))]);
        }
    }
}
