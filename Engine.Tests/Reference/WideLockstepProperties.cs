using FsCheck;
using FsCheck.Fluent;
using TokenMatch.Commands;
using TokenMatch.Tests.Support;

namespace TokenMatch.Tests.Reference;

/// <summary>
/// The engine against the <see cref="ReferenceExchange"/> in lockstep over <see cref="WideInterpreter"/>
/// scenarios (one market from 3 to 2²⁰ levels, owner groups relinked mid-run, every self-trade mode
/// against every order type), on random seeds and fixed ones; each batch also asserts that every
/// event type, every cancel reason and every self-trade mode's effect (between one account's orders
/// and between linked accounts, with limit and market takers, against limit and post-only makers,
/// and a fill-or-kill stopped by its own order) occurred, and that sweeps crossed 4,096-level blocks.
/// </summary>
public class WideLockstepProperties
{
    private static int Multiplier => CommandGenerators.Multiplier;

    /// <summary>Scenarios of the wide generator: variant (market shape), pace and operations.</summary>
    public static Gen<GeneratedScenario> Scenario(int minOps, int maxOps)
    {
        long cycle = CommandInterpreter.Cycle;
        long[] paces = [cycle / 3_000, cycle / 1_000, cycle / 400, cycle / 150];
        return from variant in Gen.Choose(0, 399)
               from pace in Gen.Elements(paces)
               from count in Gen.Choose(minOps, maxOps)
               from ops in Gen.ArrayOf(Op(), count)
               select new GeneratedScenario(variant, pace, ops);
    }

    private static Gen<GenOp> Op() =>
        from kind in Gen.Frequency(WideInterpreter.Weights.Select(w => (w.Weight, Gen.Constant(w.Kind))))
        from high in Gen.Choose(int.MinValue, int.MaxValue)
        from low in Gen.Choose(int.MinValue, int.MaxValue)
        select new GenOp(kind, ((ulong)(uint)high << 32) | (uint)low);

    /// <summary>Runs one wide scenario; 1 in 6 commands goes without the time command first.</summary>
    internal static Lockstep RunWide(GeneratedScenario scenario)
    {
        var run = new Lockstep();
        var interpreter = new WideInterpreter(scenario, run.Reference);
        run.Context = $"wide ({interpreter.Shape}): {scenario}";
        run.ValidateEvery = interpreter.Levels > 10_000 ? 40 : 1;
        int n = 0;
        foreach (Command c in interpreter.Setup()) run.Step(c);
        foreach (GenOp op in scenario.Ops) run.Step(interpreter.Next(op), timeFirst: ++n % 6 != 0);
        if (scenario.Variant % 4 == 0) run.Step(Command.Time(interpreter.CycleEnd));
        return run;
    }

    /// <summary>What every batch of wide runs must have made happen, on random seeds too: every cancel reason and every self-trade mode's effect.</summary>
    public static IEnumerable<string> RequiredEffects()
    {
        foreach (CancelReason reason in Enum.GetValues<CancelReason>()) yield return $"cancel:{reason}";
        foreach (StpMode mode in (StpMode[])[StpMode.CancelNewest, StpMode.CancelOldest, StpMode.CancelBoth, StpMode.DecrementAndCancel])
        {
            yield return $"stp:{mode}:same";
            yield return $"stp:{mode}:linked";
            yield return $"stp:{mode}:taker:{OrderType.Limit}";
            yield return $"stp:{mode}:taker:{OrderType.Market}";
            yield return $"stp:{mode}:maker:{OrderType.Limit}";
            yield return $"stp:{mode}:maker:{OrderType.PostOnly}";
            if (mode != StpMode.CancelOldest) yield return $"fok:stopped-by-own:{mode}";
        }
        yield return "stp:None:same";
        yield return "stp:None:linked";
    }

    /// <summary>Rarer paths the fixed seeds must reach as well: deep sweeps, sweeps across 4,096-level blocks, buyback matching on resume, ...</summary>
    public static IEnumerable<string> ExpectedEffects()
    {
        foreach (string e in RequiredEffects()) yield return e;
        yield return "sweep:deep";
        yield return "sweep:blocks";
        yield return "book:next-level-far";
        yield return "buyback:trade";
        yield return "buyback:resume-match";
        yield return "expiry:gtt";
        yield return "amend:replace";
        yield return "amend:reduce";
        yield return "fill";
        yield return "fee";
    }

    private static void AssertCoverage(Coverage coverage, Dictionary<string, int> effects, string what, IEnumerable<string> expected)
    {
        Assert.Multiple(() =>
        {
            Assert.That(coverage.MissingEvents(), Is.Empty, $"{what}: {coverage}");
            Assert.That(expected.Where(e => !effects.ContainsKey(e)), Is.Empty,
                $"{what}: {string.Join(", ", effects.OrderBy(p => p.Key).Select(p => $"{p.Key}={p.Value}"))}");
        });
    }

    [Test]
    public void EngineAgreesWithReferenceOnWideMarketsFromRandomSeeds()
    {
        var coverage = new Coverage();
        var effects = new Dictionary<string, int>();
        var config = Config.QuickThrowOnFailure.WithMaxTest(50 * Multiplier).WithQuietOnSuccess(true);
        Check.One(config, Prop.ForAll(Arb.From(Scenario(40, 160 * Multiplier), CommandGenerators.Shrink), s =>
        {
            ReferenceLockstepProperties.Merge(coverage, effects, RunWide(s));
        }));
        AssertCoverage(coverage, effects, "random seeds", RequiredEffects());
    }

    [Test]
    public void FixedWideRunsAgreeAndReachEveryEffect()
    {
        var coverage = new Coverage();
        var effects = new Dictionary<string, int>();
        foreach (GeneratedScenario s in Gen.Sample(Scenario(120, 160), 30 * Multiplier, new Rnd(20261203), 50))
            ReferenceLockstepProperties.Merge(coverage, effects, RunWide(s));
        AssertCoverage(coverage, effects, "fixed seeds", ExpectedEffects());
    }

    /// <summary>Every level count of <see cref="WideInterpreter.LevelChoices"/>, the widest included, on fixed seeds.</summary>
    [Test]
    public void EveryMarketWidthAgrees([ValueSource(nameof(Widths))] int width)
    {
        int index = Array.IndexOf(WideInterpreter.LevelChoices, width);
        foreach (GeneratedScenario s in Gen.Sample(Scenario(150, 150), 2 * Multiplier, new Rnd(7_000UL + (ulong)index), 50))
            RunWide(s with { Variant = s.Variant - s.Variant % WideInterpreter.LevelChoices.Length + index });
    }

    private static IEnumerable<int> Widths() => WideInterpreter.LevelChoices;
}
