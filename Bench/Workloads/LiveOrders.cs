using System.Runtime.CompilerServices;
using TokenMatch.Commands;

namespace TokenMatch.Bench.Workloads;

/// <summary>
/// The orders a workload knows to be resting, kept from the core's events: a dense array (so a
/// uniformly random live order is one draw) and an order id → slot map (so an event finds its order).
/// Removal swaps the last slot into the hole. Owned by the generator's thread.
/// </summary>
public sealed class LiveOrders
{
    private readonly Dictionary<long, int> _slots;
    private long[] _ids;
    private int[] _accounts;
    private Side[] _sides;
    private long[] _prices;
    private long[] _remaining;
    private long[] _clientIds;
    private long[] _expireAt;
    private int _count;

    /// <summary>Creates an empty set with room for <paramref name="capacity"/> orders.</summary>
    public LiveOrders(int capacity)
    {
        capacity = Math.Max(16, capacity);
        _slots = new Dictionary<long, int>(capacity);
        _ids = new long[capacity];
        _accounts = new int[capacity];
        _sides = new Side[capacity];
        _prices = new long[capacity];
        _remaining = new long[capacity];
        _clientIds = new long[capacity];
        _expireAt = new long[capacity];
    }

    /// <summary>Live orders.</summary>
    public int Count => _count;

    /// <summary>Order id in slot <paramref name="slot"/>.</summary>
    public long IdAt(int slot) => _ids[slot];

    /// <summary>Owning account in slot <paramref name="slot"/>.</summary>
    public int AccountAt(int slot) => _accounts[slot];

    /// <summary>Side in slot <paramref name="slot"/>.</summary>
    public Side SideAt(int slot) => _sides[slot];

    /// <summary>FTE price in slot <paramref name="slot"/>.</summary>
    public long PriceAt(int slot) => _prices[slot];

    /// <summary>Remaining lots in slot <paramref name="slot"/>.</summary>
    public long RemainingAt(int slot) => _remaining[slot];

    /// <summary>Client order id in slot <paramref name="slot"/> (0 none).</summary>
    public long ClientIdAt(int slot) => _clientIds[slot];

    /// <summary>Good-till-time expiry in slot <paramref name="slot"/> (0 none).</summary>
    public long ExpireAtAt(int slot) => _expireAt[slot];

    /// <summary>True when order <paramref name="id"/> is live.</summary>
    public bool Contains(long id) => _slots.ContainsKey(id);

    /// <summary>Adds a newly resting order.</summary>
    public void Add(long id, int account, Side side, long price, long remaining, long clientId = 0, long expireAt = 0)
    {
        if (_count == _ids.Length) Grow();
        int slot = _count++;
        _ids[slot] = id;
        _accounts[slot] = account;
        _sides[slot] = side;
        _prices[slot] = price;
        _remaining[slot] = remaining;
        _clientIds[slot] = clientId;
        _expireAt[slot] = expireAt;
        _slots.Add(id, slot);
    }

    /// <summary>Sets a live order's remaining lots; an order left with none is removed. Unknown ids are ignored.</summary>
    public void SetRemaining(long id, long remaining)
    {
        if (!_slots.TryGetValue(id, out int slot)) return;
        if (remaining <= 0) RemoveSlot(slot);
        else _remaining[slot] = remaining;
    }

    /// <summary>Takes <paramref name="lots"/> off a live order (an incoming order that trades, then rests). Unknown ids are ignored.</summary>
    public void Reduce(long id, long lots)
    {
        if (_slots.TryGetValue(id, out int slot)) SetRemaining(id, _remaining[slot] - lots);
    }

    /// <summary>Sets a live order's price and remaining lots (an amend). Unknown ids are ignored.</summary>
    public void Amend(long id, long price, long remaining)
    {
        if (!_slots.TryGetValue(id, out int slot)) return;
        _prices[slot] = price;
        if (remaining <= 0) RemoveSlot(slot);
        else _remaining[slot] = remaining;
    }

    /// <summary>Forgets order <paramref name="id"/> (cancelled or filled). Unknown ids are ignored.</summary>
    public void Remove(long id)
    {
        if (_slots.TryGetValue(id, out int slot)) RemoveSlot(slot);
    }

    private void RemoveSlot(int slot)
    {
        _slots.Remove(_ids[slot]);
        int last = --_count;
        if (slot != last)
        {
            _ids[slot] = _ids[last];
            _accounts[slot] = _accounts[last];
            _sides[slot] = _sides[last];
            _prices[slot] = _prices[last];
            _remaining[slot] = _remaining[last];
            _clientIds[slot] = _clientIds[last];
            _expireAt[slot] = _expireAt[last];
            _slots[_ids[slot]] = slot;
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void Grow()
    {
        int size = _ids.Length * 2;
        Array.Resize(ref _ids, size);
        Array.Resize(ref _accounts, size);
        Array.Resize(ref _sides, size);
        Array.Resize(ref _prices, size);
        Array.Resize(ref _remaining, size);
        Array.Resize(ref _clientIds, size);
        Array.Resize(ref _expireAt, size);
    }
}
