using TokenMatch.Markets;

namespace TokenMatch.Tests.Support;

/// <summary>A decay curve with its cycle, as generated for the reference comparisons.</summary>
/// <param name="Kind">Curve shape.</param>
/// <param name="Floor">Floor in ppm (linear, exponential, sqrt).</param>
/// <param name="HalfLife">Half-life in ns (exponential).</param>
/// <param name="Table">Table points (elapsed ppm, D ppm), the first (0, 1,000,000).</param>
/// <param name="Start">Cycle start (ns).</param>
/// <param name="End">Cycle end (ns).</param>
public sealed record CurveCase(CurveKind Kind, long Floor, long HalfLife, (long X, long D)[] Table, long Start, long End)
{
    /// <summary>The engine's curve with these parameters.</summary>
    public DecayCurve Build()
    {
        var curve = new DecayCurve();
        curve.Set(Kind, Floor, HalfLife);
        foreach (var (x, d) in Table) curve.TryAddPoint(x, d);
        return curve;
    }

    /// <inheritdoc/>
    public override string ToString() =>
        $"{Kind} floor {Floor} half-life {HalfLife} cycle [{Start}, {End}) table [{string.Join(" ", Table.Select(p => $"({p.X},{p.D})"))}]";
}
