namespace TokenMatch.Bench.Workloads;

/// <summary>How many commands of each kind a generator has issued in its batches (set-up and restores excluded).</summary>
public struct MixCounts
{
    /// <summary>Resting limit orders placed.</summary>
    public long Places;
    /// <summary>Cancels.</summary>
    public long Cancels;
    /// <summary>Amends that reduced quantity.</summary>
    public long AmendReduces;
    /// <summary>Amends that changed price.</summary>
    public long AmendReprices;
    /// <summary>IOC limit orders.</summary>
    public long Iocs;
    /// <summary>Market orders.</summary>
    public long Markets;

    /// <summary>Good-till-time orders that ended by their time (not commands: the core ends them before a later command).</summary>
    public long Expired;

    /// <summary>All of them (the commands; <see cref="Expired"/> is not one).</summary>
    public readonly long Total => Places + Cancels + AmendReduces + AmendReprices + Iocs + Markets;

    /// <summary>A one-line summary with percentages.</summary>
    public override readonly string ToString()
    {
        double total = Math.Max(1, Total);
        return $"place {100 * Places / total:F1}%, cancel {100 * Cancels / total:F1}%, " +
            $"amend {100 * (AmendReduces + AmendReprices) / total:F1}% (reduce {AmendReduces}, reprice {AmendReprices}), " +
            $"IOC/market {100 * (Iocs + Markets) / total:F1}% (IOC {Iocs}, market {Markets})" +
            (Expired > 0 ? $", {Expired} good-till-time expiries" : "");
    }
}
