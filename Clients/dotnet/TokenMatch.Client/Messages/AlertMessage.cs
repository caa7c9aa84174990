namespace TokenMatch.Client;

/// <summary>
/// A surveillance alert, as streamed to provider sessions that subscribed (docs/protocol.md, Alert 146;
/// docs/surveillance.md says what each detector reports).
/// </summary>
/// <param name="Id">1, 2, 3, … in the order the server's surveillance raised them.</param>
/// <param name="Detector">sybil, collusion, spoofing or velocity.</param>
/// <param name="Severity">1 low, 2 medium, 3 high.</param>
/// <param name="Market">The market concerned, or −1.</param>
/// <param name="Accounts">The accounts concerned, ascending.</param>
/// <param name="FirstSequence">First command sequence of the evidence.</param>
/// <param name="LastSequence">Last command sequence of the evidence.</param>
/// <param name="Timestamp">Engine time when raised (ns since the Unix epoch).</param>
/// <param name="Summary">One line in words.</param>
/// <param name="Figures">Named integer figures, by name.</param>
/// <param name="Orders">Order ids quoted as evidence.</param>
/// <param name="Trades">Trades quoted as evidence.</param>
public sealed record AlertMessage(long Id, string Detector, int Severity, int Market, IReadOnlyList<int> Accounts, long FirstSequence,
    long LastSequence, long Timestamp, string Summary, IReadOnlyList<KeyValuePair<string, long>> Figures, IReadOnlyList<long> Orders,
    IReadOnlyList<AlertTrade> Trades);
