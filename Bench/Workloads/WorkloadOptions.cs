namespace TokenMatch.Bench.Workloads;

/// <summary>How to build an <see cref="OrderFlow"/>: its seed, size and where its resting orders sit.</summary>
public sealed class WorkloadOptions
{
    /// <summary>Seed of the one random sequence everything is drawn from: same seed, same commands.</summary>
    public ulong Seed { get; init; } = 20261201;

    /// <summary>Trader accounts (the provider and fee accounts come on top).</summary>
    public int Accounts { get; init; } = 10_000;

    /// <summary>Resting orders the book is pre-filled to and held at.</summary>
    public int Depth { get; init; } = 10_000;

    /// <summary>
    /// Closest a background resting order sits to the mid price, in ticks (1 = at the touch). The
    /// sweep batches need room between the mid and the background asks for their ladder.
    /// </summary>
    public int MinDistanceTicks { get; init; } = 1;

    /// <summary>
    /// Commands after which the clock has covered half of its run through the cycle: command i is
    /// stamped start + span × i / (i + this), so time always advances yet never reaches the cycle end.
    /// </summary>
    public long HalfwayCommands { get; init; } = 4_000_000;

    /// <summary>
    /// Claims of client order ids to size the core's table for; 0 (the default) = orders carry no client
    /// id. When set, every order gets a fresh client id (a per-flow counter, so never a duplicate) and
    /// half of the cancels and amends name their order by account, market and client id.
    /// </summary>
    public int ClientIdCapacity { get; init; }

    /// <summary>
    /// Percent of resting places that are good-till-time (0 by default), each expiring a quarter to
    /// four and a quarter times <see cref="Depth"/> commands after it is placed: many end by their
    /// time while the run goes on, the others are cancelled or filled first.
    /// </summary>
    public int GoodTillTimePercent { get; init; }

    /// <summary>The shares of place, cancel, amend, IOC and market commands in <see cref="BatchKind.Mix"/>.</summary>
    public MixPercent Mix { get; init; } = MixPercent.Default;

    /// <summary>
    /// Markets traded (ids 0..N-1, the same rules as <see cref="WorkloadMarket"/>): each account is
    /// granted lots in every one, and each new order picks one at random. One by default.
    /// </summary>
    public int Markets { get; init; } = 1;

    /// <summary>
    /// Receives every command the generator issues, set-up included, stamped with its sequence and
    /// time, in order (null: none). The replay benchmark writes a journal this way.
    /// </summary>
    public TokenMatch.Pipeline.IJournalConsumer? Tap { get; init; }

    /// <summary>Keep a twin core in lockstep with the generator's shadow core, for measured replays.</summary>
    public bool WithTwin { get; init; } = true;
}
