namespace TokenMatch.Markets;

/// <summary>Lifecycle state of a market.</summary>
public enum MarketState : byte
{
    /// <summary>Created, being configured: orders rejected.</summary>
    PreOpen = 0,
    /// <summary>Trading.</summary>
    Open = 1,
    /// <summary>Only cancels and set buyback accepted.</summary>
    Halted = 2,
    /// <summary>The cycle ended: orders cancelled, tokens expired.</summary>
    Expired = 3,
}
