using TokenMatch.Cli.Serve;
using TokenMatch.Client;
using TokenMatch.Commands;
using TokenMatch.Journal.Recovery;

namespace TokenMatch.Tests.Cli.Serve;

/// <summary>
/// <c>tokenmatch serve</c> killed hard (SIGKILL: no drain, no final sync) after a client was answered:
/// every answered command was journaled before its answer, so a restart on the same directory
/// recovers the engine the journal holds (the printed recovery hash equals an offline recovery's),
/// with the same accounts and the resting order, and does not re-create the demo or rewrite the keys.
/// </summary>
[CancelAfter(120_000)]
public sealed class ServeKillTests
{
    [Test]
    public async Task After_a_hard_kill_a_restart_recovers_the_same_state_and_accounts()
    {
        string root = ServeProcess.TempRoot("serve-kill");
        string journal = Path.Combine(root, "data");
        string keyPath = Path.Combine(journal, "demo-keys.txt");
        try
        {
            string keyText;
            var before = new Dictionary<int, AccountInfo>();
            int trader;
            long orderId;
            await using (ServeProcess first = await ServeProcess.StartAsync("--journal", journal))
            {
                keyText = File.ReadAllText(keyPath);
                KeyFile keys = KeyFile.Read(keyPath);
                await using GatewayClient provider = await GatewayClient.ConnectAsync(new ClientOptions { Port = first.Port, ApiKey = keys.Find(KeyFileEntry.Provider)! });
                foreach (KeyFileEntry k in keys.Keys.DistinctBy(k => k.Account)) before[k.Account] = await provider.AccountAsync(k.Account);
                trader = keys.Keys.Where(k => k.Role == KeyFileEntry.Trader).MaxBy(k => before[k.Account].Available)!.Account;
                MarketInfo market = await provider.MarketAsync(keys.Markets[0].Id);
                await using GatewayClient client = await GatewayClient.ConnectAsync(new ClientOptions { Port = first.Port, ApiKey = keys.Find(KeyFileEntry.Trader, trader)! });
                CommandResult bid = await client.PlaceAsync(trader, market.Market, Side.Buy, market.MinPrice, 1, clientId: 7);
                Assert.That(bid.Code, Is.EqualTo(ResultCode.Ok));
                orderId = bid.OrderId;
                foreach (int account in before.Keys) before[account] = await provider.AccountAsync(account);

                first.Process.Kill(); // SIGKILL
                await first.Process.WaitForExitAsync();
                Assert.That(first.Output, Does.Not.Contain("stopped"), "no clean stop");
            }
            await ServeRestart.AssertRecoversAsync(journal, keyPath, keyText, before, trader, orderId,
                "the restarted engine is the journal's", "the answered bid rests again");
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }
}
