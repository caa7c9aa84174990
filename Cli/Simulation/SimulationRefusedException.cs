namespace TokenMatch.Cli.Simulation;

/// <summary>The server cannot host the simulation (no market, no time left in its cycle, a refused key); the message says why.</summary>
public sealed class SimulationRefusedException(string message) : Exception(message);
