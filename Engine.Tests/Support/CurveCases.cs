using FsCheck;
using FsCheck.Fluent;
using TokenMatch.Markets;

namespace TokenMatch.Tests.Support;

/// <summary>FsCheck generators for decay curves, cycle times and 64-bit values.</summary>
public static class CurveCases
{
    /// <summary>Any 64-bit unsigned value, uniformly.</summary>
    public static Gen<ulong> ULong() =>
        from high in Gen.Choose(int.MinValue, int.MaxValue)
        from low in Gen.Choose(int.MinValue, int.MaxValue)
        select ((ulong)(uint)high << 32) | (uint)low;

    /// <summary>A value in [<paramref name="low"/>, <paramref name="high"/>], spread over magnitudes (small values come up often).</summary>
    public static Gen<long> LongBetween(long low, long high) =>
        from bits in ULong()
        from scale in Gen.Choose(0, 62)
        select low + (long)(bits % Math.Min((ulong)(high - low) + 1, scale == 62 ? ulong.MaxValue : (1UL << scale) + 1));

    /// <summary>A curve of any kind on a cycle from 1 ns to about four months long, starting in 2026.</summary>
    public static Gen<CurveCase> Random() =>
        from kind in Gen.Elements(CurveKind.None, CurveKind.Linear, CurveKind.Exponential, CurveKind.Sqrt, CurveKind.Table)
        from start in LongBetween(1_767_225_600_000_000_000, 1_798_761_600_000_000_000)
        from length in LongBetween(1, 10_000_000_000_000_000)
        from floor in Gen.Frequency((1, Gen.Elements(0L, DecayCurve.Full)), (5, LongBetween(0, DecayCurve.Full)))
        from halfLife in LongBetween(1, length)
        from table in Table()
        select new CurveCase(kind,
            kind is CurveKind.None or CurveKind.Table ? 0 : floor,
            kind == CurveKind.Exponential ? halfLife : 0,
            kind == CurveKind.Table ? table : [],
            start, start + length);

    /// <summary>A valid table: (0, 1,000,000), then up to 6 points at rising elapsed ppm with values never rising.</summary>
    public static Gen<(long X, long D)[]> Table() =>
        from count in Gen.Choose(0, 6)
        from steps in Gen.ArrayOf(Gen.Two(LongBetween(1, 400_000)), count)
        select Points(steps);

    private static (long X, long D)[] Points((long, long)[] steps)
    {
        var points = new List<(long X, long D)> { (0, DecayCurve.Full) };
        foreach (var (dx, dd) in steps)
        {
            var (x, d) = points[^1];
            if (x + dx > DecayCurve.Full) break;
            points.Add((x + dx, Math.Max(0, d - dd)));
        }
        return [.. points];
    }

    /// <summary>A time around a cycle: before, at the start, inside, the middle, just before the end, at the end, past it.</summary>
    public static Gen<long> Time(long start, long end)
    {
        long length = end - start;
        return Gen.Frequency(
            (1, LongBetween(1, length).Select(d => start - d)),
            (1, Gen.Constant(start)),
            (8, LongBetween(0, length).Select(d => start + d)),
            (1, Gen.Constant(start + length / 2)),
            (1, Gen.Constant(end - 1)),
            (1, Gen.Constant(end)),
            (1, LongBetween(1, length).Select(d => end + d)));
    }
}
