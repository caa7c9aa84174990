using FsCheck;
using FsCheck.Fluent;
using TokenMatch.Commands;
using TokenMatch.Core;
using TokenMatch.Events;
using TokenMatch.Tests.Support;

namespace TokenMatch.Tests.Matching;

/// <summary>
/// Drives a core with the fast book and a core with <see cref="TokenMatch.Matching.NaiveOrderBook"/>
/// through the same generated command sequences: after every command their results, every field of
/// every event and their state hashes must be equal, and both must pass ValidateInternalState().
/// </summary>
public class FastVsNaiveProperties
{
    [Test]
    public void FastAndNaiveCoresAgreeOnGeneratedSequences()
    {
        int multiplier = CommandGenerators.Multiplier;
        var config = Config.QuickThrowOnFailure.WithMaxTest(200 * multiplier).WithQuietOnSuccess(true);
        Check.One(config, Prop.ForAll(CommandGenerators.Scenarios(20, 150 * multiplier), scenario => RunLockstep(scenario, null)));
    }

    [Test]
    public void FixedSeedRunsAgreeAndReachEveryEventTypeAndResultCode()
    {
        var coverage = new Coverage();
        foreach (GeneratedScenario scenario in CommandGenerators.Fixed(20261201, 120, 100, 150))
            RunLockstep(scenario, coverage);
        var expected = GeneratedResultCodes.Expected;
        Assert.Multiple(() =>
        {
            Assert.That(coverage.MissingResults(expected), Is.Empty, coverage.ToString());
            Assert.That(coverage.MissingEvents(), Is.Empty, coverage.ToString());
        });
    }

    private static string DepthText(BookDepth? depth) => depth is null ? "none" :
        $"bids {string.Join(" ", depth.Bids.Select(l => $"{l.Price}x{l.Quantity}/{l.Orders}"))} " +
        $"asks {string.Join(" ", depth.Asks.Select(l => $"{l.Price}x{l.Quantity}/{l.Orders}"))}";

    /// <summary>Small initial capacities: the cores are built hundreds of times, and pool growth gets exercised too.</summary>
    private static CoreOptions Options(bool naive) => new()
    {
        NaiveBooks = naive, InitialOrderCapacity = 64, InitialAccountCapacity = 64, InitialClientIdCapacity = 16, EventBufferSize = 64,
    };

    private static void RunLockstep(GeneratedScenario scenario, Coverage? coverage)
    {
        var fast = new ExchangeCore(Options(naive: false));
        var naive = new ExchangeCore(Options(naive: true));
        var interpreter = new CommandInterpreter(scenario, fast);
        var fastLog = new EventLog();
        var naiveLog = new EventLog();
        var history = new List<string>();
        long sequence = 0;
        int setupCount = int.MaxValue;

        void Step(Command command)
        {
            command.Sequence = ++sequence;
            history.Add(TestText.Describe(command));
            Command a = command, b = command;
            fastLog.Events.Clear();
            naiveLog.Events.Clear();
            fast.Execute(ref a, fastLog);
            naive.Execute(ref b, naiveLog);
            if (a.Result != b.Result || a.EventCount != b.EventCount)
                Fail($"fast {a.Result} ({a.EventCount} events), naive {b.Result} ({b.EventCount} events)");
            for (int i = 0; i < fastLog.Events.Count; i++)
            {
                string f = TestText.Describe(fastLog.Events[i]), n = TestText.Describe(naiveLog.Events[i]);
                if (f != n || !fastLog.Events[i].Equals(naiveLog.Events[i])) Fail($"event {i} differs:\n  fast  {f}\n  naive {n}");
            }
            if (fast.StateHash() != naive.StateHash()) Fail("state hashes differ");
            // The hash covers the orders in priority order; the depth query covers the books' level aggregation.
            foreach (MarketSpec m in CommandInterpreter.Markets)
                foreach (int levels in (ReadOnlySpan<int>)[2, 1_000])
                {
                    string f = DepthText(fast.GetDepth(m.Id, levels)), n = DepthText(naive.GetDepth(m.Id, levels));
                    if (f != n) Fail($"market {m.Id} depth ({levels} levels) differs:\n  fast  {f}\n  naive {n}");
                }
            Validate(fast, "fast");
            Validate(naive, "naive");
            coverage?.Record(a.Result, fastLog.Events);

            void Fail(string what)
            {
                int count = Math.Max(fastLog.Events.Count, naiveLog.Events.Count);
                var events = Enumerable.Range(0, count).Select(i =>
                    $"  fast  {(i < fastLog.Events.Count ? TestText.Describe(fastLog.Events[i]) : "(none)")}\n" +
                    $"  naive {(i < naiveLog.Events.Count ? TestText.Describe(naiveLog.Events[i]) : "(none)")}");
                // The setup is the same for every scenario of a variant: show what the operations made of it.
                var commands = history.Skip(Math.Min(setupCount, history.Count - 1)).TakeLast(60);
                throw new AssertionException(
                    $"{what} after command {sequence} (variant {scenario.Variant}, {setupCount} setup commands):\n" +
                    $"{string.Join("\n", commands)}\nevents:\n{string.Join("\n", events)}");
            }

            void Validate(ExchangeCore core, string name)
            {
                try { core.ValidateInternalState(); }
                catch (InvalidOperationException e) { Fail($"{name} core invalid: {e.Message}"); }
            }
        }

        List<Command> setup = interpreter.Setup();
        setupCount = setup.Count;
        foreach (Command command in setup) Step(command);
        foreach (GenOp op in scenario.Ops) Step(interpreter.Next(op));
    }
}
