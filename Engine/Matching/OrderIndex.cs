using System.Runtime.CompilerServices;

namespace TokenMatch.Matching;

/// <summary>
/// Order id → pool slot: open addressing with linear probing over a power-of-two table, deletion
/// by backward shift (no tombstones), so lookups stay short and steady-state use allocates nothing.
/// Ids are positive; 0 marks an empty cell. Grows (rarely) at half full. Owned by the core thread.
/// </summary>
public sealed class OrderIndex
{
    private long[] _keys;
    private int[] _values;
    private int _mask;
    private int _count;

    /// <summary>Creates an index sized for <paramref name="capacity"/> live orders.</summary>
    public OrderIndex(int capacity)
    {
        int size = 16;
        while (size < capacity * 2) size <<= 1;
        _keys = new long[size];
        _values = new int[size];
        _mask = size - 1;
    }

    /// <summary>Live entries.</summary>
    public int Count => _count;

    /// <summary>
    /// An id's home cell is the id itself modulo the table size: ids are handed out in sequence, so
    /// new orders land in neighbouring cells (one cache line serves several) and live ids rarely collide.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int Home(long id) => (int)id & _mask;

    /// <summary>The slot of order <paramref name="id"/>, if live.</summary>
    public bool TryGetValue(long id, out int slot)
    {
        slot = -1;
        if (id <= 0) return false;
        long[] keys = _keys;
        for (int i = Home(id); ; i = (i + 1) & _mask)
        {
            long k = keys[i];
            if (k == id)
            {
                slot = _values[i];
                return true;
            }
            if (k == 0) return false;
        }
    }

    /// <summary>Adds a new id (the caller guarantees it is not present and positive).</summary>
    public void Add(long id, int slot)
    {
        if (_count * 2 >= _keys.Length) Grow();
        int i = Home(id);
        while (_keys[i] != 0) i = (i + 1) & _mask;
        _keys[i] = id;
        _values[i] = slot;
        _count++;
    }

    /// <summary>Removes an id if present.</summary>
    public bool Remove(long id)
    {
        if (id <= 0) return false;
        int i = Home(id);
        while (true)
        {
            long k = _keys[i];
            if (k == 0) return false;
            if (k == id) break;
            i = (i + 1) & _mask;
        }
        // Backward shift: pull later entries of the probe run into the hole when their home allows it.
        int hole = i;
        for (int j = (hole + 1) & _mask; _keys[j] != 0; j = (j + 1) & _mask)
        {
            int home = Home(_keys[j]);
            bool movable = hole <= j ? home <= hole || home > j : home <= hole && home > j;
            if (movable)
            {
                _keys[hole] = _keys[j];
                _values[hole] = _values[j];
                hole = j;
            }
        }
        _keys[hole] = 0;
        _count--;
        return true;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void Grow()
    {
        long[] keys = _keys;
        int[] values = _values;
        _keys = new long[keys.Length * 2];
        _values = new int[keys.Length * 2];
        _mask = _keys.Length - 1;
        _count = 0;
        for (int i = 0; i < keys.Length; i++)
            if (keys[i] != 0) Add(keys[i], values[i]);
    }
}
