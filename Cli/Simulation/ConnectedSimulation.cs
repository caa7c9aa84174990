using TokenMatch.Surveillance.Simulation;

namespace TokenMatch.Cli.Simulation;

/// <summary>A simulation against a running server over the gateway (the server's clock rules).</summary>
public static class ConnectedSimulation
{
    /// <summary>Runs <paramref name="population"/> against the server of <paramref name="settings"/>; returns an exit code, and the report when it ran.</summary>
    public static int Run(SimulateSettings settings, Population population, TextWriter output, TextWriter error, out SimulationReport? report)
    {
        report = null;
        error.WriteLine("tokenmatch simulate: --connect is not built yet");
        return ExitCodes.Usage;
    }
}
