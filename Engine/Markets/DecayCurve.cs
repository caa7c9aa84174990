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
    public long At(long start, long end, long t)
    {
        long length = end - start;
        long elapsed = t - start;
        if (elapsed < 0) elapsed = 0;
        if (elapsed > length) elapsed = length;
        long remaining = length - elapsed;
        switch (Kind)
        {
            case CurveKind.None:
                return Full;
            case CurveKind.Linear:
                return Full - (long)((Int128)(Full - Floor) * elapsed / length);
            case CurveKind.Sqrt:
                {
                    ulong scaled = (ulong)((UInt128)(ulong)remaining * 1_000_000_000_000UL / (ulong)length);
                    return Floor + (Full - Floor) * (long)IntegerSqrt(scaled) / Full;
                }
            case CurveKind.Exponential:
                {
                    long k = elapsed / HalfLife;
                    long g;
                    if (k >= 20) g = 0;
                    else
                    {
                        long v = Full >> (int)k;
                        g = v - (long)((Int128)(v - v / 2) * (elapsed % HalfLife) / HalfLife);
                    }
                    return Floor + (Full - Floor) * g / Full;
                }
            default:
                return TableAt(length, elapsed);
        }
    }

    private long TableAt(long length, long elapsed)
    {
        long x = (long)((Int128)elapsed * Full / length);
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
