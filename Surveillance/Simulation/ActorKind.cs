namespace TokenMatch.Surveillance.Simulation;

/// <summary>Who an account of the simulated population is (its label).</summary>
public enum ActorKind
{
    /// <summary>The provider (buyback bids) or the fee account.</summary>
    House = 0,
    /// <summary>An honest user with surplus who sells it (more of it near the cycle end).</summary>
    HonestSeller = 1,
    /// <summary>An honest user running short who buys.</summary>
    HonestBuyer = 2,
    /// <summary>A trial-token bot farm account trying to sell trial lots (the core rejects every such sell).</summary>
    TrialBot = 3,
    /// <summary>One of a linked pair trying to wash-trade (self-trade prevention stops it).</summary>
    WashPair = 4,
    /// <summary>One of an unlinked pair moving credits by trading far above fair value.</summary>
    Colluder = 5,
    /// <summary>An account placing large orders it cancels after trading on the other side.</summary>
    Spoofer = 6,
    /// <summary>An ordinary-looking buyer that bursts into hundreds of orders within an hour.</summary>
    VelocityBurst = 7,
}
