namespace TokenMatch.Commands;

/// <summary>What a session may do; bound to the API key it logged in with. Values are part of the journal and wire formats: never renumber.</summary>
public enum Role : byte
{
    /// <summary>Not set (invalid).</summary>
    None = 0,
    /// <summary>Places, cancels, amends and queries for its own account only.</summary>
    Trader = 1,
    /// <summary>The provider's backend: admin commands, and acting for any account.</summary>
    Provider = 2,
    /// <summary>Read only: market data and market queries.</summary>
    MarketData = 3,
}
