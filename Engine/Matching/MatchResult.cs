namespace TokenMatch.Matching;

/// <summary>
/// How a match walk ended, returned by <see cref="IOrderBook.Match"/>. The incoming order's remaining
/// quantity is in its pool slot; this says only what the slot cannot: whether self-trade prevention
/// cancelled the remainder (cancel-newest or cancel-both met an order of the same owner).
/// </summary>
public readonly struct MatchResult
{
    /// <summary>The walk ended because the order was filled or no longer crosses.</summary>
    public static MatchResult Done => default;

    /// <summary>The walk ended because self-trade prevention cancelled the incoming remainder.</summary>
    public static MatchResult SelfTradeKilled => new(killed: true);

    private MatchResult(bool killed) => Killed = killed;

    /// <summary>True when self-trade prevention cancelled the incoming remainder (it must not rest).</summary>
    public bool Killed { get; }
}
