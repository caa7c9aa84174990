namespace TokenMatch.Formats.Lobster;

/// <summary>One row of a LOBSTER message file, in integers only.</summary>
/// <param name="Time">Nanoseconds after midnight of the file's trading day.</param>
/// <param name="Type">What happened.</param>
/// <param name="OrderId">LOBSTER's order reference number (0 for hidden executions and halts).</param>
/// <param name="Size">Shares (lots in the replay market).</param>
/// <param name="Price">Dollars × 10,000 (ticks of the replay market's price unit).</param>
/// <param name="Direction">1 for a buy order, −1 for a sell order (for executions, the resting order's side).</param>
public readonly record struct LobsterMessage(long Time, LobsterEventType Type, long OrderId, long Size, long Price, sbyte Direction)
{
    /// <summary>True when the order named by this message is a buy order.</summary>
    public bool IsBuy => Direction > 0;
}
