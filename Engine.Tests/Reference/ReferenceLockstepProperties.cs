using FsCheck;
using FsCheck.Fluent;
using TokenMatch.Commands;
using TokenMatch.Tests.Support;

namespace TokenMatch.Tests.Reference;

/// <summary>
/// The engine against the <see cref="ReferenceExchange"/>, in lockstep, over generated command
/// sequences: the project's general generator (<see cref="CommandInterpreter"/>: four markets, every
/// command kind, malformed commands) and the wide-market generator (WideInterpreter:
/// one market from a handful of levels to 2²⁰ wide, prices anywhere in the band, owner groups
/// relinked mid-run, every self-trade mode against every order type). Each run compares results,
/// events and state hashes after every command and checks that every rejection changed nothing.
/// </summary>
public class ReferenceLockstepProperties
{

    private static int Multiplier => CommandGenerators.Multiplier;

    /// <summary>The general generator's weights with the rare admin and malformed kinds made commoner, so that a batch from any seed reaches every code.</summary>
    private static readonly IReadOnlyList<(int Weight, OpKind Kind)> Weights = CommandGenerators.Weights
        .Select(w => w.Kind is OpKind.SetConsumeOrder or OpKind.Admin or OpKind.Invalid or OpKind.Expire or OpKind.MassCancel
            ? (w.Weight * 4, w.Kind) : w).ToList();

    private static Gen<GeneratedScenario> Scenario(int minOps, int maxOps)
    {
        long cycle = CommandInterpreter.Cycle;
        long[] paces = [cycle / 200, cycle / 120, cycle / 80, cycle / 50];
        Gen<GenOp> op = from kind in Gen.Frequency(Weights.Select(w => (w.Weight, Gen.Constant(w.Kind))))
                        from high in Gen.Choose(int.MinValue, int.MaxValue)
                        from low in Gen.Choose(int.MinValue, int.MaxValue)
                        select new GenOp(kind, ((ulong)(uint)high << 32) | (uint)low);
        return from variant in Gen.Choose(0, 59)
               from pace in Gen.Elements(paces)
               from count in Gen.Choose(minOps, maxOps)
               from ops in Gen.ArrayOf(op, count)
               select new GeneratedScenario(variant, pace, ops);
    }

    /// <summary>Runs one scenario of the general generator; 1 in 7 commands goes without the time command first.</summary>
    internal static Lockstep RunGeneral(GeneratedScenario scenario, Lockstep? into = null)
    {
        var run = into ?? new Lockstep();
        run.Context = $"general: {scenario}";
        var interpreter = new CommandInterpreter(scenario, run.Engine);
        int n = 0;
        foreach (Command c in interpreter.Setup()) run.Step(c);
        foreach (GenOp op in scenario.Ops) run.Step(interpreter.Next(op), timeFirst: ++n % 7 != 0);
        return run;
    }

    [Test]
    public void EngineAgreesWithReferenceOnGeneralSequences()
    {
        var config = Config.QuickThrowOnFailure.WithMaxTest(40 * Multiplier).WithQuietOnSuccess(true);
        Check.One(config, Prop.ForAll(Arb.From(Scenario(20, 150 * Multiplier), CommandGenerators.Shrink), s => { RunGeneral(s); }));
    }

    [Test]
    public void FixedGeneralRunsAgreeAndReachEveryResultCodeEventTypeAndCancelReason() => CoveredBatch(20261202);

    /// <summary>The same batch from a seed drawn now (printed on failure), so coverage is not an accident of one seed.</summary>
    [Test]
    public void RandomSeedGeneralRunsAgreeAndReachEveryResultCodeEventTypeAndCancelReason() =>
        CoveredBatch((ulong)Random.Shared.NextInt64(long.MaxValue));

    private static void CoveredBatch(ulong seed)
    {
        var coverage = new Coverage();
        var effects = new Dictionary<string, int>();
        foreach (GeneratedScenario s in Gen.Sample(Scenario(100, 150), 120 * Multiplier, new Rnd(seed), 50))
        {
            Lockstep run = RunGeneral(s);
            Merge(coverage, effects, run);
        }
        var expected = GeneratedResultCodes.Expected;
        var reasons = Enum.GetValues<CancelReason>().Select(r => $"cancel:{r}");
        Assert.Multiple(() =>
        {
            Assert.That(coverage.MissingResults(expected), Is.Empty, $"seed {seed}: {coverage}");
            Assert.That(coverage.MissingEvents(), Is.Empty, $"seed {seed}: {coverage}");
            Assert.That(reasons.Where(r => !effects.ContainsKey(r)), Is.Empty, $"seed {seed}: {string.Join(", ", effects)}");
        });
    }

    internal static void Merge(Coverage coverage, Dictionary<string, int> effects, Lockstep run)
    {
        coverage.Merge(run.Coverage);
        foreach (var (k, v) in run.Reference.Effects) effects[k] = effects.GetValueOrDefault(k) + v;
    }
}
