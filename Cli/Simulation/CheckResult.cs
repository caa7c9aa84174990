namespace TokenMatch.Cli.Simulation;

/// <summary>One conservation or behaviour check of a simulation report.</summary>
/// <param name="Name">What is checked (one line).</param>
/// <param name="Passed">Whether it holds.</param>
/// <param name="Detail">The figures compared (both sides of the identity).</param>
public sealed record CheckResult(string Name, bool Passed, string Detail);
