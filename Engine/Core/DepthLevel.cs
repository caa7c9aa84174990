namespace TokenMatch.Core;

/// <summary>One aggregated price level.</summary>
public sealed record DepthLevel(long Price, long Quantity, int Orders);
