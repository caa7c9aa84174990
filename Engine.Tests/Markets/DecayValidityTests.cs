using FsCheck;
using FsCheck.Fluent;
using TokenMatch.Markets;

namespace TokenMatch.Tests.Markets;

/// <summary>
/// The interval a decay value is reported valid on must be honest: D is the same at every time
/// before the reported end, so the market's cache may skip recomputing it.
/// </summary>
public class DecayValidityTests
{
    private const long Start = 1_796_083_200_000_000_000; // 2026-12-01T00:00:00Z
    private const long Month = 31L * 24 * 3600 * 1_000_000_000;

    private static DecayCurve Curve(int kind, long floor, long halfLife)
    {
        var curve = new DecayCurve();
        switch (kind % 5)
        {
            case 0: curve.Set(CurveKind.None, 0, 0); break;
            case 1: curve.Set(CurveKind.Linear, floor, 0); break;
            case 2: curve.Set(CurveKind.Exponential, floor, halfLife); break;
            case 3: curve.Set(CurveKind.Sqrt, floor, 0); break;
            default:
                curve.Set(CurveKind.Table, 0, 0);
                curve.TryAddPoint(0, 1_000_000);
                curve.TryAddPoint(500_000, 900_000);
                curve.TryAddPoint(900_000, 300_000);
                curve.TryAddPoint(990_000, 0);
                break;
        }
        return curve;
    }

    [FsCheck.NUnit.Property(MaxTest = 2000)]
    public Property ValueHoldsUntilReportedChange(int kind, uint floorSeed, uint halfSeed, ulong atSeed, ulong stepSeed)
    {
        long floor = floorSeed % 1_000_001;
        long halfLife = 1 + (long)(halfSeed % (uint)(Month / 4 / 1_000_000)) * 1_000_000;
        var curve = Curve(kind, floor, halfLife);
        long t = Start - Month / 10 + (long)(atSeed % (ulong)(Month + Month / 5));
        long d = curve.At(Start, Start + Month, t, out long until);
        bool ok = until > t;
        // Probe the start, the end and a few points in between of the reported interval.
        long span = Math.Min(until, Start + 2 * Month) - t;
        foreach (long probe in new[] { t, t + span - 1, t + (long)(stepSeed % (ulong)Math.Max(1, span)), t + span / 2 })
            ok &= curve.At(Start, Start + Month, probe) == d;
        return ok.Label($"kind {kind % 5} t {t} until {until}");
    }

    [Test]
    public void MarketCacheAgreesWithDirectComputationOverAMonth()
    {
        foreach (int kind in Enumerable.Range(0, 5))
        {
            var market = new Market { CycleStart = Start, CycleEnd = Start + Month };
            var direct = Curve(kind, 100_000, Month / 7);
            if (kind % 5 == 4) market.Curve.Set(CurveKind.Table, 0, 0);
            else market.Curve.Set(direct.Kind, direct.Floor, direct.HalfLife);
            for (int i = 0; i < direct.TableCount; i++) market.Curve.TryAddPoint(direct.TableX(i), direct.TableD(i));
            var random = new Random(kind);
            for (long t = Start - 1000; t < Start + Month + 1000; t += 1 + random.NextInt64(Month / 5000))
                Assert.That(market.DecayAt(t), Is.EqualTo(direct.At(Start, Start + Month, t)), $"kind {kind} at {t}");
        }
    }
}
