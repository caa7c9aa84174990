using TokenMatch.Surveillance.Alerts;
using TokenMatch.Surveillance.Simulation;

namespace TokenMatch.Tests.Surveillance;

/// <summary>Per detector and actor kind: how many accounts of the kind it flagged, out of how many (summed over seeds).</summary>
public sealed class ConfusionMatrix
{
    /// <summary>The detectors, in report order.</summary>
    public static readonly string[] Detectors = ["sybil", "collusion", "spoofing", "velocity"];

    private readonly SortedDictionary<(string Detector, ActorKind Kind), long> _flagged = new();
    private readonly SortedDictionary<ActorKind, long> _accounts = new();
    private readonly SortedDictionary<ActorKind, long> _anyAlert = new();

    /// <summary>Seeds added.</summary>
    public int Seeds { get; private set; }

    /// <summary>Planted actors their own detector missed, as "seed s: kind account".</summary>
    public List<string> Missed { get; } = new();

    /// <summary>Honest accounts with any alert, as "seed s: account by detectors".</summary>
    public List<string> HonestFlagged { get; } = new();

    /// <summary>Adds one seed's labels and alerts.</summary>
    public void Add(Population population, IReadOnlyList<Alert> alerts)
    {
        Seeds++;
        var byAccount = new SortedDictionary<int, SortedSet<string>>();
        foreach (Alert a in alerts)
            foreach (int account in a.Accounts)
            {
                if (!byAccount.TryGetValue(account, out SortedSet<string>? set)) byAccount[account] = set = new SortedSet<string>(StringComparer.Ordinal);
                set.Add(a.Detector);
            }
        foreach ((int account, ActorKind kind) in population.Labels)
        {
            _accounts[kind] = _accounts.GetValueOrDefault(kind) + 1;
            SortedSet<string> by = byAccount.GetValueOrDefault(account) ?? new SortedSet<string>();
            if (by.Count > 0) _anyAlert[kind] = _anyAlert.GetValueOrDefault(kind) + 1;
            foreach (string d in by) _flagged[(d, kind)] = _flagged.GetValueOrDefault((d, kind)) + 1;
            if (Population.ExpectedDetector(kind) is { } expected && !by.Contains(expected))
                Missed.Add($"seed {population.Options.Seed}: {kind} {account}");
            if (Population.IsHonest(kind) && by.Count > 0)
                HonestFlagged.Add($"seed {population.Options.Seed}: {account} by {string.Join(",", by)}");
        }
    }

    /// <summary>Honest accounts in total.</summary>
    public long HonestAccounts => _accounts.GetValueOrDefault(ActorKind.HonestSeller) + _accounts.GetValueOrDefault(ActorKind.HonestBuyer);

    /// <summary>Honest accounts with any alert.</summary>
    public long HonestWithAlert => _anyAlert.GetValueOrDefault(ActorKind.HonestSeller) + _anyAlert.GetValueOrDefault(ActorKind.HonestBuyer);

    /// <summary>The matrix as a Markdown table: rows actor kinds, columns detectors, cells flagged / accounts.</summary>
    public string ToMarkdown()
    {
        var w = new System.Text.StringBuilder();
        w.AppendLine($"| actor (accounts over {Seeds} seeds) | {string.Join(" | ", Detectors)} | any alert |");
        w.AppendLine($"|---|{string.Concat(Detectors.Select(_ => "---|"))}---|");
        foreach ((ActorKind kind, long n) in _accounts)
            w.AppendLine($"| {kind} ({n}) | {string.Join(" | ", Detectors.Select(d => _flagged.GetValueOrDefault((d, kind)).ToString()))} | {_anyAlert.GetValueOrDefault(kind)} |");
        return w.ToString();
    }
}
