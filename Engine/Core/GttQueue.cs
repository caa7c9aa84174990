namespace TokenMatch.Core;

/// <summary>
/// Pending good-till-time expiries: an indexed binary min-heap of (expiry, order id, pool slot),
/// least expiry first, ties by order id. Each pool slot's heap position is kept in a side array, so
/// an order that ends before its time (filled, cancelled) leaves the heap at once: the heap holds
/// exactly the resting good-till-time orders, no stale entries. Both arrays are allocated up front
/// (<see cref="CoreOptions.InitialGoodTillTimeCapacity"/> entries of 24 B, one int per order slot)
/// and double only when more good-till-time orders rest at once, or the order pool grows, than they
/// hold. Owned by the core thread.
/// </summary>
internal sealed class GttQueue
{
    private struct Entry
    {
        public long At;
        public long OrderId;
        public int Slot;
    }

    private Entry[] _heap;
    private int[] _position; // pool slot → heap index, −1 when not queued
    private int _count;

    public GttQueue(int capacity = 256, int slots = 256)
    {
        _heap = new Entry[Math.Max(16, capacity)];
        _position = new int[Math.Max(16, slots)];
        Array.Fill(_position, -1);
    }

    /// <summary>Queued expiries: the resting good-till-time orders.</summary>
    public int Count => _count;

    /// <summary>Entries the heap holds before it grows.</summary>
    public int Capacity => _heap.Length;

    /// <summary>The least (expiry, order id) and its slot; only when <see cref="Count"/> &gt; 0.</summary>
    public (long At, long OrderId, int Slot) Peek() => (_heap[0].At, _heap[0].OrderId, _heap[0].Slot);

    /// <summary>Whether an expiry is due at or before <paramref name="now"/>: the per-command check, a compare, no copy of the head.</summary>
    public bool DueBy(long now) => _count > 0 && _heap[0].At <= now;

    /// <summary>Whether the order in <paramref name="slot"/> is queued.</summary>
    public bool Contains(int slot) => (uint)slot < (uint)_position.Length && _position[slot] >= 0;

    /// <summary>Queues the order in <paramref name="slot"/> to expire at <paramref name="at"/>; an order already queued is moved to that time.</summary>
    public void Set(int slot, long at, long orderId)
    {
        if (slot >= _position.Length) GrowPositions(slot);
        int i = _position[slot];
        if (i < 0)
        {
            if (_count == _heap.Length) Array.Resize(ref _heap, _heap.Length * 2);
            i = _count++;
        }
        var entry = new Entry { At = at, OrderId = orderId, Slot = slot };
        _heap[i] = entry;
        _position[slot] = i;
        if (!SiftUp(i)) SiftDown(i);
    }

    /// <summary>Takes the order in <paramref name="slot"/> out of the queue; nothing when it is not queued.</summary>
    public void Remove(int slot)
    {
        if ((uint)slot >= (uint)_position.Length) return;
        int i = _position[slot];
        if (i < 0) return;
        _position[slot] = -1;
        int last = --_count;
        if (i == last) return;
        _heap[i] = _heap[last];
        _position[_heap[i].Slot] = i;
        if (!SiftUp(i)) SiftDown(i);
    }

    /// <summary>Removes the least entry.</summary>
    public void Pop() => Remove(_heap[0].Slot);

    /// <summary>Moves entry <paramref name="i"/> up while it is less than its parent; true when it moved.</summary>
    private bool SiftUp(int i)
    {
        Entry e = _heap[i];
        int start = i;
        while (i > 0)
        {
            int parent = (i - 1) >> 1;
            if (!Less(in e, in _heap[parent])) break;
            _heap[i] = _heap[parent];
            _position[_heap[i].Slot] = i;
            i = parent;
        }
        _heap[i] = e;
        _position[e.Slot] = i;
        return i != start;
    }

    private void SiftDown(int i)
    {
        Entry e = _heap[i];
        while (true)
        {
            int child = 2 * i + 1;
            if (child >= _count) break;
            if (child + 1 < _count && Less(in _heap[child + 1], in _heap[child])) child++;
            if (!Less(in _heap[child], in e)) break;
            _heap[i] = _heap[child];
            _position[_heap[i].Slot] = i;
            i = child;
        }
        _heap[i] = e;
        _position[e.Slot] = i;
    }

    private void GrowPositions(int slot)
    {
        int old = _position.Length;
        int size = old;
        while (size <= slot) size *= 2;
        Array.Resize(ref _position, size);
        Array.Fill(_position, -1, old, size - old);
    }

    private static bool Less(in Entry a, in Entry b) => a.At < b.At || (a.At == b.At && a.OrderId < b.OrderId);
}
