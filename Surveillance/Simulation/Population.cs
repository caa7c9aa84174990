using TokenMatch.Commands;

namespace TokenMatch.Surveillance.Simulation;

/// <summary>
/// A generated population: the command list (settings first, then the cycle's traffic in time
/// order, with timestamps; sequences are left 0 for the runner to number) and the label of every account.
/// </summary>
/// <param name="Options">The options it was generated with.</param>
/// <param name="Commands">Every command, in order.</param>
/// <param name="Labels">Account → who it is.</param>
public sealed record Population(PopulationOptions Options, IReadOnlyList<Command> Commands, IReadOnlyDictionary<int, ActorKind> Labels)
{
    /// <summary>The main market (honest trading, the buyback, the bot farm, the spoofer, the burst).</summary>
    public const int MainMarket = 1;

    /// <summary>The thin market (honest bids only; where the colluding pair moves credits and the wash pair tries).</summary>
    public const int ThinMarket = 2;

    /// <summary>Accounts of one kind, ascending.</summary>
    public IReadOnlyList<int> AccountsOf(ActorKind kind) => Labels.Where(l => l.Value == kind).Select(l => l.Key).Order().ToArray();

    /// <summary>True for the honest population.</summary>
    public static bool IsHonest(ActorKind kind) => kind is ActorKind.HonestSeller or ActorKind.HonestBuyer;

    /// <summary>The detector that must flag a planted actor, or null for actors no detector needs to flag.</summary>
    public static string? ExpectedDetector(ActorKind kind) => kind switch
    {
        ActorKind.TrialBot => "sybil",
        ActorKind.Colluder => "collusion",
        ActorKind.Spoofer => "spoofing",
        ActorKind.VelocityBurst => "velocity",
        _ => null,
    };
}
