namespace TokenMatch.Protocol;

/// <summary>Bits of a subscribe request's <c>what</c> field.</summary>
public static class Subscriptions
{
    /// <summary>Trade ticks.</summary>
    public const int Trades = 1;
    /// <summary>L2 snapshot, then book updates.</summary>
    public const int Depth = 2;
    /// <summary>Ticker.</summary>
    public const int Ticker = 4;
    /// <summary>All of them.</summary>
    public const int All = Trades | Depth | Ticker;
}
