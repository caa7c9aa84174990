namespace TokenMatch.Core;

/// <summary>A query answer: the best levels of a market's book, best first.</summary>
public sealed record BookDepth(int Market, IReadOnlyList<DepthLevel> Bids, IReadOnlyList<DepthLevel> Asks);
