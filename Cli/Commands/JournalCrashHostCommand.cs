using System.CommandLine;
using TokenMatch.Commands;
using TokenMatch.Journal.Recovery;
using TokenMatch.Journal.Writing;
using TokenMatch.Markets;
using TokenMatch.Pipeline;
using Command = TokenMatch.Commands.Command;

namespace TokenMatch.Cli.Commands;

/// <summary>
/// <c>tokenmatch journal crash-host &lt;dir&gt; --round R --count N</c> (hidden): the child process of the
/// journal crash test. Recovers the directory, prints <c>recovered &lt;next sequence&gt; &lt;state hash&gt;</c>,
/// sets up a market when the journal was empty, then posts <c>N</c> places (client id
/// <c>(R+1)·2³² + i</c>) as fast as the ring takes them, printing <c>posted &lt;count&gt;</c> after each
/// chunk and <c>ack &lt;sequence&gt; &lt;client id&gt;</c> for each command answered (answers come only
/// after the journal has the command under the fsync policy). The test kills it at random.
/// </summary>
internal static class JournalCrashHostCommand
{
    /// <summary>Market id of the crash host's market.</summary>
    public const int Market = 1;

    /// <summary>The hidden <c>crash-host</c> subcommand.</summary>
    public static System.CommandLine.Command Create()
    {
        var directory = new Argument<DirectoryInfo>("dir");
        var round = new Option<int>("--round") { DefaultValueFactory = _ => 0 };
        var count = new Option<int>("--count") { DefaultValueFactory = _ => 100_000 };
        var fsync = new Option<FsyncPolicy>("--fsync") { DefaultValueFactory = _ => FsyncPolicy.Batch };
        var command = new System.CommandLine.Command("crash-host", "The journal crash test's child process") { directory, round, count, fsync };
        command.Hidden = true;
        command.SetAction(r => Run(r.GetRequiredValue(directory).FullName, r.GetValue(round), r.GetValue(count), r.GetValue(fsync)));
        return command;
    }

    private static int Run(string directory, int round, int count, FsyncPolicy fsync)
    {
        var output = new StreamWriter(Console.OpenStandardOutput(), bufferSize: 1 << 16) { AutoFlush = false };
        var gate = new Lock();
        void Line(string text, bool flush)
        {
            lock (gate)
            {
                output.WriteLine(text);
                if (flush) output.Flush();
            }
        }

        RecoveryResult recovered = JournalRecovery.Recover(directory, new RecoveryOptions { Warn = w => Console.Error.WriteLine("warning: " + w) });
        Line($"recovered {recovered.NextSequence} {recovered.Core.StateHash():X16}", flush: true);
        var writer = new JournalWriter(directory, recovered.NextSequence, new JournalWriterOptions { Fsync = fsync });
        var host = new EngineHost(recovered.Core, new EngineHostOptions
        {
            FirstSequence = recovered.NextSequence, Journal = writer, CommandRingSize = 1 << 13, SingleProducer = true,
        });
        host.Start();
        if (recovered.NextSequence == 0) host.ApplySettingsAsync(Settings()).GetAwaiter().GetResult();

        var acks = new AckPrinter(Line);
        using var flusher = new Timer(_ => { lock (gate) output.Flush(); }, null, 2, 2);
        var random = new Random(round * 7919 + 17);
        var chunk = new Command[2048];
        long clientBase = (round + 1L) << 32;
        for (int posted = 0; posted < count;)
        {
            int n = Math.Min(chunk.Length, count - posted);
            for (int i = 0; i < n; i++)
            {
                Side side = random.Next(2) == 0 ? Side.Buy : Side.Sell;
                long price = 10_000_000 + random.Next(-10, 11) * 10_000;
                chunk[i] = Command.Place(0, 10 + random.Next(4), Market, side, price, random.Next(1, 10), clientId: clientBase + posted + i + 1);
            }
            posted += host.PostBatch(chunk.AsSpan(0, n), acks);
            Line($"posted {posted}", flush: true);
        }
        host.Stop();
        writer.Dispose();
        Line("done", flush: true);
        return host.Fault is null ? ExitCodes.Ok : ExitCodes.EngineError;
    }

    private static IEnumerable<Command> Settings()
    {
        long start = new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds() * 1_000_000;
        long end = new DateTimeOffset(2100, 1, 1, 0, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds() * 1_000_000;
        yield return Command.CreateAccount(0, 0, Tier.Trusted);
        yield return Command.CreateAccount(0, 1, Tier.Trusted);
        yield return Command.SetHouse(0, 0, 1);
        yield return Command.CreateMarket(0, Market, "CRASH/TEST", 1_000, 1_000, 10_000_000, 1_000, 20_000_000, 1, 1_000_000, start, end);
        yield return Command.SetFees(0, Market, 5, 10);
        yield return Command.MarketState(0, CommandType.OpenMarket, Market);
        for (int a = 10; a < 14; a++)
        {
            yield return Command.CreateAccount(0, a, Tier.Trusted);
            yield return Command.Deposit(0, a, 1_000_000_000_000_000);
            yield return Command.Grant(0, a, Market, Origin.Allocated, 1_000_000_000);
        }
    }

    /// <summary>Prints each answer (buffered; flushed every 2 ms and with each posted line).</summary>
    private sealed class AckPrinter(Action<string, bool> line) : ICommandCallback
    {
        public void OnResult(in Command command) => line($"ack {command.Sequence} {command.ClientId}", false);
    }
}
