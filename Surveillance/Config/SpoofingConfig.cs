namespace TokenMatch.Surveillance.Config;

/// <summary>Thresholds of the spoofing / layering detector (docs/surveillance.md, Spoofing).</summary>
public sealed record SpoofingConfig
{
    /// <summary>Whether the detector runs.</summary>
    public bool Enabled { get; init; } = true;
    /// <summary>Automatic response to its alerts.</summary>
    public AutoResponse Response { get; init; } = AutoResponse.None;
    /// <summary>An order is large from this many lots…</summary>
    public long MinLargeLots { get; init; } = 100;
    /// <summary>…and when it is at least this many times the market's mean order size so far.</summary>
    public long LargeFactor { get; init; } = 3;
    /// <summary>A large order cancelled unfilled by its owner within this time of placing it (ns; default 2 hours) is a spoof candidate.</summary>
    public long MaxLifetimeNs { get; init; } = 7_200_000_000_000;
    /// <summary>Spoof episodes (a candidate cancelled after the owner traded on the other side while it rested) that make an alert.</summary>
    public int MinEpisodes { get; init; } = 3;
    /// <summary>The account's cancel-to-trade ratio (lots cancelled by the owner per lot traded) must be at least this many times the market's.</summary>
    public long RatioFactor { get; init; } = 2;
    /// <summary>Most orders quoted per alert.</summary>
    public int EvidenceLimit { get; init; } = 20;
}
