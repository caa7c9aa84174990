using FsCheck;
using FsCheck.Fluent;
using TokenMatch.Commands;
using TokenMatch.Core;
using TokenMatch.Journal.Recovery;
using TokenMatch.Journal.Snapshots;
using TokenMatch.Journal.Writing;
using TokenMatch.Tests.Journal.Support;
using TokenMatch.Tests.Support;

namespace TokenMatch.Tests.Journal.Writing;

/// <summary>
/// The core's own generated scenarios (every command type, admin commands, fills, rejections,
/// deliberately late timestamps) written to a journal in random batches across tiny segments:
/// replay gives the live events and state hash, and snapshot + tail at a random point gives the
/// same state hash as the full replay.
/// </summary>
public sealed class GeneratedScenarioRoundTripTests
{
    [Test]
    [CancelAfter(300_000)]
    public void GeneratedScenariosReplayExactlyAndSnapshotPlusTailEqualsFullReplay()
    {
        var kinds = new HashSet<CommandType>();
        Prop.ForAll(CommandGenerators.Scenarios(20, 250), Arb.From(Gen.Choose(0, 1000)), (scenario, point) =>
        {
            using var directory = new TempDirectory();
            var live = new ExchangeCore();
            var log = new EventLog();
            var interpreter = new CommandInterpreter(scenario, live);
            var random = new Random(point);
            var options = new JournalWriterOptions { Fsync = FsyncPolicy.None, SegmentSize = 1_500, BufferSize = 4096 };
            var pending = new List<Command>();
            long sequence = 0;
            int snapshotAt = -1;
            using (var writer = new JournalWriter(directory.Path, 0, options))
            {
                void Run(Command command)
                {
                    command.Sequence = sequence++;
                    pending.Add(command);
                    live.Execute(ref command, log);
                    kinds.Add(command.Type);
                    if (random.Next(4) == 0) Flush();
                }
                void Flush()
                {
                    writer.OnCommands(pending.ToArray(), true);
                    pending.Clear();
                }
                List<Command> setup = interpreter.Setup();
                int total = setup.Count + scenario.Ops.Length;
                int takeAt = point * total / 1000;
                foreach (Command c in setup) Run(c);
                foreach (GenOp op in scenario.Ops)
                {
                    if (sequence == takeAt && snapshotAt < 0)
                    {
                        snapshotAt = takeAt;
                        if (sequence > 0) SnapshotPayload.Save(live, directory.Path, durable: false);
                    }
                    Run(interpreter.Next(op));
                }
                Flush();
            }

            var replay = JournalKit.Replay(directory.Path);
            Assert.That(replay.Events, Is.EqualTo(log.Events));
            Assert.That(replay.Hash, Is.EqualTo(live.StateHash()));
            RecoveryResult recovered = JournalRecovery.Recover(directory.Path);
            Assert.That(recovered.Core.StateHash(), Is.EqualTo(live.StateHash()));
            Assert.That(recovered.NextSequence, Is.EqualTo(sequence));
            if (snapshotAt > 0) Assert.That(recovered.SnapshotSequence, Is.EqualTo(snapshotAt - 1));
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(30 * CommandGenerators.Multiplier));
        Assert.That(kinds, Is.SupersetOf(new[] { CommandType.Place, CommandType.Amend, CommandType.Fill, CommandType.SetBuyback, CommandType.CreateMarket }));
    }
}
