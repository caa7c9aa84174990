namespace TokenMatch.Surveillance.Simulation;

/// <summary>How to generate a population (docs/surveillance.md, The labelled population). Defaults give about 20,000 commands.</summary>
public sealed record PopulationOptions
{
    /// <summary>The seed: the same seed gives the same commands and labels.</summary>
    public ulong Seed { get; init; } = 1;
    /// <summary>Honest users (sellers and buyers).</summary>
    public int HonestUsers { get; init; } = 300;
    /// <summary>Accounts in the trial-token bot farm (at least 100 for the test).</summary>
    public int BotFarmSize { get; init; } = 120;
    /// <summary>Cycle start (ns since the Unix epoch; default 2026-12-01T00:00Z).</summary>
    public long CycleStart { get; init; } = 1_796_083_200_000_000_000;
    /// <summary>Cycle length (ns; default 30 days). The clock is compressed: a month runs in as many commands as the population makes.</summary>
    public long CycleLength { get; init; } = 30L * Day;
    /// <summary>Whether the planted bad actors (colluders, spoofer, velocity burst) are in the population.</summary>
    public bool PlantBadActors { get; init; } = true;

    /// <summary>One day in ns.</summary>
    public const long Day = 86_400_000_000_000;
}
