using System.Buffers;
using FsCheck;
using FsCheck.Fluent;
using TokenMatch.Commands;
using TokenMatch.Core;
using TokenMatch.Tests.Support;

namespace TokenMatch.Tests.Core;

/// <summary>
/// A snapshot is the whole state: generated command sequences (the generators of the lockstep
/// and ledger properties) run on one core; at a random point it is snapshotted and restored, and
/// later the restored core is snapshotted and
/// restored again. From then on all of them get the same commands and must give the same results,
/// the same events field by field and the same state hash after every command.
/// </summary>
public sealed class SnapshotProperties
{
    private static CoreOptions Options() => new()
    {
        InitialOrderCapacity = 64, InitialAccountCapacity = 64, InitialClientIdCapacity = 16, EventBufferSize = 64,
    };

    [Test]
    public void ARestoredCoreBehavesExactlyLikeTheOriginalFromTheSnapshotOn()
    {
        int multiplier = CommandGenerators.Multiplier;
        var config = Config.QuickThrowOnFailure.WithMaxTest(100 * multiplier).WithQuietOnSuccess(true);
        Arbitrary<(GeneratedScenario, int, int)> cases = (
            from scenario in CommandGenerators.Scenario(10, 150 * multiplier)
            from first in Gen.Choose(0, 1_000)
            from second in Gen.Choose(0, 1_000)
            select (scenario, first, second)).ToArbitrary();
        Check.One(config, Prop.ForAll(cases, c => Run(c.Item1, c.Item2, c.Item3)));
    }

    [Test]
    public void FixedSeedRunsRestoreAtEveryTenthCommand()
    {
        foreach (GeneratedScenario scenario in CommandGenerators.Fixed(20261202, 10, 100, 150))
            for (int point = 0; point <= 1_000; point += 100) Run(scenario, point, 1_000 - point);
    }

    /// <summary>Snapshot bytes of <paramref name="core"/>.</summary>
    public static byte[] Snapshot(ExchangeCore core)
    {
        var buffer = new ArrayBufferWriter<byte>();
        core.WriteSnapshot(buffer);
        return buffer.WrittenSpan.ToArray();
    }

    private static void Run(GeneratedScenario scenario, int first, int second)
    {
        var original = new ExchangeCore(Options());
        var interpreter = new CommandInterpreter(scenario, original);
        List<Command> setup = interpreter.Setup();
        int total = setup.Count + scenario.Ops.Length;
        // Snapshot points: after `firstAt` commands, and after `secondAt` (0 = before any command).
        int firstAt = first * total / 1_000, secondAt = firstAt + second * (total - firstAt) / 1_000;
        var cores = new List<(string Name, ExchangeCore Core, EventLog Log)> { ("original", original, new EventLog()) };
        long sequence = 0;
        var history = new List<string>();

        void SnapshotPoint(int at)
        {
            (string name, ExchangeCore source, _) = cores[^1];
            byte[] bytes = Snapshot(source);
            ExchangeCore restored = ExchangeCore.ReadSnapshot(bytes, Options());
            string label = $"restored from {name} after {at} commands";
            if (restored.StateHash() != original.StateHash()) Fail($"{label}: state hash differs at once");
            if (restored.LastSequence != original.LastSequence) Fail($"{label}: last sequence {restored.LastSequence}, not {original.LastSequence}");
            // Written and read back again: the same state.
            if (ExchangeCore.ReadSnapshot(Snapshot(restored)).StateHash() != original.StateHash()) Fail($"{label}: second round trip differs");
            cores.Add((label, restored, new EventLog()));
        }

        void Step(Command command)
        {
            command.Sequence = sequence++;
            history.Add(TestText.Describe(command));
            Command expected = default;
            for (int i = 0; i < cores.Count; i++)
            {
                Command c = command;
                cores[i].Log.Events.Clear();
                cores[i].Core.Execute(ref c, cores[i].Log);
                if (i == 0) { expected = c; continue; }
                if (c.Result != expected.Result || c.EventCount != expected.EventCount)
                    Fail($"{cores[i].Name}: {c.Result} ({c.EventCount} events), original {expected.Result} ({expected.EventCount} events)");
                if (!cores[i].Log.Events.SequenceEqual(cores[0].Log.Events)) Fail($"{cores[i].Name}: events differ");
                if (cores[i].Core.StateHash() != original.StateHash()) Fail($"{cores[i].Name}: state hash differs");
            }
        }

        void Fail(string what) => throw new AssertionException(
            $"{what} at command {sequence} of {total} ({scenario}):\n{string.Join("\n", history.TakeLast(30))}");

        var commands = new List<Func<Command>>();
        int done = 0;
        foreach (Command c in setup)
        {
            if (done == firstAt) SnapshotPoint(done);
            if (done == secondAt && secondAt > firstAt) SnapshotPoint(done);
            Step(c);
            done++;
        }
        foreach (GenOp op in scenario.Ops)
        {
            if (done == firstAt) SnapshotPoint(done);
            if (done == secondAt && secondAt > firstAt) SnapshotPoint(done);
            Step(interpreter.Next(op));
            done++;
        }
        if (done == firstAt) SnapshotPoint(done);
        foreach (var (name, core, _) in cores)
        {
            try { core.ValidateInternalState(); }
            catch (InvalidOperationException e) { Fail($"{name} invalid: {e.Message}"); }
        }
    }
}
