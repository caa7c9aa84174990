using System.Runtime.CompilerServices;

namespace TokenMatch.Matching;

/// <summary>
/// The <see cref="OrderIndex"/>'s spill table for ids whose direct cell was taken: open addressing
/// with linear probing over a power-of-two table of (id, slot) cells, deletion by backward shift (no
/// tombstones), so lookups stay short and steady-state use allocates nothing. Ids are positive; 0
/// marks an empty cell. Grows (rarely) at half full. Every probe is bounded by the largest distance
/// any id ever sat from its home cell, never by the length of a run of occupied cells. Owned by the
/// core thread.
/// </summary>
internal sealed class SpillIndex
{
    private OrderIndex.Cell[] _cells;
    private int _mask;
    private int _count;
    private int _maxDisplacement;

    /// <summary>Creates a table sized for <paramref name="capacity"/> live orders.</summary>
    public SpillIndex(int capacity)
    {
        int size = 16;
        while (size < capacity * 2) size <<= 1;
        _cells = new OrderIndex.Cell[size];
        _mask = size - 1;
    }

    /// <summary>Live entries.</summary>
    public int Count => _count;

    /// <summary>The cells, for a rebuild (an empty cell has id 0).</summary>
    public OrderIndex.Cell[] Cells => _cells;

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
        slot = i >= 0 ? _cells[i].Slot : -1;
        return i >= 0;
    }

    /// <summary>The cell holding <paramref name="id"/>, or -1.</summary>
    private int Find(long id)
    {
        if (id <= 0) return -1;
        OrderIndex.Cell[] cells = _cells;
        int home = Home(id);
        for (int d = 0; d <= _maxDisplacement; d++)
        {
            int i = (home + d) & _mask;
            long k = cells[i].Id;
            if (k == id) return i;
            if (k == 0) return -1;
        }
        return -1;
    }

    /// <summary>Adds a new id (the caller guarantees it is not present and positive).</summary>
    public void Add(long id, int slot)
    {
        if (_count * 2 >= _cells.Length) Grow();
        OrderIndex.Cell[] cells = _cells;
        int home = Home(id);
        int d = 0;
        while (cells[(home + d) & _mask].Id != 0) d++;
        ref OrderIndex.Cell cell = ref cells[(home + d) & _mask];
        cell.Id = id;
        cell.Slot = slot;
        if (d > _maxDisplacement) _maxDisplacement = d;
        _count++;
    }

    /// <summary>Removes an id if present.</summary>
    public bool Remove(long id)
    {
        int hole = Find(id);
        if (hole < 0) return false;
        OrderIndex.Cell[] cells = _cells;
        // Backward shift: pull later cells of the run into the hole when their home allows it. A cell
        // more than the largest displacement past the hole cannot belong before it, so stop there.
        for (int gap = 1; gap <= _maxDisplacement; gap++)
        {
            int j = (hole + gap) & _mask;
            long k = cells[j].Id;
            if (k == 0) break;
            if (((j - Home(k)) & _mask) >= gap)
            {
                cells[hole] = cells[j];
                hole = j;
                gap = 0;
            }
        }
        cells[hole].Id = 0;
        _count--;
        return true;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void Grow()
    {
        OrderIndex.Cell[] old = _cells;
        _cells = new OrderIndex.Cell[old.Length * 2];
        _mask = _cells.Length - 1;
        _count = 0;
        _maxDisplacement = 0;
        for (int i = 0; i < old.Length; i++)
            if (old[i].Id != 0) Add(old[i].Id, old[i].Slot);
    }
}
