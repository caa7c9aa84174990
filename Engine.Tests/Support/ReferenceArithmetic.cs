using System.Numerics;
using TokenMatch.Markets;

namespace TokenMatch.Tests.Support;

/// <summary>
/// A second implementation of the design brief's "Exact arithmetic", written straight from its
/// formulas in arbitrary precision (<see cref="BigInteger"/>), so that no intermediate can overflow
/// and every division visibly truncates. Tests compare the engine's 64/128-bit code with it.
/// </summary>
public static class ReferenceArithmetic
{
    private static readonly BigInteger Million = 1_000_000;

    /// <summary>
    /// D(t) in ppm. With T = end − start, e = t − start clamped to [0, T], r = T − e:
    /// none 1,000,000; linear 1,000,000 − (1,000,000 − floor) × e / T;
    /// sqrt floor + (1,000,000 − floor) × isqrt(r × 10¹² / T) / 1,000,000;
    /// exponential k = e / h, g = 0 if k ≥ 20 else v = 1,000,000 >> k, g = v − (v − v/2) × (e mod h) / h,
    /// then floor + (1,000,000 − floor) × g / 1,000,000; table linear between (elapsed ppm, D ppm) points, last held.
    /// </summary>
    public static long Decay(CurveKind kind, long floor, long halfLife, IReadOnlyList<(long X, long D)> table,
        long start, long end, long t)
    {
        BigInteger length = (BigInteger)end - start;
        BigInteger e = BigInteger.Min(BigInteger.Max((BigInteger)t - start, 0), length);
        BigInteger r = length - e;
        BigInteger f = floor;
        BigInteger d = kind switch
        {
            CurveKind.None => Million,
            CurveKind.Linear => Million - (Million - f) * e / length,
            CurveKind.Sqrt => f + (Million - f) * IntegerSqrt(r * Million * Million / length) / Million,
            CurveKind.Exponential => f + (Million - f) * HalvingFactor(e, halfLife) / Million,
            CurveKind.Table => TableValue(table, e * Million / length),
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };
        return (long)d;
    }

    /// <summary>The exponential curve's g: halving every half-life, linear within one, zero from the 20th on.</summary>
    private static BigInteger HalvingFactor(BigInteger e, BigInteger h)
    {
        BigInteger k = e / h;
        if (k >= 20) return 0;
        BigInteger v = Million >> (int)k;
        return v - (v - v / 2) * (e % h) / h;
    }

    /// <summary>The table's value at <paramref name="x"/> ppm of the cycle: linear between the points around it, the last one held.</summary>
    private static BigInteger TableValue(IReadOnlyList<(long X, long D)> table, BigInteger x)
    {
        for (int i = 0; i + 1 < table.Count; i++)
        {
            var (x0, d0) = table[i];
            var (x1, d1) = table[i + 1];
            if (x >= x0 && x < x1) return d0 - ((BigInteger)d0 - d1) * (x - x0) / ((BigInteger)x1 - x0);
        }
        return table[^1].D;
    }

    /// <summary>The largest r with r² ≤ n, by Newton's method on big integers.</summary>
    public static BigInteger IntegerSqrt(BigInteger n)
    {
        if (n < 0) throw new ArgumentOutOfRangeException(nameof(n));
        if (n < 2) return n;
        BigInteger x = n, y = (x + 1) / 2;
        while (y < x)
        {
            x = y;
            y = (x + n / x) / 2;
        }
        return x;
    }

    /// <summary>eff(p) = max(tick, ⌊p × D / 1,000,000 / tick⌋ × tick).</summary>
    public static long Effective(long ftePrice, long decayPpm, long tick)
    {
        BigInteger value = (BigInteger)ftePrice * decayPpm / Million / tick * tick;
        return (long)BigInteger.Max(tick, value);
    }

    /// <summary>Fee per lot: ⌊price × bps / 10,000⌋.</summary>
    public static long FeePerLot(long price, long bps) => (long)((BigInteger)price * bps / 10_000);

    /// <summary>The fee of a fill: qty × ⌊exec × bps / 10,000⌋.</summary>
    public static long Fee(long quantity, long execPrice, long bps) => (long)(quantity * (BigInteger)FeePerLot(execPrice, bps));

    /// <summary>
    /// An absolute price in FTE: ⌊abs × 1,000,000 / D / tick⌋ × tick for a buy, the same rounded up for a
    /// sell; null when D is zero (rejected) or the result does not fit a long.
    /// </summary>
    public static long? AbsoluteToFte(long absolute, long decayPpm, long tick, bool isBuy)
    {
        if (decayPpm == 0) return null;
        BigInteger numerator = (BigInteger)absolute * Million;
        BigInteger denominator = (BigInteger)decayPpm * tick;
        BigInteger ticks = BigInteger.DivRem(numerator, denominator, out BigInteger rest);
        if (!isBuy && rest != 0) ticks += 1;
        BigInteger fte = ticks * tick;
        return fte > long.MaxValue ? null : (long)fte;
    }

    /// <summary>What a buy holds per lot: eff(limit, entry) plus the larger of its maker and taker fee on that price.</summary>
    public static long BuyHoldPerLot(long limit, long decayPpm, long tick, long makerBps, long takerBps)
    {
        long eff = Effective(limit, decayPpm, tick);
        return eff + FeePerLot(eff, Math.Max(makerBps, takerBps));
    }
}
