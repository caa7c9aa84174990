namespace TokenMatch.Formats.Lobster;

/// <summary>One price level of the replayer's book: its orders in time priority, first to trade first.</summary>
public sealed class ReplayLevel
{
    /// <summary>An empty level at <paramref name="price"/>.</summary>
    public ReplayLevel(long price) => Price = price;

    /// <summary>The level's FTE price.</summary>
    public long Price { get; }

    /// <summary>Orders in priority order.</summary>
    public List<ReplayOrder> Orders { get; } = [];

    /// <summary>Sum of the orders' remaining lots.</summary>
    public long Quantity { get; set; }
}
