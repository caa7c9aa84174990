using System.Runtime.CompilerServices;

namespace TokenMatch.Matching;

/// <summary>
/// Order id → pool slot: open addressing with linear probing over a power-of-two table of
/// (id, slot) cells, deletion by backward shift (no tombstones), so a lookup reads one cell (one
/// cache line) in the common case and steady-state use allocates nothing. Ids are positive; 0 marks
/// an empty cell. Grows (rarely) at half full. Sequential ids fill long runs of neighbouring cells,
/// so every probe is bounded by the largest distance any id ever sat from its home cell rather than
/// by the run's length. Owned by the core thread.
/// </summary>
public sealed class OrderIndex
{
    private struct Cell
    {
        public long Id;
        public int Slot;
    }

    private Cell[] _cells;
    private int _mask;
    private int _count;
    private int _maxDisplacement;

    /// <summary>Creates an index sized for <paramref name="capacity"/> live orders.</summary>
    public OrderIndex(int capacity)
    {
        int size = 16;
        while (size < capacity * 2) size <<= 1;
        _cells = new Cell[size];
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
        int i = Find(id);
        slot = i >= 0 ? _cells[i].Slot : -1;
        return i >= 0;
    }

    /// <summary>The cell holding <paramref name="id"/>, or -1.</summary>
    private int Find(long id)
    {
        if (id <= 0) return -1;
        Cell[] cells = _cells;
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
        int home = Home(id);
        int d = 0;
        while (_cells[(home + d) & _mask].Id != 0) d++;
        int i = (home + d) & _mask;
        _cells[i].Id = id;
        _cells[i].Slot = slot;
        if (d > _maxDisplacement) _maxDisplacement = d;
        _count++;
    }

    /// <summary>Removes an id if present.</summary>
    public bool Remove(long id)
    {
        int hole = Find(id);
        if (hole < 0) return false;
        Cell[] cells = _cells;
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
        cells[hole] = default;
        _count--;
        return true;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void Grow()
    {
        Cell[] old = _cells;
        _cells = new Cell[old.Length * 2];
        _mask = _cells.Length - 1;
        _count = 0;
        _maxDisplacement = 0;
        foreach (Cell cell in old)
            if (cell.Id != 0) Add(cell.Id, cell.Slot);
    }
}
