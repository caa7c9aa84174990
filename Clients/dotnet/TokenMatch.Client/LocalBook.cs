using TokenMatch.Commands;

namespace TokenMatch.Client;

/// <summary>
/// A market's L2 book as the client rebuilt it from a snapshot and the updates after it. An update
/// whose depth sequence is not the last one plus one is a gap: the book marks itself stale and the
/// client asks for a new snapshot. Read it under <see cref="Gate"/> (the client's read loop writes it).
/// </summary>
public sealed class LocalBook
{
    private readonly SortedDictionary<long, long> _bids = new(Comparer<long>.Create(static (a, b) => b.CompareTo(a)));
    private readonly SortedDictionary<long, long> _asks = new();

    /// <summary>Held while the book is read or written.</summary>
    public readonly Lock Gate = new();

    public LocalBook(int market) => Market = market;

    public int Market { get; }

    /// <summary>Depth sequence of the last snapshot or update applied.</summary>
    public long Sequence { get; private set; }

    /// <summary>True from a gap until the next snapshot.</summary>
    public bool Stale { get; private set; } = true;

    /// <summary>Gaps seen.</summary>
    public int Gaps { get; private set; }

    /// <summary>Snapshots applied.</summary>
    public int Snapshots { get; private set; }

    /// <summary>Bids, best first (under <see cref="Gate"/>).</summary>
    public IReadOnlyList<Level> Bids => [.. _bids.Select(l => new Level(l.Key, l.Value, 0))];

    /// <summary>Asks, best first (under <see cref="Gate"/>).</summary>
    public IReadOnlyList<Level> Asks => [.. _asks.Select(l => new Level(l.Key, l.Value, 0))];

    internal void ApplySnapshot(long sequence, IEnumerable<Level> bids, IEnumerable<Level> asks)
    {
        _bids.Clear();
        _asks.Clear();
        foreach (Level l in bids) _bids[l.Price] = l.Quantity;
        foreach (Level l in asks) _asks[l.Price] = l.Quantity;
        Sequence = sequence;
        Stale = false;
        Snapshots++;
    }

    internal void MarkStale() => Stale = true;

    /// <summary>Applies an update; false on a gap (the book is then stale until a snapshot).</summary>
    internal bool ApplyUpdate(long sequence, Side side, long price, long quantity)
    {
        if (Stale) return true;
        if (sequence != Sequence + 1)
        {
            Stale = true;
            Gaps++;
            return false;
        }
        var book = side == Side.Buy ? _bids : _asks;
        if (quantity == 0) book.Remove(price); else book[price] = quantity;
        Sequence = sequence;
        return true;
    }
}
