namespace TokenMatch.Formats.Lobster;

/// <summary>
/// The replayer's record of one resting engine order: either a LOBSTER order placed by a type 1
/// message, or unknown volume (seeded from row 0 or injected by the window rule) standing for
/// orders the message file never introduced. Owned by the replayer's thread.
/// </summary>
public sealed class ReplayOrder
{
    /// <summary>Records an order resting in the engine.</summary>
    public ReplayOrder(long lobsterId, long engineOrderId, bool isBuy, long price, long remaining)
    {
        LobsterId = lobsterId;
        EngineOrderId = engineOrderId;
        IsBuy = isBuy;
        Price = price;
        Remaining = remaining;
    }

    /// <summary>LOBSTER's order reference number; 0 for unknown volume.</summary>
    public long LobsterId { get; }

    /// <summary>True for unknown volume (orders the message file never introduced).</summary>
    public bool IsUnknownVolume => LobsterId == 0;

    /// <summary>The engine's order id.</summary>
    public long EngineOrderId { get; }

    /// <summary>True for a bid (street buyers' order), false for an ask (street sellers').</summary>
    public bool IsBuy { get; }

    /// <summary>FTE price in ticks of the replay market (LOBSTER dollars × 10,000).</summary>
    public long Price { get; }

    /// <summary>Lots still resting.</summary>
    public long Remaining { get; set; }
}
