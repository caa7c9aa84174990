using TokenMatch.Surveillance.Simulation;

namespace TokenMatch.Cli.Simulation;

/// <summary>The options of one <c>tokenmatch simulate</c> run.</summary>
public sealed record SimulateSettings
{
    /// <summary>The population to generate.</summary>
    public PopulationOptions Population { get; init; } = new();
    /// <summary>Where to write the command script, or null.</summary>
    public string? ScriptPath { get; init; }
    /// <summary>Where to write the labels, or null.</summary>
    public string? LabelsPath { get; init; }
    /// <summary>Where to write the JSON report, or null.</summary>
    public string? JsonPath { get; init; }
    /// <summary>Where to write the PNG chart, or null.</summary>
    public string? ChartPath { get; init; }
    /// <summary>Where to write the chart's points as CSV, or null.</summary>
    public string? ChartDataPath { get; init; }
    /// <summary>Phases of the cycle in the price report.</summary>
    public int Phases { get; init; } = 6;
    /// <summary>No progress bar.</summary>
    public bool Quiet { get; init; }
    /// <summary><c>host:port</c> of a running server, or null to run in-process.</summary>
    public string? Connect { get; init; }
    /// <summary>The server's fee account (with <see cref="Connect"/>; default: serve's default configuration's).</summary>
    public int? FeeAccount { get; init; }
    /// <summary>The server's key file (with <see cref="Connect"/>).</summary>
    public string? KeyFile { get; init; }
}
