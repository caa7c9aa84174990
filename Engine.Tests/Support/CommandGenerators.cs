using FsCheck;
using FsCheck.Fluent;

namespace TokenMatch.Tests.Support;

/// <summary>
/// FsCheck generators of command sequences: a <see cref="GeneratedScenario"/> is a setup variant, a
/// pace and a list of weighted operations, each with its own parameter seed. Shrinking removes
/// operations (halves, then smaller and smaller runs, then single ones), so a failure comes back as
/// a short sequence whose remaining operations mean what they meant before.
/// </summary>
public static class CommandGenerators
{
    /// <summary>Relative frequency of each operation kind.</summary>
    public static readonly IReadOnlyList<(int Weight, OpKind Kind)> Weights =
    [
        (200, OpKind.Place), (8, OpKind.Cancel), (4, OpKind.CancelByClientId), (16, OpKind.Amend),
        (1, OpKind.MassCancel), (6, OpKind.Consume), (3, OpKind.Spend), (3, OpKind.Deposit), (5, OpKind.Grant),
        (3, OpKind.Link), (2, OpKind.Unlink), (1, OpKind.Freeze), (6, OpKind.Unfreeze), (3, OpKind.SetStpDefault),
        (2, OpKind.SetTier), (2, OpKind.SetTierCap), (2, OpKind.SetMaxOpenOrders), (5, OpKind.SetBuyback),
        (2, OpKind.SetFees), (1, OpKind.Halt), (10, OpKind.Resume), (1, OpKind.Expire), (4, OpKind.Fill),
        (8, OpKind.Time), (1, OpKind.SetConsumeOrder), (4, OpKind.Admin), (4, OpKind.Invalid),
    ];

    /// <summary>1 normally; 10 when the environment variable TOKENMATCH_LONG is 1 (long runs).</summary>
    public static int Multiplier => Environment.GetEnvironmentVariable("TOKENMATCH_LONG") == "1" ? 10 : 1;

    /// <summary>One operation: a kind by weight and a 64-bit parameter seed.</summary>
    public static Gen<GenOp> Op() =>
        from kind in Gen.Frequency(Weights.Select(w => (w.Weight, Gen.Constant(w.Kind))))
        from high in Gen.Choose(int.MinValue, int.MaxValue)
        from low in Gen.Choose(int.MinValue, int.MaxValue)
        select new GenOp(kind, ((ulong)(uint)high << 32) | (uint)low);

    /// <summary>A scenario of <paramref name="minOps"/> to <paramref name="maxOps"/> operations.</summary>
    public static Gen<GeneratedScenario> Scenario(int minOps, int maxOps)
    {
        long cycle = CommandInterpreter.Cycle;
        long[] paces = [cycle / 200, cycle / 120, cycle / 80, cycle / 50];
        return from variant in Gen.Choose(0, 59)
               from pace in Gen.Elements(paces)
               from count in Gen.Choose(minOps, maxOps)
               from ops in Gen.ArrayOf(Op(), count)
               select new GeneratedScenario(variant, pace, ops);
    }

    /// <summary>Scenarios with the shrinker that removes operations.</summary>
    public static Arbitrary<GeneratedScenario> Scenarios(int minOps, int maxOps) =>
        Arb.From(Scenario(minOps, maxOps), Shrink);

    /// <summary>Smaller scenarios: the same variant and pace with a run of operations removed.</summary>
    public static IEnumerable<GeneratedScenario> Shrink(GeneratedScenario scenario)
    {
        GenOp[] ops = scenario.Ops;
        for (int chunk = ops.Length / 2; chunk >= 1; chunk /= 2)
            for (int from = 0; from + chunk <= ops.Length; from += chunk)
                yield return scenario with { Ops = [.. ops[..from], .. ops[(from + chunk)..]] };
    }

    /// <summary><paramref name="count"/> scenarios from a fixed seed: the same ones on every run.</summary>
    public static GeneratedScenario[] Fixed(ulong seed, int count, int minOps, int maxOps) =>
        Gen.Sample(Scenario(minOps, maxOps), count, new Rnd(seed), 50);
}
