namespace TokenMatch.Cli.Commands;

/// <summary>What <c>tokenmatch run</c> was asked to do.</summary>
public sealed record RunSettings(string Script)
{
    /// <summary>Events CSV path, <c>-</c> for standard output, or null for none.</summary>
    public string? Events { get; init; }

    /// <summary>Print the summary as JSON.</summary>
    public bool Json { get; init; }

    /// <summary>Warnings are errors.</summary>
    public bool Strict { get; init; }

    /// <summary>Journal directory to write the commands run to, or null for none.</summary>
    public string? Journal { get; init; }

    /// <summary>Parse and report, run nothing.</summary>
    public bool Check { get; init; }
}
