using TokenMatch.Commands;
using TokenMatch.Core;
using TokenMatch.Events;
using TokenMatch.Journal.Format;
using TokenMatch.Journal.Reading;
using TokenMatch.Journal.Writing;
using TokenMatch.Pipeline;
using TokenMatch.Tests.Pipeline.Support;
using TokenMatch.Tests.Support;

namespace TokenMatch.Tests.Journal.Support;

/// <summary>Runs commands live (through a host with a journal) and back (from the journal through a fresh core).</summary>
internal static class JournalKit
{
    /// <summary>30,000 s between commands: the trading scenario's cycle ends after about 90 of them.</summary>
    public const long Step = 30_000_000_000_000;

    /// <summary>
    /// Runs <paramref name="commands"/> through an <see cref="EngineHost"/> whose journal is a
    /// <see cref="JournalWriter"/> on <paramref name="directory"/>; returns the live events and state hash.
    /// </summary>
    public static (List<Event> Events, ulong Hash, JournalWriter Writer) RunLive(Command[] commands, string directory,
        JournalWriterOptions? options = null, long step = Step, long checkpointInterval = 0)
    {
        var writer = new JournalWriter(directory, 0, options);
        var subscriber = new CollectingSubscriber(keep: true);
        var results = new ResultCollector(commands.Length);
        var host = new EngineHost(new EngineHostOptions
        {
            CommandRingSize = 16, EventRingSize = 32, SingleProducer = true, Journal = writer,
            Clock = new SteppingClock(TradingScenario.Start, step), CheckpointInterval = checkpointInterval,
        });
        host.Subscribe(subscriber);
        host.Start();
        foreach (Command c in commands) Assert.That(host.Post(c, results), Is.EqualTo(ResultCode.Ok));
        TestWait.Stop(host);
        Assert.That(host.Fault, Is.Null);
        ulong hash = host.StateHashAsync().Result;
        writer.Dispose();
        return (subscriber.Kept, hash, writer);
    }

    /// <summary>Replays <paramref name="directory"/> through a fresh core; returns its events, state hash and the commands read.</summary>
    public static (List<Event> Events, ulong Hash, List<Command> Commands) Replay(string directory)
    {
        var core = new ExchangeCore();
        var log = new EventLog();
        var commands = new List<Command>();
        var reader = new JournalReader(directory);
        var entry = new JournalEntry();
        while (reader.Read(ref entry))
        {
            if (entry.Kind != RecordKind.Command) continue;
            commands.Add(entry.Command);
            core.Execute(ref entry.Command, log);
        }
        return (log.Events, core.StateHash(), commands);
    }

    /// <summary>
    /// Stamps <paramref name="commands"/> with sequences from 0 and stepping timestamps and writes
    /// them straight to a journal in batches of <paramref name="batch"/> (no host).
    /// </summary>
    public static Command[] WriteDirect(string directory, Command[] commands, JournalWriterOptions? options = null, int batch = 7)
    {
        var stamped = new Command[commands.Length];
        for (int i = 0; i < commands.Length; i++)
        {
            stamped[i] = commands[i];
            stamped[i].Sequence = i;
            stamped[i].Timestamp = TradingScenario.Start + i * 1_000_000L;
        }
        using var writer = new JournalWriter(directory, 0, options ?? new JournalWriterOptions { Fsync = FsyncPolicy.None });
        for (int i = 0; i < stamped.Length; i += batch)
            writer.OnCommands(stamped.AsSpan(i, Math.Min(batch, stamped.Length - i)), true);
        return stamped;
    }

    /// <summary>The trading settings and <paramref name="count"/> places that cross now and then.</summary>
    public static Command[] SampleFlow(int count, int seed = 1)
    {
        var random = new Random(seed);
        var list = new List<Command>(TradingScenario.Settings());
        for (int i = 0; i < count; i++)
        {
            Side side = random.Next(2) == 0 ? Side.Buy : Side.Sell;
            long price = 10_000_000 + random.Next(-8, 9) * 50_000;
            list.Add(Command.Place(0, 10 + random.Next(5), TradingScenario.Market, side, price, random.Next(1, 20), clientId: i + 1));
        }
        return [.. list];
    }

    /// <summary>All commands read from <paramref name="directory"/> (throws on damage).</summary>
    public static List<Command> ReadCommands(string directory) => Replay(directory).Commands;
}
