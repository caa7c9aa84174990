using FsCheck;
using FsCheck.Fluent;
using TokenMatch.Markets;

namespace TokenMatch.Tests.Markets;

/// <summary>
/// The decay curve's own rules, each boundary on both sides: which parameters and tables are valid,
/// how many points a table holds, and that the interval a value is reported valid on is not only
/// honest (DecayValidityTests) but exact — D changes at the reported end — so the market's cache
/// recomputes no more often than it must and never skips a change.
/// </summary>
public class DecayCurveRulesTests
{
    private const long Full = DecayCurve.Full;
    private const long Start = 1_796_083_200_000_000_000; // 2026-12-01T00:00:00Z
    private const long Month = 30L * 24 * 3600 * 1_000_000_000;

    /// <summary>The brief's rule for curve parameters, written plainly.</summary>
    private static bool ValidByTheRules(CurveKind kind, long floor, long halfLife)
    {
        bool floorInRange = 0 <= floor && floor <= Full;
        switch (kind)
        {
            case CurveKind.None:
            case CurveKind.Table:
                return floor == 0 && halfLife == 0;
            case CurveKind.Linear:
            case CurveKind.Sqrt:
                return floorInRange && halfLife == 0;
            case CurveKind.Exponential:
                return floorInRange && halfLife > 0;
            default:
                return false;
        }
    }

    [Test]
    public void ParametersAreValidExactlyWhenTheRulesSay()
    {
        long[] floors = [long.MinValue, -1, 0, 1, Full / 2, Full - 1, Full, Full + 1, long.MaxValue];
        long[] halfLives = [long.MinValue, -1, 0, 1, 1_000_000_000, long.MaxValue];
        var wrong = new List<string>();
        for (int k = 0; k <= 6; k++)
            foreach (long floor in floors)
                foreach (long halfLife in halfLives)
                {
                    var kind = (CurveKind)k;
                    if (DecayCurve.IsValid(kind, floor, halfLife) != ValidByTheRules(kind, floor, halfLife))
                        wrong.Add($"{kind} floor {floor} half-life {halfLife}");
                }
        Assert.That(wrong, Is.Empty);
    }

    private static DecayCurve Table(params (long X, long D)[] points)
    {
        var curve = new DecayCurve();
        curve.Set(CurveKind.Table, 0, 0);
        foreach ((long x, long d) in points) Assert.That(curve.TryAddPoint(x, d), Is.True);
        return curve;
    }

