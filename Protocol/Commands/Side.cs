namespace TokenMatch.Commands;

/// <summary>Order side.</summary>
public enum Side : byte
{
    /// <summary>Not set (invalid).</summary>
    None = 0,
    /// <summary>Bid.</summary>
    Buy = 1,
    /// <summary>Ask.</summary>
    Sell = 2,
}
