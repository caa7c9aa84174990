namespace TokenMatch.Surveillance.Config;

/// <summary>Thresholds of the sybil-cluster detector (docs/surveillance.md, Sybil clusters).</summary>
public sealed record SybilConfig
{
    /// <summary>Whether the detector runs.</summary>
    public bool Enabled { get; init; } = true;
    /// <summary>Automatic response to its alerts.</summary>
    public AutoResponse Response { get; init; } = AutoResponse.None;
    /// <summary>Smallest cluster that is reported (accounts).</summary>
    public int MinClusterSize { get; init; } = 10;
    /// <summary>Accounts created within this gap (ns) of the previous one chain into one lockstep cluster (default 2 minutes).</summary>
    public long LockstepGapNs { get; init; } = 120_000_000_000;
    /// <summary>An account is young while its age is below this (ns; default 3 days).</summary>
    public long MaxAgeNs { get; init; } = 3L * 86_400_000_000_000;
    /// <summary>Highest tier that counts as low (0 unverified, 1 verified, 2 trusted).</summary>
    public int MaxLowTier { get; init; }
    /// <summary>Rejections of the not-sellable kind (lots not sellable, insufficient lots, tier cap) per lockstep cluster that make it an alert.</summary>
    public int MinClusterRejections { get; init; } = 10;
    /// <summary>How often clusters are evaluated (ns of engine time; default 1 hour); and once at the end.</summary>
    public long EvaluateEveryNs { get; init; } = 3_600_000_000_000;
    /// <summary>Most orders or trades quoted per alert.</summary>
    public int EvidenceLimit { get; init; } = 20;
}
