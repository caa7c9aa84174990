namespace TokenMatch.Formats.Lobster;

/// <summary>
/// The replayer's own model of the engine's book, kept in step with every command it sends: which
/// engine order stands for which LOBSTER order, where the unknown volume is, and each level's time
/// priority (the engine's depth view gives totals, not queues, and the type 4 mapping needs to know
/// whether the named order is first in priority at the best price). The window rule keeps at most the
/// file's level count per side, so each side is a short list sorted best first. Owned by the
/// replayer's thread.
/// </summary>
public sealed class ReplayBook
{
    private readonly List<ReplayLevel> _bids = [];
    private readonly List<ReplayLevel> _asks = [];
    private readonly Dictionary<long, ReplayOrder> _known = [];

    /// <summary>Number of price levels on one side.</summary>
    public int LevelCount(bool bids) => Side(bids).Count;

    /// <summary>Level <paramref name="index"/> of one side, best first.</summary>
    public ReplayLevel Level(bool bids, int index) => Side(bids)[index];

    /// <summary>True when <paramref name="price"/> is strictly worse than <paramref name="than"/> on that side.</summary>
    public static bool IsWorse(bool bids, long price, long than) => bids ? price < than : price > than;

    /// <summary>The LOBSTER order with this reference number, if it rests in the book.</summary>
    public ReplayOrder? Find(long lobsterId) => lobsterId != 0 && _known.TryGetValue(lobsterId, out ReplayOrder? order) ? order : null;

    /// <summary>The unknown volume at one side and price, if any (it is always first at its level).</summary>
    public ReplayOrder? UnknownAt(bool bids, long price)
    {
        List<ReplayLevel> side = Side(bids);
        int index = IndexOf(side, bids, price);
        if (index < 0) return null;
        ReplayOrder first = side[index].Orders[0];
        return first.IsUnknownVolume ? first : null;
    }

    /// <summary>True when <paramref name="order"/> is the first in priority at its side's best price.</summary>
    public bool IsFirstAtBest(ReplayOrder order)
    {
        List<ReplayLevel> side = Side(order.IsBuy);
        return side.Count > 0 && side[0].Price == order.Price && side[0].Orders[0] == order;
    }

    /// <summary>Appends an order at the back of its level, creating the level when needed.</summary>
    public void Add(ReplayOrder order)
    {
        List<ReplayLevel> side = Side(order.IsBuy);
        int index = IndexOf(side, order.IsBuy, order.Price);
        ReplayLevel level;
        if (index >= 0) level = side[index];
        else
        {
            level = new ReplayLevel(order.Price);
            side.Insert(~index, level);
        }
        level.Orders.Add(order);
        level.Quantity += order.Remaining;
        if (!order.IsUnknownVolume) _known[order.LobsterId] = order;
    }

    /// <summary>Takes <paramref name="quantity"/> lots off an order, removing it when none are left.</summary>
    public void Reduce(ReplayOrder order, long quantity)
    {
        ReplayLevel level = Side(order.IsBuy)[IndexOf(Side(order.IsBuy), order.IsBuy, order.Price)];
        order.Remaining -= quantity;
        level.Quantity -= quantity;
        if (order.Remaining == 0) Unlink(level, order);
    }

    /// <summary>Removes an order whatever it has left.</summary>
    public void Remove(ReplayOrder order)
    {
        ReplayLevel level = Side(order.IsBuy)[IndexOf(Side(order.IsBuy), order.IsBuy, order.Price)];
        level.Quantity -= order.Remaining;
        order.Remaining = 0;
        Unlink(level, order);
    }

    /// <summary>Removes one side's levels beyond the best <paramref name="keep"/>, adding their orders to <paramref name="dropped"/>.</summary>
    public void DropBeyond(bool bids, int keep, List<ReplayOrder> dropped)
    {
        List<ReplayLevel> side = Side(bids);
        for (int i = keep; i < side.Count; i++)
            foreach (ReplayOrder order in side[i].Orders)
            {
                dropped.Add(order);
                if (!order.IsUnknownVolume) _known.Remove(order.LobsterId);
            }
        if (side.Count > keep) side.RemoveRange(keep, side.Count - keep);
    }

    private void Unlink(ReplayLevel level, ReplayOrder order)
    {
        level.Orders.Remove(order);
        if (!order.IsUnknownVolume) _known.Remove(order.LobsterId);
        if (level.Orders.Count == 0) Side(order.IsBuy).Remove(level);
    }

    private List<ReplayLevel> Side(bool bids) => bids ? _bids : _asks;

    /// <summary>Index of the level at <paramref name="price"/>, or the bitwise complement of where it would go.</summary>
    private static int IndexOf(List<ReplayLevel> side, bool bids, long price)
    {
        int i = 0;
        while (i < side.Count && IsWorse(bids, price, side[i].Price)) i++;
        return i < side.Count && side[i].Price == price ? i : ~i;
    }
}
