using FsCheck;
using FsCheck.Fluent;
using TokenMatch.Commands;
using TokenMatch.Core;
using TokenMatch.Events;
using TokenMatch.Tests.Support;

namespace TokenMatch.Tests.Ledger;

/// <summary>
/// Long generated command sequences through one core, with <see cref="LedgerAudit"/> checking after
/// every command: credits and lots conserved, nothing negative, holds equal to open orders, and no
/// trial, promo or acquired lot ever sold.
/// </summary>
public class InvariantProperties
{
    private static readonly ResultCode[] LedgerCodes =
    [
        ResultCode.UnknownAccount, ResultCode.InsufficientCredits, ResultCode.InsufficientLots, ResultCode.LotsNotSellable,
        ResultCode.AccountFrozen, ResultCode.TierCapExceeded, ResultCode.MaxOpenOrdersExceeded,
    ];

    [Test]
    public void LedgerInvariantsHoldAfterEveryCommand()
    {
        int multiplier = CommandGenerators.Multiplier;
        var config = Config.QuickThrowOnFailure.WithMaxTest(40 * multiplier).WithQuietOnSuccess(true);
        Check.One(config, Prop.ForAll(CommandGenerators.Scenarios(100, 300 * multiplier), scenario => RunAudited(scenario, null)));
    }

    [Test]
    public void FixedSeedRunsReachEveryLedgerCodeAndEventType()
    {
        var coverage = new Coverage();
        foreach (GeneratedScenario scenario in CommandGenerators.Fixed(20270101, 40, 250, 300))
            RunAudited(scenario, coverage);
        Assert.Multiple(() =>
        {
            Assert.That(coverage.MissingResults(LedgerCodes), Is.Empty, coverage.ToString());
            Assert.That(coverage.MissingEvents(), Is.Empty, coverage.ToString());
        });
    }

    private static void RunAudited(GeneratedScenario scenario, Coverage? coverage)
    {
        var core = new ExchangeCore(new CoreOptions
        {
            InitialOrderCapacity = 64, InitialAccountCapacity = 64, InitialClientIdCapacity = 16, EventBufferSize = 64,
        });
        var interpreter = new CommandInterpreter(scenario, core);
        var audit = new LedgerAudit(core, interpreter.AccountIds, CommandInterpreter.Markets.Select(m => m.Id), CommandInterpreter.TrialOnly);
        var log = new EventLog();
        var history = new List<string>();
        long sequence = 0;

        void Step(Command command)
        {
            command.Sequence = ++sequence;
            history.Add(TestText.Describe(command));
            log.Events.Clear();
            audit.Before();
            core.Execute(ref command, log);
            try
            {
                audit.After(command, log.Events);
                core.ValidateInternalState();
            }
            catch (Exception e) when (e is AssertionException or InvalidOperationException)
            {
                throw new AssertionException(
                    $"{e.Message}\nafter command {sequence} ({command.Result}), variant {scenario.Variant}:\n{string.Join("\n", history.TakeLast(40))}\n" +
                    $"events:\n{string.Join("\n", log.Events.Select(ev => "  " + TestText.Describe(ev)))}");
            }
            coverage?.Record(command.Result, log.Events);
        }

        foreach (Command command in interpreter.Setup()) Step(command);
        foreach (GenOp op in scenario.Ops) Step(interpreter.Next(op));
    }
}
