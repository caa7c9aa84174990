namespace TokenMatch.Surveillance.Config;

/// <summary>Thresholds of the collusion / credit-moving detector (docs/surveillance.md, Collusion).</summary>
public sealed record CollusionConfig
{
    /// <summary>Whether the detector runs.</summary>
    public bool Enabled { get; init; } = true;
    /// <summary>Automatic response to its alerts.</summary>
    public AutoResponse Response { get; init; } = AutoResponse.None;
    /// <summary>A trade is off-market when its price is at least this far from fair value (ppm of fair value; default 30%).</summary>
    public long DeviationPpm { get; init; } = 300_000;
    /// <summary>Off-market trades between one unlinked pair that make an alert.</summary>
    public int MinTrades { get; init; } = 3;
    /// <summary>Credits moved (Σ |price − fair| × lots, micro-credits) between the pair that make an alert (default 50 credits).</summary>
    public long MinCreditsMoved { get; init; } = 50_000_000;
    /// <summary>Moved credits at or above this many times <see cref="MinCreditsMoved"/> make the alert high.</summary>
    public long HighMultiple { get; init; } = 10;
    /// <summary>Most trades quoted per alert.</summary>
    public int EvidenceLimit { get; init; } = 20;
}