    [Test]
    public void ATableIsValidOnlyFromFullValueWithStrictlyLaterPointsThatNeverRise()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Table().IsTableValid(), Is.False, "no points");
            Assert.That(Table((0, Full)).IsTableValid(), Is.True, "the start alone");
            Assert.That(Table((1, Full)).IsTableValid(), Is.False, "first point after the start");
            Assert.That(Table((0, Full - 1)).IsTableValid(), Is.False, "first point below full value");
            Assert.That(Table((1, Full - 1)).IsTableValid(), Is.False, "both wrong");
            Assert.That(Table((0, Full), (500_000, 600_000), (Full, 0)).IsTableValid(), Is.True, "to the end, down to zero");
            Assert.That(Table((0, Full), (500_000, 600_000), (500_000, 500_000)).IsTableValid(), Is.False, "two points at one time");
            Assert.That(Table((0, Full), (500_000, 600_000), (400_000, 500_000)).IsTableValid(), Is.False, "a point before the one before it");
            Assert.That(Table((0, Full), (Full + 1, 0)).IsTableValid(), Is.False, "a point past the end");
            Assert.That(Table((0, Full), (300_000, 600_000), (600_000, 600_000)).IsTableValid(), Is.True, "a flat stretch");
            Assert.That(Table((0, Full), (300_000, 600_000), (600_000, 600_001)).IsTableValid(), Is.False, "a rise");
            Assert.That(Table((0, Full), (300_000, 0), (600_000, -1)).IsTableValid(), Is.False, "below zero");
            Assert.That(Table((0, Full), (300_000, 600_000), (Full, -1)).IsTableValid(), Is.False, "below zero at the last point");
        });
    }

    [Test]
    public void OtherKindsNeedNoTable()
    {
        var curve = new DecayCurve();
        curve.Set(CurveKind.Linear, 0, 0);
        Assert.That(curve.IsTableValid(), Is.True);
    }

    [Test]
    public void ATableHoldsAtMostItsLimitOfPoints()
    {
        var curve = new DecayCurve();
        curve.Set(CurveKind.Table, 0, 0);
        for (int i = 0; i < DecayCurve.MaxTablePoints; i++)
            Assert.That(curve.TryAddPoint(i * 1_000, Full - i), Is.True, $"point {i}");
        Assert.That(curve.TryAddPoint(999_999, 0), Is.False, "one past the limit");
        Assert.That(curve.TableCount, Is.EqualTo(DecayCurve.MaxTablePoints));
        Assert.That(curve.TableX(DecayCurve.MaxTablePoints - 1), Is.EqualTo((DecayCurve.MaxTablePoints - 1) * 1_000));
        curve.Set(CurveKind.Table, 0, 0);
        Assert.That(curve.TableCount, Is.Zero, "Set clears the table");
    }

    /// <summary>
    /// Curves whose value is the step variable itself (floor 0, and a table falling one ppm per ppm
    /// of the cycle), so that "the value changes at the reported end" is exactly the claim to test.
    /// </summary>
    private static DecayCurve StepCurve(int kind, long halfLife)
    {
        var curve = new DecayCurve();
        switch (kind % 4)
        {
            case 0: curve.Set(CurveKind.Linear, 0, 0); break;
            case 1: curve.Set(CurveKind.Sqrt, 0, 0); break;
            case 2: curve.Set(CurveKind.Exponential, 0, halfLife); break;
            default:
                curve.Set(CurveKind.Table, 0, 0);
                curve.TryAddPoint(0, Full);
                curve.TryAddPoint(Full, 0);
                break;
        }
        return curve;
    }

    [FsCheck.NUnit.Property(MaxTest = 3000)]
    public Property TheReportedEndIsWhereTheValueChanges(int kind, ulong lengthSeed, ulong atSeed, ulong halfSeed)
    {
        // Cycle lengths from a few nanoseconds (values jump several ppm per nanosecond) to a month.
        long length = (lengthSeed % 4) switch
        {
            0 => 1 + (long)(lengthSeed / 4 % 50),
            1 => 1 + (long)(lengthSeed / 4 % 5_000_000),
            _ => Month - (long)(lengthSeed / 4 % 1_000_000),
        };
        long end = Start + length;
        long halfLife = 1 + (long)(halfSeed % (ulong)Math.Max(1, length / 3));
        DecayCurve curve = StepCurve(kind, halfLife);
        // Times before, at and after the cycle, its first and last nanosecond included.
        long t = (atSeed % 8) switch
        {
            0 => Start - 1 - (long)(atSeed / 8 % 1_000),
            1 => Start,
            2 => end - 1,
            3 => end,
            4 => end + (long)(atSeed / 8 % 1_000),
            _ => Start + (long)(atSeed / 8 % (ulong)length),
        };
        long d = curve.At(Start, end, t, out long until);
        string where = $"{curve.Kind} length {length} half-life {halfLife} t {t} (elapsed {t - Start}) D {d} until {until}";
        if (until <= t) return false.Label($"no progress: {where}");
        if (t < Start) return (d == Full && until == Start).Label($"before the start: {where}");
        if (t >= end) return (until == long.MaxValue && curve.At(Start, end, t + 1_000_000) == d).Label($"after the end: {where}");
        if (curve.At(Start, end, until - 1) != d) return false.Label($"changed before the reported end: {where}");
        if (until < end && curve.At(Start, end, until) == d) return false.Label($"reported end is not a change: {where}");
        if (until > end) return (curve.Kind == CurveKind.Exponential && d == 0).Label($"valid past the end: {where}");
        return true.ToProperty();
    }

    [Test]
    public void TheExponentialCurveStopsChangingAfterTwentyHalfLives()
    {
        var curve = new DecayCurve();
        curve.Set(CurveKind.Exponential, 0, 1_000);
        long d = curve.At(Start, Start + Month, Start + 20 * 1_000, out long until);
        Assert.That(d, Is.Zero);
        Assert.That(until, Is.EqualTo(long.MaxValue));
        Assert.That(curve.At(Start, Start + Month, Start + 20 * 1_000 - 1), Is.EqualTo(1), "one ppm left in the twentieth half-life");
    }

    [Test]
    public void TheMarketsCacheFollowsTimeBackwardsAndForwardsAndACurveChange()
    {
        var market = new Market { CycleStart = Start, CycleEnd = Start + Month };
        market.Curve.Set(CurveKind.Linear, 0, 0);
        var reference = new DecayCurve();
        reference.Set(CurveKind.Linear, 0, 0);
        var random = new Random(7);
        long t = Start + Month / 2;
        for (int i = 0; i < 20_000; i++)
        {
            // Mostly small steps either way (inside and just outside the cached interval), some jumps.
            long step = random.Next(4) == 0 ? random.NextInt64(-Month / 3, Month / 3) : random.NextInt64(-6_000_000, 6_000_000);
            t = Math.Clamp(t + step, Start - Month / 10, Start + Month + Month / 10);
            Assert.That(market.DecayAt(t), Is.EqualTo(reference.At(Start, Start + Month, t)), $"step {i} at {t}");
        }
        // At the very end of a cached interval the value has changed, and the market says so.
        foreach (long at in new[] { Start + 12_345, Start + Month / 3, Start + Month - 10_000 })
        {
            long before = market.DecayAt(at);
            reference.At(Start, Start + Month, at, out long until);
            Assert.That(market.DecayAt(until), Is.EqualTo(reference.At(Start, Start + Month, until)).And.Not.EqualTo(before), $"at {until}, the end of the interval from {at}");
        }
        // A curve change is seen once the cache is reset.
        t = Start + Month / 2;
        Assert.That(market.DecayAt(t), Is.EqualTo(Full / 2));
        market.Curve.Set(CurveKind.None, 0, 0);
        market.ResetDecayCache();
        Assert.That(market.DecayAt(t), Is.EqualTo(Full));
    }

    [Test]
    public void AnAbsolutePriceTooLargeForALongConvertsToMinusOne()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Pricing.AbsoluteToFte(long.MaxValue, 1, 1, isBuy: true), Is.EqualTo(-1));
            Assert.That(Pricing.AbsoluteToFte(long.MaxValue, Full, 1, isBuy: true), Is.EqualTo(long.MaxValue), "exactly long.MaxValue still fits");
            Assert.That(Pricing.AbsoluteToFte(long.MaxValue / 2 + 1, Full / 2, 1, isBuy: false), Is.EqualTo(-1), "one past long.MaxValue");
        });
    }
}
