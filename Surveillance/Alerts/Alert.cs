namespace TokenMatch.Surveillance.Alerts;

/// <summary>
/// One finding of a detector. Immutable; the same input gives the same alerts, field for field
/// (<see cref="Id"/> included: alerts are numbered in the order they are raised).
/// </summary>
/// <param name="Id">1, 2, 3, … in the order the surveillance engine raised them.</param>
/// <param name="Detector">The detector's name (<c>sybil</c>, <c>collusion</c>, <c>spoofing</c>, <c>velocity</c>).</param>
/// <param name="Severity">How urgent.</param>
/// <param name="Market">The market concerned, or −1 for none in particular.</param>
/// <param name="Accounts">The accounts concerned, ascending.</param>
/// <param name="FirstSequence">First command sequence the evidence covers.</param>
/// <param name="LastSequence">Last command sequence the evidence covers (the alert was raised at or after it).</param>
/// <param name="Timestamp">Engine time (ns since the Unix epoch) when the alert was raised.</param>
/// <param name="Summary">One line in words.</param>
/// <param name="Figures">Named integer figures (counts, lots, micro-credits, ppm), by name.</param>
/// <param name="Orders">Order ids quoted as evidence (at most the detector's evidence limit).</param>
/// <param name="Trades">Trades quoted as evidence (at most the detector's evidence limit).</param>
public sealed record Alert(
    long Id,
    string Detector,
    AlertSeverity Severity,
    int Market,
    IReadOnlyList<int> Accounts,
    long FirstSequence,
    long LastSequence,
    long Timestamp,
    string Summary,
    IReadOnlyDictionary<string, long> Figures,
    IReadOnlyList<long> Orders,
    IReadOnlyList<TradeEvidence> Trades)
{
    /// <summary>The alert without its <see cref="Id"/> and as one comparable line (for tests and diffs).</summary>
    public string Describe() =>
        $"{Detector} {Severity} m={Market} accounts=[{string.Join(",", Accounts)}] seq={FirstSequence}..{LastSequence} t={Timestamp} " +
        $"{Summary} figures={{{string.Join(",", Figures.Select(f => f.Key + "=" + f.Value))}}} orders=[{string.Join(",", Orders)}] trades={Trades.Count}";
}
