namespace TokenMatch.Cli.Serve;

/// <summary>
/// <c>tokenmatch serve</c>'s command line: each set value overrides the configuration (the embedded
/// demo, or <see cref="ConfigFile"/>). Immutable.
/// </summary>
public sealed record ServeOptions
{
    /// <summary>A ServeConfig JSON file instead of the embedded demo.</summary>
    public string? ConfigFile { get; init; }

    /// <summary>TCP port (0 = any free port).</summary>
    public int? Port { get; init; }

    /// <summary>Where the demo keys are written.</summary>
    public string? KeyFile { get; init; }

    /// <summary>TLS certificate (PKCS#12, no password).</summary>
    public string? Certificate { get; init; }

    /// <summary>Journal directory.</summary>
    public string? Journal { get; init; }

    /// <summary>No journal: state in memory only.</summary>
    public bool InMemory { get; init; }

    /// <summary>Journal fsync policy: batch, interval or none.</summary>
    public string? Fsync { get; init; }

    /// <summary>Cycle length: "month" or a duration (10m, 2h, 7d).</summary>
    public string? Cycle { get; init; }

    /// <summary>No live view: plain log lines.</summary>
    public bool Quiet { get; init; }

    /// <summary>Log level (Trace, Debug, Information, Warning, Error, Critical, None).</summary>
    public string? LogLevel { get; init; }

    /// <summary>No live surveillance (no detectors, no alerts.jsonl, alert subscriptions refused).</summary>
    public bool NoSurveillance { get; init; }

    /// <summary>A surveillance configuration (JSON, docs/surveillance.md) instead of the default thresholds.</summary>
    public string? SurveillanceConfig { get; init; }

    /// <summary>How often the clock thread submits a time command (tests shorten it).</summary>
    public TimeSpan ClockInterval { get; init; } = TimeSpan.FromMilliseconds(500);
}
