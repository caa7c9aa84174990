namespace TokenMatch.Tests.Reference;

public sealed partial class ReferenceExchange
{
    /// <summary>
    /// The reference's depth dump of one market: for each side, its best <paramref name="levels"/>
    /// price levels, best first, each as (FTE price, total remaining lots, number of orders), counted
    /// from the sorted sides one order at a time (the buyback bid included, where it rests); null for
    /// an unknown market. It is compared with the engine's <c>GetDepth</c>, whose level totals and
    /// counts are kept incrementally and are not in the state hash.
    /// </summary>
    public (List<(long Price, long Quantity, int Orders)> Bids, List<(long Price, long Quantity, int Orders)> Asks)? Depth(int market, int levels)
    {
        if (!_markets.TryGetValue(market, out RefMarket? m)) return null;
        return (Levels(m.Bids, levels), Levels(m.Asks, levels));
    }

    private static List<(long Price, long Quantity, int Orders)> Levels(SortedSet<RefOrder> side, int levels)
    {
        var result = new List<(long Price, long Quantity, int Orders)>();
        foreach (RefOrder o in side)
        {
            if (result.Count > 0 && result[^1].Price == o.Price)
            {
                var last = result[^1];
                result[^1] = (last.Price, last.Quantity + o.Remaining, last.Orders + 1);
                continue;
            }
            if (result.Count == levels) break;
            result.Add((o.Price, o.Remaining, 1));
        }
        return result;
    }
}
