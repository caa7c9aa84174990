namespace TokenMatch.Client;

/// <summary>One price level: FTE price, total lots, and the number of orders (0 when not known, as in the L2 stream).</summary>
public readonly record struct Level(long Price, long Quantity, int Orders);
