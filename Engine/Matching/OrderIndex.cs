using System.Runtime.CompilerServices;

namespace TokenMatch.Matching;

/// <summary>
/// Order id → pool slot. The core hands out ids in increasing order, so the index is first a
/// direct-mapped table: id <c>i</c> lives in cell <c>i mod size</c> (one 16-byte cell, four to a cache
/// line), and orders placed one after another sit side by side, so an insert reads the line the last
/// one wrote. An id whose cell is still held by an older live order (one that outlived a whole lap of
/// the table) goes to a <see cref="SpillIndex"/> (hashed, linear probing), looked at only when it is
/// not empty. An id is in exactly one of the two. The table is at least twice the live orders (it
/// grows, rarely, at half full), so a lap is long and the spill small; whatever the id pattern, a
/// lookup is one cell, or one cell and a bounded probe of the spill. Ids are positive; 0 marks an
/// empty cell. Steady-state use allocates nothing. Owned by the core thread.
/// </summary>
public sealed class OrderIndex
{
    /// <summary>One cell: an order id (0 when empty) and its pool slot; 16 bytes.</summary>
    internal struct Cell
    {
        public long Id;
        public int Slot;
    }

    private Cell[] _direct;
    private int _mask;
    private int _count;
    private readonly SpillIndex _spill;

    /// <summary>Creates an index sized for <paramref name="capacity"/> live orders.</summary>
    public OrderIndex(int capacity)
    {
        int size = 16;
        while (size < capacity * 2) size <<= 1;
        _direct = new Cell[size];
        _mask = size - 1;
        _spill = new SpillIndex(Math.Max(16, capacity / 16));
    }

    /// <summary>Live entries.</summary>
    public int Count => _count;

    /// <summary>Entries in the spill table (ids whose direct cell an older live order held when they came).</summary>
    public int Spilled => _spill.Count;

    /// <summary>The slot of order <paramref name="id"/>, if live.</summary>
    public bool TryGetValue(long id, out int slot)
    {
        if (id > 0)
        {
            ref Cell cell = ref _direct[(int)id & _mask];
            if (cell.Id == id)
            {
                slot = cell.Slot;
                return true;
            }
            if (_spill.Count > 0) return _spill.TryGetValue(id, out slot);
        }
        slot = -1;
        return false;
    }

    /// <summary>Adds a new id (the caller guarantees it is not present and positive).</summary>
    public void Add(long id, int slot)
    {
        if (_count * 2 >= _direct.Length) Grow();
        ref Cell cell = ref _direct[(int)id & _mask];
        if (cell.Id == 0)
        {
            cell.Id = id;
            cell.Slot = slot;
        }
        else _spill.Add(id, slot);
        _count++;
    }

    /// <summary>Removes an id if present.</summary>
    public bool Remove(long id)
    {
        if (id <= 0) return false;
        ref Cell cell = ref _direct[(int)id & _mask];
        if (cell.Id == id) cell.Id = 0;
        else if (_spill.Count == 0 || !_spill.Remove(id)) return false;
        _count--;
        return true;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void Grow()
    {
        Cell[] old = _direct;
        _direct = new Cell[old.Length * 2];
        _mask = _direct.Length - 1;
        _count = 0;
        var spilled = new List<Cell>(_spill.Count);
        foreach (Cell c in _spill.Cells)
            if (c.Id != 0) spilled.Add(c);
        foreach (Cell c in spilled) _spill.Remove(c.Id);
        foreach (Cell c in old)
            if (c.Id != 0) Add(c.Id, c.Slot);
        foreach (Cell c in spilled) Add(c.Id, c.Slot);
    }
}
