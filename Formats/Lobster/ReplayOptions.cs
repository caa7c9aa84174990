using TokenMatch.Core;

namespace TokenMatch.Formats.Lobster;

/// <summary>How to run a LOBSTER replay.</summary>
public sealed class ReplayOptions
{
    /// <summary>Levels per side to compare and export; null compares every level of the file.</summary>
    public int? Levels { get; init; }

    /// <summary>Mismatched rows kept with both states for the report.</summary>
    public int MismatchesShown { get; init; } = 5;

    /// <summary>Keep every command sent to the engine in <see cref="ReplaySummary.Commands"/> (for --script and benchmarks).</summary>
    public bool RecordCommands { get; init; }

    /// <summary>When set, receives the engine's book after row 0 and after every message, in LOBSTER's orderbook layout.</summary>
    public TextWriter? BookExport { get; init; }

    /// <summary>Options for the engine the replay builds.</summary>
    public CoreOptions? Core { get; init; }
}
