using System.Runtime.CompilerServices;

namespace TokenMatch.Matching;

/// <summary>
/// Order id → pool slot: open addressing with linear probing over a power-of-two table (ids and
/// slots in parallel arrays), deletion by backward shift (no tombstones), so lookups stay short and
/// steady-state use allocates nothing. Ids are positive; 0 marks
/// an empty cell. Grows (rarely) at half full. Every probe is bounded by the largest distance any id
/// ever sat from its home cell, never by the length of a run of occupied cells. Owned by the core thread.
/// </summary>
public sealed class OrderIndex
{
    private long[] _ids;
    private int[] _slots;
    private int _mask;
    private int _count;
    private int _maxDisplacement;

    /// <summary>Creates an index sized for <paramref name="capacity"/> live orders.</summary>
    public OrderIndex(int capacity)
    {
        int size = 16;
        while (size < capacity * 2) size <<= 1;
        _ids = new long[size];
        _slots = new int[size];
        _mask = size - 1;
    }

    /// <summary>Live entries.</summary>
    public int Count => _count;

    /// <summary>
    /// An id's home cell: Fibonacci hashing spreads ids over the table, so a block of sequential ids
    /// never lands on the cells of another block and every id sits within a few cells of its home.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int Home(long id) => (int)((ulong)id * 0x9E3779B97F4A7C15UL >> 40) & _mask;

    /// <summary>The slot of order <paramref name="id"/>, if live.</summary>
    public bool TryGetValue(long id, out int slot)
    {
        int i = Find(id);
        slot = i >= 0 ? _slots[i] : -1;
        return i >= 0;
    }

    /// <summary>The cell holding <paramref name="id"/>, or -1.</summary>
    private int Find(long id)
    {
        if (id <= 0) return -1;
        long[] ids = _ids;
        int home = Home(id);
        for (int d = 0; d <= _maxDisplacement; d++)
        {
            int i = (home + d) & _mask;
            long k = ids[i];
            if (k == id) return i;
            if (k == 0) return -1;
        }
        return -1;
    }

    /// <summary>Adds a new id (the caller guarantees it is not present and positive).</summary>
    public void Add(long id, int slot)
    {
        if (_count * 2 >= _ids.Length) Grow();
        int home = Home(id);
        int d = 0;
        while (_ids[(home + d) & _mask] != 0) d++;
        int i = (home + d) & _mask;
        _ids[i] = id;
        _slots[i] = slot;
        if (d > _maxDisplacement) _maxDisplacement = d;
        _count++;
    }

    /// <summary>Removes an id if present.</summary>
    public bool Remove(long id)
    {
        int hole = Find(id);
        if (hole < 0) return false;
        long[] ids = _ids;
        // Backward shift: pull later cells of the run into the hole when their home allows it. A cell
        // more than the largest displacement past the hole cannot belong before it, so stop there.
        for (int gap = 1; gap <= _maxDisplacement; gap++)
        {
            int j = (hole + gap) & _mask;
            long k = ids[j];
            if (k == 0) break;
            if (((j - Home(k)) & _mask) >= gap)
            {
                ids[hole] = k;
                _slots[hole] = _slots[j];
                hole = j;
                gap = 0;
            }
        }
        ids[hole] = 0;
        _count--;
        return true;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void Grow()
    {
        long[] ids = _ids;
        int[] slots = _slots;
        _ids = new long[ids.Length * 2];
        _slots = new int[ids.Length * 2];
        _mask = _ids.Length - 1;
        _count = 0;
        _maxDisplacement = 0;
        for (int i = 0; i < ids.Length; i++)
            if (ids[i] != 0) Add(ids[i], slots[i]);
    }
}
