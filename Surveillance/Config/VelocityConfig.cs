namespace TokenMatch.Surveillance.Config;

/// <summary>Thresholds of the velocity detector (docs/surveillance.md, Velocity).</summary>
public sealed record VelocityConfig
{
    /// <summary>Whether the detector runs.</summary>
    public bool Enabled { get; init; } = true;
    /// <summary>Automatic response to its alerts.</summary>
    public AutoResponse Response { get; init; } = AutoResponse.None;
    /// <summary>Length of a window of engine time (ns; default 1 hour). Windows are aligned to multiples of it.</summary>
    public long WindowNs { get; init; } = 3_600_000_000_000;
    /// <summary>Orders in one window below this never alert.</summary>
    public long MinOrders { get; init; } = 40;
    /// <summary>Traded lots in one window below this never alert.</summary>
    public long MinLots { get; init; } = 1_000;
    /// <summary>A window alerts when it is at least this many times the account's own mean per window and its tier's mean per active account-window.</summary>
    public long Factor { get; init; } = 10;
    /// <summary>Most orders quoted per alert.</summary>
    public int EvidenceLimit { get; init; } = 20;
}
