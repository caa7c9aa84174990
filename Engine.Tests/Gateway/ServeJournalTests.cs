using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using TokenMatch.Client;
using TokenMatch.Commands;

namespace TokenMatch.Tests.Gateway;

/// <summary>
/// <c>tokenmatch serve --journal</c> as a process: what a client was answered survives a SIGKILL, the
/// restart recovers the engine (the provider's key included, so no second key is minted) and the
/// market-data book is seeded from the recovered orders.
/// </summary>
[CancelAfter(120_000)]
public sealed partial class ServeJournalTests
{
    [GeneratedRegex(@"listening on 127\.0\.0\.1:(\d+)")]
    private static partial Regex Listening();

    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    private static async Task<(Process Serve, int Port, string Output)> Start(string journal, string keyFile)
    {
        string exe = Path.Combine(TestContext.CurrentContext.TestDirectory, "tokenmatch");
        var serve = Process.Start(new ProcessStartInfo(exe, ["serve", "--port", "0", "--quiet", "--key-file", keyFile, "--journal", journal])
        { RedirectStandardOutput = true, RedirectStandardError = true })!;
        var seen = new System.Text.StringBuilder();
        var deadline = DateTime.UtcNow + Wait;
        while (DateTime.UtcNow < deadline)
        {
            string? line = await serve.StandardOutput.ReadLineAsync().WaitAsync(Wait);
            if (line is null) break;
            seen.AppendLine(line);
            Match m = Listening().Match(line);
            if (m.Success) return (serve, int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture), seen.ToString());
        }
        if (!serve.HasExited) serve.Kill();
        Assert.Fail($"serve did not announce its port: {seen}{await serve.StandardError.ReadToEndAsync()}");
        throw new InvalidOperationException();
    }

    [Test]
    public async Task What_was_answered_survives_a_kill_and_the_restart_recovers_keys_and_book()
    {
        string root = Path.Combine(Path.GetTempPath(), $"tokenmatch-serve-journal-{Environment.ProcessId}-{Guid.NewGuid():N}");
        string journal = Path.Combine(root, "data");
        string keyFile = Path.Combine(root, "provider.key");
        Directory.CreateDirectory(root);
        try
        {
            (Process first, int port, string _) = await Start(journal, keyFile);
            string keyText = File.ReadAllText(keyFile);
            string key = TokenMatch.Cli.Serve.KeyFile.Read(keyFile).Find("provider")!;
            long sequenceBefore;
            try
            {
                await using GatewayClient provider = await GatewayClient.ConnectAsync(new ClientOptions { Port = port, ApiKey = key });
                long start = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() * 1_000_000;
                long end = start + 30L * 24 * 3600 * 1_000_000_000;
                CommandRequest[] setup =
                [
                    new(CommandType.CreateAccount) { Account = 9005, Code = (byte)Tier.Verified },
                    new(CommandType.Deposit) { Account = 9005, Quantity = 1_000_000_000 },
                    new(CommandType.CreateMarket)
                    {
                        Market = 1000, OrderId = MarketSymbol.PackLow("TEST-S"), ClientId = MarketSymbol.PackHigh("TEST-S"),
                        A0 = 1000, A1 = 100, A2 = 2_000_000, A3 = 100, A4 = 4_000_000, A5 = 1, A6 = 1_000_000, A7 = start, Quantity = end,
                    },
                    new(CommandType.OpenMarket) { Market = 1000 },
                ];
                foreach (CommandRequest c in setup)
                    Assert.That((await provider.SendAsync(c)).Code, Is.EqualTo(ResultCode.Ok), c.Type.ToString());
                CommandResult bid = await provider.PlaceAsync(9005, 1000, Side.Buy, 1_000_000, 7, clientId: 1);
                Assert.That(bid.Code, Is.EqualTo(ResultCode.Ok));
                (_, sequenceBefore) = await provider.StateHashAsync();
            }
            finally
            {
                first.Kill();
                await first.WaitForExitAsync().WaitAsync(Wait);
            }

            // The server's clock keeps adding time commands, so the hash to expect is the journal's own.
            ulong journaled = TokenMatch.Journal.Recovery.JournalRecovery.Recover(journal).Core.StateHash();
            (Process second, int port2, string announced) = await Start(journal, keyFile);
            try
            {
                Assert.That(announced, Does.Contain("recovered"));
                Assert.That(announced, Does.Contain($"state hash {journaled:x16}"), "the recovered engine is the journaled one");
                Assert.That(File.ReadAllText(keyFile), Is.EqualTo(keyText), "the key file is not rewritten on a recovered start");
                await using GatewayClient provider = await GatewayClient.ConnectAsync(new ClientOptions { Port = port2, ApiKey = key });
                (_, long sequenceAfter) = await provider.StateHashAsync();
                Assert.That(sequenceAfter, Is.GreaterThanOrEqualTo(sequenceBefore));
                Assert.That(await provider.OpenOrdersAsync(9005), Has.Count.EqualTo(1), "the answered bid was recovered");
                await provider.SubscribeAsync(1000);
                LocalBook book = provider.Book(1000);
                var deadline = DateTime.UtcNow + Wait;
                while (DateTime.UtcNow < deadline && book.Bids.Count == 0) await Task.Delay(20);
                Assert.That(book.Bids.Select(l => (l.Price, l.Quantity)), Is.EqualTo(new[] { (1_000_000L, 7L) }), "the book snapshot holds the recovered bid");
            }
            finally
            {
                second.Kill();
                await second.WaitForExitAsync().WaitAsync(Wait);
            }
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }
}
