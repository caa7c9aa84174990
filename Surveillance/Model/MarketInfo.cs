using TokenMatch.Markets;

namespace TokenMatch.Surveillance.Model;

/// <summary>
/// What surveillance knows of a market, rebuilt from the accepted admin commands that made it
/// (create market, set curve, add curve point): face value, tick, cycle and decay curve, so that
/// fair value is computed with the engine's own <see cref="DecayCurve"/>. Owned by the detector thread.
/// </summary>
public sealed class MarketInfo
{
    /// <summary>Market id.</summary>
    public int Id { get; init; }
    /// <summary>Face value, micro-credits per lot.</summary>
    public long Face { get; init; }
    /// <summary>Tick, micro-credits.</summary>
    public long Tick { get; init; }
    /// <summary>Cycle start (ns).</summary>
    public long CycleStart { get; init; }
    /// <summary>Cycle end (ns).</summary>
    public long CycleEnd { get; init; }
    /// <summary>The market's decay curve (the engine's type, set from the same commands).</summary>
    public DecayCurve Curve { get; } = new();

    /// <summary>Orders accepted in this market so far, and their total lots (for mean order size).</summary>
    public long OrdersPlaced, LotsPlaced;
    /// <summary>Orders cancelled by their owner, and trades, in this market so far.</summary>
    public long OwnerCancels, Trades;
    /// <summary>Lots cancelled by their owners, and lots traded, in this market so far (the market's cancel-to-trade ratio).</summary>
    public long CancelledLots, TradedLots;

    /// <summary>Fair value per lot at <paramref name="time"/>: face × D(time) / 1,000,000, truncated (micro-credits).</summary>
    public long FairValue(long time)
    {
        long d = Curve.At(CycleStart, CycleEnd, time);
        return (long)((Int128)Face * d / DecayCurve.Full);
    }
}
