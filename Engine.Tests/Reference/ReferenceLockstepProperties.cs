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
    private static readonly ResultCode[] NotFromTheCore =
    [
        ResultCode.NotAuthenticated, ResultCode.NotAuthorized, ResultCode.RateLimited,
        ResultCode.MalformedFrame, ResultCode.RingFull, ResultCode.ShuttingDown,
    ];

    private static int Multiplier => CommandGenerators.Multiplier;

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
        var config = Config.QuickThrowOnFailure.WithMaxTest(60 * Multiplier).WithQuietOnSuccess(true);
        Check.One(config, Prop.ForAll(CommandGenerators.Scenarios(20, 150 * Multiplier), s => { RunGeneral(s); }));
    }

    [Test]
    public void FixedGeneralRunsAgreeAndReachEveryResultCodeEventTypeAndCancelReason()
    {
        var coverage = new Coverage();
        var effects = new Dictionary<string, int>();
        foreach (GeneratedScenario s in CommandGenerators.Fixed(20261202, 120 * Multiplier, 100, 150))
        {
            Lockstep run = RunGeneral(s);
            Merge(coverage, effects, run);
        }
        var expected = Enum.GetValues<ResultCode>().Except(NotFromTheCore);
        var reasons = Enum.GetValues<CancelReason>().Select(r => $"cancel:{r}");
        Assert.Multiple(() =>
        {
            Assert.That(coverage.MissingResults(expected), Is.Empty, coverage.ToString());
            Assert.That(coverage.MissingEvents(), Is.Empty, coverage.ToString());
            Assert.That(reasons.Where(r => !effects.ContainsKey(r)), Is.Empty, string.Join(", ", effects));
        });
    }

    internal static void Merge(Coverage coverage, Dictionary<string, int> effects, Lockstep run)
    {
        coverage.Merge(run.Coverage);
        foreach (var (k, v) in run.Reference.Effects) effects[k] = effects.GetValueOrDefault(k) + v;
    }
}
