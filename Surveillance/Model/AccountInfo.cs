using TokenMatch.Commands;

namespace TokenMatch.Surveillance.Model;

/// <summary>What surveillance knows of an account (from accepted commands). Owned by the detector thread.</summary>
public sealed class AccountInfo
{
    /// <summary>Account id.</summary>
    public int Id { get; init; }
    /// <summary>Engine time it was created (ns).</summary>
    public long CreatedAt { get; init; }
    /// <summary>Sequence of its create-account command.</summary>
    public long CreatedSequence { get; init; }
    /// <summary>Current tier.</summary>
    public Tier Tier { get; set; }
    /// <summary>Tier at creation.</summary>
    public Tier InitialTier { get; init; }
    /// <summary>Owner group (0 = none).</summary>
    public long Group { get; set; }
    /// <summary>Frozen now.</summary>
    public bool Frozen { get; set; }
    /// <summary>First grant, first deposit and first order attempt (ns), or −1.</summary>
    public long FirstGrantAt = -1, FirstDepositAt = -1, FirstOrderAt = -1;
}
