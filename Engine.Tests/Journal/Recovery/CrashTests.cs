using System.Diagnostics;
using System.Globalization;
using TokenMatch.Commands;
using TokenMatch.Core;
using TokenMatch.Journal.Format;
using TokenMatch.Journal.Reading;
using TokenMatch.Journal.Writing;
using TokenMatch.Tests.Journal.Support;
using TokenMatch.Tests.Support;

namespace TokenMatch.Tests.Journal.Recovery;

/// <summary>
/// SIGKILL in the middle of traffic: a child process (<c>tokenmatch journal crash-host</c>, the real
/// host, journal and recovery) posts places and reports each answered sequence; the test kills it at
/// a random moment while at least 1,000 commands are in flight, restarts it on the same directory,
/// and at the end checks that every answered command is in the journal exactly once, at its
/// sequence, and that each restart recovered the state hash of a clean replay of what it recovered.
/// 10 rounds per policy normally, 100 with TOKENMATCH_LONG=1. Every policy must pass: a SIGKILL
/// loses nothing the OS was handed, and every policy hands a batch to the OS before answering it.
/// </summary>
public sealed class CrashTests
{
    private static int Rounds => CommandGenerators.Multiplier == 1 ? 10 : 100;

    [TestCase(FsyncPolicy.Batch)]
    [TestCase(FsyncPolicy.Interval)]
    [TestCase(FsyncPolicy.None)]
    [CancelAfter(300_000)]
    public void EveryAnsweredCommandSurvivesSigkillExactlyOnce(FsyncPolicy policy)
    {
        using var directory = new TempDirectory();
        var random = new Random(11 + (int)policy);
        var acks = new Dictionary<long, long>();          // sequence → client id
        var recovered = new List<(long Next, ulong Hash)>();
        long maxAcked = -1;
        int killedInFlight = 0;
        for (int round = 0; round <= Rounds; round++)
        {
            bool last = round == Rounds;
            using var child = Start(directory.Path, round, last ? 0 : 400_000, policy);
            long posted = 0, acked = 0;
            int threshold = random.Next(200, 20_000);
            bool killed = false;
            var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
            while (true)
            {
                Assert.That(DateTime.UtcNow, Is.LessThan(deadline), $"round {round}: the child stalled");
                string? line = child.StandardOutput.ReadLine();
                if (line is null) break;
                // After the kill, what is still in the pipe was printed before it, but its last line
                // may be cut short: counting nothing more is the safe side.
                if (killed) continue;
                string[] parts = line.Split(' ');
                switch (parts[0])
                {
                    case "recovered":
                        long next = long.Parse(parts[1], CultureInfo.InvariantCulture);
                        Assert.That(next, Is.GreaterThan(maxAcked), $"round {round}: an answered command was lost");
                        recovered.Add((next, ulong.Parse(parts[2], NumberStyles.HexNumber, CultureInfo.InvariantCulture)));
                        break;
                    case "posted":
                        posted = long.Parse(parts[1], CultureInfo.InvariantCulture);
                        break;
                    case "ack":
                        long sequence = long.Parse(parts[1], CultureInfo.InvariantCulture);
                        Assert.That(acks.TryAdd(sequence, long.Parse(parts[2], CultureInfo.InvariantCulture)), Is.True, $"sequence {sequence} answered twice");
                        maxAcked = Math.Max(maxAcked, sequence);
                        acked++;
                        break;
                }
                if (!killed && !last && acked >= threshold && posted - acked >= 1_000)
                {
                    child.Kill(entireProcessTree: true);
                    killed = true;
                    killedInFlight++;
                }
            }
            Assert.That(child.WaitForExit(30_000), Is.True, $"round {round}: the child did not exit");
            if (!killed) Assert.That(child.ExitCode, Is.Zero, $"round {round}: " + child.StandardError.ReadToEnd());
        }
        Assert.That(killedInFlight, Is.GreaterThanOrEqualTo(Rounds / 2), "most rounds were killed with 1,000 or more commands in flight");

        // One clean replay of the journal, hashing at every point a restart recovered to.
        var wanted = recovered.Select(r => r.Next - 1).ToHashSet();
        var hashes = new Dictionary<long, ulong> { [-1] = new ExchangeCore().StateHash() };
        var clients = new Dictionary<long, long>();
        var seen = new HashSet<long>();
        var core = new ExchangeCore();
        var reader = new JournalReader(directory.Path);
        var entry = new JournalEntry();
        while (reader.Read(ref entry))
        {
            if (entry.Kind != RecordKind.Command) continue;
            long clientId = entry.Command.ClientId;
            if (entry.Command.Type == CommandType.Place)
            {
                Assert.That(seen.Add(clientId), Is.True, $"client id {clientId} is in the journal twice");
                clients[entry.Command.Sequence] = clientId;
            }
            core.Execute(ref entry.Command, TokenMatch.Tests.Journal.Support.NullSink.Instance);
            if (wanted.Contains(entry.Command.Sequence)) hashes[entry.Command.Sequence] = core.StateHash();
        }
        Assert.That(reader.Torn, Is.Null, "the last restart cut off any torn record");
        foreach ((long sequence, long clientId) in acks)
            Assert.That(clients.GetValueOrDefault(sequence), Is.EqualTo(clientId), $"answered command {sequence} is in the journal at its sequence");
        foreach ((long next, ulong hash) in recovered)
            Assert.That(hash, Is.EqualTo(hashes[next - 1]), $"recovery to {next} gave a clean replay's state hash");
    }

    private static Process Start(string directory, int round, int count, FsyncPolicy policy)
    {
        string dll = Path.Combine(AppContext.BaseDirectory, "tokenmatch.dll");
        var info = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        foreach (string arg in new[] { dll, "journal", "crash-host", directory, "--round", round.ToString(CultureInfo.InvariantCulture),
                     "--count", count.ToString(CultureInfo.InvariantCulture), "--fsync", policy.ToString() })
            info.ArgumentList.Add(arg);
        return Process.Start(info)!;
    }
}
