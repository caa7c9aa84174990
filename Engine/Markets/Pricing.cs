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
        // Prices up to Market.MaxPriceLimit keep p × D inside 64 bits; larger ones take the 128-bit path.
        long value = ftePrice <= long.MaxValue / DecayCurve.Full
            ? ftePrice * decayPpm / DecayCurve.Full / tick * tick
            : (long)((Int128)ftePrice * decayPpm / DecayCurve.Full) / tick * tick;
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
