namespace TokenMatch.Cli.Simulation;

/// <summary>
/// An account's balances and lots as the engine (or the server) reports them at the end of a run:
/// what the conservation checks compare against the totals derived from the run's own record.
/// </summary>
/// <param name="Available">Credits free to use.</param>
/// <param name="Held">Credits held by open buys.</param>
/// <param name="Spent">Credits spent on service.</param>
/// <param name="OpenOrders">Open orders.</param>
/// <param name="Lots">Per market: lots held by the account (free of every origin plus held allocated).</param>
public sealed record SimAccountState(long Available, long Held, long Spent, int OpenOrders, IReadOnlyDictionary<int, long> Lots)
{
    /// <summary>Credits the account owns: available plus held.</summary>
    public long Credits => Available + Held;
}
