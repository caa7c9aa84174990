namespace TokenMatch.Core;

/// <summary>
/// Pending good-till-time expiries: a binary min-heap of (expiry, order id) in a pre-allocated array.
/// Entries of orders that ended early stay until they surface and are then skipped (the core checks
/// the order is still live with that expiry), so removal costs nothing. Owned by the core thread.
/// </summary>
internal sealed class GttQueue
{
    private (long At, long OrderId)[] _heap = new (long, long)[256];
    private int _count;

    public int Count => _count;

    public (long At, long OrderId) Peek() => _heap[0];

    public void Push(long at, long orderId)
    {
        if (_count == _heap.Length) Array.Resize(ref _heap, _count * 2);
        int i = _count++;
        while (i > 0)
        {
            int parent = (i - 1) >> 1;
            if (!Less(at, orderId, _heap[parent])) break;
            _heap[i] = _heap[parent];
            i = parent;
        }
        _heap[i] = (at, orderId);
    }

    public void Pop()
    {
        var last = _heap[--_count];
        int i = 0;
        while (true)
        {
            int child = 2 * i + 1;
            if (child >= _count) break;
            if (child + 1 < _count && Less(_heap[child + 1].At, _heap[child + 1].OrderId, _heap[child])) child++;
            if (!Less(_heap[child].At, _heap[child].OrderId, last)) break;
            _heap[i] = _heap[child];
            i = child;
        }
        _heap[i] = last;
    }

    private static bool Less(long at, long id, (long At, long OrderId) other) =>
        at < other.At || (at == other.At && id < other.OrderId);
}
