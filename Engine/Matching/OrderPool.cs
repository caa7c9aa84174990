using System.Runtime.CompilerServices;

namespace TokenMatch.Matching;

/// <summary>
/// Pre-allocated array of <see cref="Order"/> slots with a free list threaded through
/// <see cref="Order.Next"/>; doubles when exhausted (the only allocation, amortised and rare).
/// Owned by the core thread.
/// </summary>
public sealed class OrderPool
{
    private Order[] _orders;
    private int _free = -1;
    private int _used;

    /// <summary>Creates a pool with <paramref name="capacity"/> slots.</summary>
    public OrderPool(int capacity)
    {
        _orders = new Order[Math.Max(16, capacity)];
        for (int i = _orders.Length - 1; i >= 0; i--)
        {
            _orders[i].Next = _free;
            _free = i;
        }
    }

    /// <summary>Slots in use.</summary>
    public int Count => _used;

    /// <summary>The order in slot <paramref name="index"/>.</summary>
    public ref Order this[int index]
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => ref _orders[index];
    }

    /// <summary>Takes a cleared slot.</summary>
    public int Rent()
    {
        if (_free < 0) Grow();
        int index = _free;
        ref Order o = ref _orders[index];
        _free = o.Next;
        o = default;
        o.Prev = o.Next = o.AccountPrev = o.AccountNext = -1;
        _used++;
        return index;
    }

    /// <summary>Returns a slot to the free list.</summary>
    public void Return(int index)
    {
        ref Order o = ref _orders[index];
        o = default;
        o.Next = _free;
        _free = index;
        _used--;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void Grow()
    {
        int old = _orders.Length;
        Array.Resize(ref _orders, old * 2);
        for (int i = _orders.Length - 1; i >= old; i--)
        {
            _orders[i].Next = _free;
            _free = i;
        }
    }
}
