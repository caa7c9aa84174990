using TokenMatch.Commands;

namespace TokenMatch.Matching;

/// <summary>
/// The incoming order while it matches: its pool slot and everything matching needs to know about it,
/// the decay of the command's instant included, so a book reads no ambient state. An input only:
/// what matching found out comes back as a <see cref="MatchResult"/>.
/// </summary>
public struct Taker
{
    /// <summary>Pool slot of the incoming order (its remaining quantity lives there).</summary>
    public int Index;
    /// <summary>Side.</summary>
    public Side Side;
    /// <summary>FTE limit: a buy matches asks at or below it, a sell bids at or above it.</summary>
    public long Limit;
    /// <summary>Self-trade prevention mode in force (never <see cref="StpMode.Default"/>).</summary>
    public StpMode Stp;
    /// <summary>True for the buyback bid: no self-trade prevention.</summary>
    public bool IsBuyback;
    /// <summary>D(t) of the order's market at the command's time, in ppm: every fill executes at eff(maker price, D).</summary>
    public long DecayPpm;
}
