namespace TokenMatch.Surveillance.Detectors;

/// <summary>One detector's counters: alerts raised, failures (exceptions), and whether it was switched off by a failure.</summary>
/// <param name="Name">The detector's name.</param>
/// <param name="Alerts">Alerts it raised.</param>
/// <param name="Failures">Exceptions it threw (the first one switches it off).</param>
/// <param name="Disabled">True once a failure switched it off.</param>
/// <param name="LastError">The message of its last exception, or null.</param>
public sealed record DetectorStats(string Name, long Alerts, long Failures, bool Disabled, string? LastError);
