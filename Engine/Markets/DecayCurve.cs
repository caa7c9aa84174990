namespace TokenMatch.Markets;

/// <summary>
/// A market's decay curve: D(t) in ppm, 1,000,000 at cycle start, never rising, never below its floor.
/// Integer arithmetic only, every division truncating, products in 128 bits (design brief,
/// "Exact arithmetic"). Immutable once the market opens; owned by the core thread.
/// </summary>
public sealed class DecayCurve
{
    /// <summary>Full value: 1,000,000 ppm.</summary>
    public const long Full = 1_000_000;

    /// <summary>Most points a table curve may have.</summary>
    public const int MaxTablePoints = 64;

    private readonly long[] _tableX = new long[MaxTablePoints];
    private readonly long[] _tableD = new long[MaxTablePoints];

    /// <summary>Curve shape.</summary>
    public CurveKind Kind { get; private set; }

    /// <summary>Lowest value in ppm (linear, exponential, sqrt).</summary>
    public long Floor { get; private set; }

    /// <summary>Half-life in ns (exponential).</summary>
    public long HalfLife { get; private set; }

    /// <summary>Number of table points.</summary>
    public int TableCount { get; private set; }

    /// <summary>Table point i: elapsed ppm of the cycle.</summary>
    public long TableX(int i) => _tableX[i];

    /// <summary>Table point i: D in ppm.</summary>
    public long TableD(int i) => _tableD[i];

    /// <summary>True when the parameters are in range (floor 0..1,000,000; half-life positive for exponential).</summary>
    public static bool IsValid(CurveKind kind, long floor, long halfLife) => kind switch
    {
        CurveKind.None or CurveKind.Table => floor == 0 && halfLife == 0,
        CurveKind.Linear or CurveKind.Sqrt => floor is >= 0 and <= Full && halfLife == 0,
        CurveKind.Exponential => floor is >= 0 and <= Full && halfLife > 0,
        _ => false,
    };

    /// <summary>Sets shape and parameters; clears the table.</summary>
    public void Set(CurveKind kind, long floor, long halfLife)
    {
        Kind = kind;
        Floor = floor;
        HalfLife = halfLife;
        TableCount = 0;
    }

    /// <summary>Appends a table point; false when the table is full.</summary>
    public bool TryAddPoint(long elapsedPpm, long decayPpm)
    {
        if (TableCount == MaxTablePoints) return false;
        _tableX[TableCount] = elapsedPpm;
        _tableD[TableCount] = decayPpm;
        TableCount++;
        return true;
    }

    /// <summary>
    /// True when a table curve is usable: starts at (0, 1,000,000), elapsed strictly increasing
    /// within 0..1,000,000, values never rising and never negative. Other kinds are always valid here.
    /// </summary>
    public bool IsTableValid()
    {
        if (Kind != CurveKind.Table) return true;
        if (TableCount == 0 || _tableX[0] != 0 || _tableD[0] != Full) return false;
        for (int i = 1; i < TableCount; i++)
        {
            if (_tableX[i] <= _tableX[i - 1] || _tableX[i] > Full) return false;
            if (_tableD[i] > _tableD[i - 1] || _tableD[i] < 0) return false;
        }
        return true;
    }

    /// <summary>D(t) in ppm for a cycle [<paramref name="start"/>, <paramref name="end"/>) at time <paramref name="t"/>.</summary>
    public long At(long start, long end, long t) => At(start, end, t, out _);

    /// <summary>
    /// D(t) in ppm, and the earliest time after <paramref name="t"/> at which it may change: D keeps
    /// its value on [t, <paramref name="validUntil"/>), so a caller whose clock only moves forward can
    /// reuse it without recomputing (the 128-bit divisions are the costly part).
    /// </summary>
    public long At(long start, long end, long t, out long validUntil)
    {
        long length = end - start;
        long elapsed = t - start;
        if (elapsed < 0)
        {
            validUntil = start;
            elapsed = 0;
        }
        else if (elapsed >= length)
        {
            validUntil = long.MaxValue;
            elapsed = length;
        }
        else validUntil = start + length;
        long remaining = length - elapsed;
        switch (Kind)
        {
            case CurveKind.None:
                validUntil = long.MaxValue;
                return Full;
            case CurveKind.Linear:
                {
                    long span = Full - Floor;
                    long k = (long)((Int128)span * elapsed / length);
                    // k holds until e reaches ⌈(k + 1) × T / span⌉.
                    if (span > 0 && elapsed < length) validUntil = Math.Min(validUntil, start + CeilDiv((Int128)(k + 1) * length, span));
                    return Full - k;
                }
            case CurveKind.Sqrt:
                {
                    ulong scaled = (ulong)((UInt128)(ulong)remaining * 1_000_000_000_000UL / (ulong)length);
                    long s = (long)IntegerSqrt(scaled);
                    // s holds while r × 10¹² ≥ s² × T, i.e. while r ≥ ⌈s² × T / 10¹²⌉.
                    if (elapsed < length)
                    {
                        long minRemaining = CeilDiv((Int128)s * s * length, 1_000_000_000_000L);
                        validUntil = Math.Min(validUntil, start + length - minRemaining + 1);
                    }
                    return Floor + (Full - Floor) * s / Full;
                }
            case CurveKind.Exponential:
                {
                    long k = elapsed / HalfLife;
                    long g;
                    if (k >= 20)
                    {
                        validUntil = long.MaxValue;
                        g = 0;
                    }
                    else
                    {
                        long v = Full >> (int)k;
                        long a = v - v / 2;
                        long m = elapsed % HalfLife;
                        long j = (long)((Int128)a * m / HalfLife);
                        g = v - j;
                        // j holds until m reaches ⌈(j + 1) × h / a⌉, and at most to the next half-life.
                        long nextM = Math.Min(HalfLife, CeilDiv((Int128)(j + 1) * HalfLife, a));
                        if (elapsed < length) validUntil = Math.Min(validUntil, start + k * HalfLife + nextM);
                    }
                    return Floor + (Full - Floor) * g / Full;
                }
            default:
                {
                    long x = (long)((Int128)elapsed * Full / length);
                    // x (and with it D) holds until e reaches ⌈(x + 1) × T / 10⁶⌉.
                    if (elapsed < length) validUntil = Math.Min(validUntil, start + CeilDiv((Int128)(x + 1) * length, Full));
                    return TableAt(x);
                }
        }
    }

    private static long CeilDiv(Int128 numerator, long denominator)
    {
        Int128 q = numerator / denominator;
        if (q * denominator != numerator) q++;
        return q > long.MaxValue / 2 ? long.MaxValue / 2 : (long)q;
    }

    private long TableAt(long x)
    {
        // A table still being written (no points yet: the market cannot open) reads as full value.
        if (TableCount == 0) return Full;
        int i = TableCount - 1;
        while (i > 0 && _tableX[i] > x) i--;
        if (i == TableCount - 1) return _tableD[i];
        long x0 = _tableX[i], x1 = _tableX[i + 1], d0 = _tableD[i], d1 = _tableD[i + 1];
        return d0 - (d0 - d1) * (x - x0) / (x1 - x0);
    }

    /// <summary>Largest r with r² ≤ <paramref name="n"/>, by the bit-by-bit method (no floating point).</summary>
    public static ulong IntegerSqrt(ulong n)
    {
        ulong result = 0;
        ulong bit = 1UL << 62;
        while (bit > n) bit >>= 2;
        while (bit != 0)
        {
            if (n >= result + bit)
            {
                n -= result + bit;
                result = (result >> 1) + bit;
            }
            else result >>= 1;
            bit >>= 2;
        }
        return result;
    }
}
