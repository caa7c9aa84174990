using TokenMatch.Markets;

namespace TokenMatch.Cli.Simulation;

/// <summary>
/// What the report needs of one market: its symbol, face, tick, cycle and a way to read its decay
/// factor D(t) in ppm. In-process D comes from the engine's own <see cref="DecayCurve"/>, built from the
/// market's accepted settings; over the gateway it comes from the server's samples (sampled while the run goes).
/// </summary>
public sealed class SimMarket(int id, string symbol, long face, long tick, long start, long end, Func<long, long> decayAt)
{
    /// <summary>Market id (the engine's, or the server's in a connected run).</summary>
    public int Id { get; } = id;
    /// <summary>Symbol.</summary>
    public string Symbol { get; } = symbol;
    /// <summary>Face value per lot (FTE fair value), micro-credits.</summary>
    public long Face { get; } = face;
    /// <summary>Tick, micro-credits.</summary>
    public long Tick { get; } = tick;
    /// <summary>Cycle start, ns.</summary>
    public long Start { get; } = start;
    /// <summary>Cycle end, ns.</summary>
    public long End { get; } = end;

    /// <summary>D(t) in ppm.</summary>
    public long DecayAt(long t) => decayAt(t);

    /// <summary>The fair value of a lot at <paramref name="t"/>: face × D(t) / 10⁶, truncating (128-bit product).</summary>
    public long FairAt(long t) => (long)((Int128)Face * DecayAt(t) / DecayCurve.Full);

    /// <summary>A market read from the engine's settings: D from the engine's own curve code.</summary>
    public static SimMarket FromCurve(int id, string symbol, long face, long tick, long start, long end, DecayCurve curve) =>
        new(id, symbol, face, tick, start, end, t => curve.At(start, end, t));
}
