namespace TokenMatch.Markets;

/// <summary>
/// Effective prices, fees and absolute-to-FTE conversion, exactly as the design brief's
/// "Exact arithmetic" section writes them. Pure functions; integers only.
/// </summary>
public static class Pricing
{
    /// <summary>eff(p, t) = max(tick, ⌊p × D / 1,000,000 / tick⌋ × tick).</summary>
    public static long Effective(long ftePrice, long decayPpm, long tick)
    {
        // Market.MaxPriceLimit (10^12) × D (at most 10^6) fits 64 bits: every FTE price the core holds is within it.
        long value = ftePrice * decayPpm / DecayCurve.Full / tick * tick;
        return value < tick ? tick : value;
    }

    /// <summary>Fee per lot on a price: ⌊price × bps / 10,000⌋.</summary>
    public static long FeePerLot(long price, long bps) => price * bps / 10_000;

    /// <summary>
    /// An absolute price converted to FTE, never worse for the sender: a buy rounds down
    /// (⌊abs × 1,000,000 / D / tick⌋ × tick), a sell rounds up. Returns -1 when the result would
    /// not fit a long; the caller rejects D = 0 before calling.
    /// </summary>
    public static long AbsoluteToFte(long absolute, long decayPpm, long tick, bool isBuy)
    {
        Int128 numerator = (Int128)absolute * DecayCurve.Full;
        Int128 denominator = (Int128)decayPpm * tick;
        Int128 ticks = numerator / denominator;
        if (!isBuy && ticks * denominator != numerator) ticks++;
        Int128 fte = ticks * tick;
        return fte > long.MaxValue ? -1 : (long)fte;
    }
}
