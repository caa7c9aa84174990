using TokenMatch.Cli.Serve;
using TokenMatch.Client;
using TokenMatch.Commands;
using TokenMatch.Journal.Recovery;
using TokenMatch.Markets;

namespace TokenMatch.Tests.Cli.Serve;

/// <summary>
/// <c>tokenmatch serve</c> with no configuration, as a process: the demo exchange answers a client
/// with the keys from its key file, refuses a wrong key, stops cleanly on SIGTERM with its journal
/// synced, and a restart on the same directory recovers the same state (hash, accounts, orders)
/// without re-creating the demo or rewriting the keys.
/// </summary>
[CancelAfter(120_000)]
public sealed class ServeDemoTests
{
    [Test]
    public async Task The_demo_answers_stops_cleanly_and_a_restart_recovers_the_same_state()
    {
        string root = ServeProcess.TempRoot("serve-demo");
        string journal = Path.Combine(root, "data");
        string keyPath = Path.Combine(journal, "demo-keys.txt");
        try
        {
            string keyText;
            Dictionary<int, AccountInfo> before;
            int trader;
            long orderId;
            await using (ServeProcess first = await ServeProcess.StartAsync("--journal", journal))
            {
                if (!OperatingSystem.IsWindows()) Assert.That(File.GetUnixFileMode(keyPath), Is.EqualTo(UnixFileMode.UserRead | UnixFileMode.UserWrite), "key file mode 0600");
                keyText = File.ReadAllText(keyPath);
                KeyFile keys = KeyFile.Read(keyPath);
                Assert.That(keys.Keys.Select(k => k.Role), Does.Contain(KeyFileEntry.Provider).And.Contain(KeyFileEntry.MarketData).And.Contain(KeyFileEntry.Trader));
                Assert.That(keys.Markets, Has.Count.GreaterThanOrEqualTo(2), "at least two demo markets");
                foreach (KeyFileEntry k in keys.Keys) Assert.That(first.Output, Does.Not.Contain(k.Key), "no key on the console");
                Assert.That(await first.OutputContainingAsync("connect:"), Does.Contain(keyPath).And.Contain("connect:"), "says where the keys are and how to connect");

                await using GatewayClient provider = await GatewayClient.ConnectAsync(new ClientOptions { Port = first.Port, ApiKey = keys.Find(KeyFileEntry.Provider)! });
                var markets = new List<MarketInfo>();
                foreach ((int id, _) in keys.Markets) markets.Add(await provider.MarketAsync(id));
                Assert.That(markets.Select(m => m.State), Is.All.EqualTo(MarketState.Open));
                Assert.That(markets.Select(m => m.Curve), Is.All.EqualTo(CurveKind.Sqrt), "sqrt decay");
                Assert.That(markets.Select(m => (m.LotSize, m.Face)).Distinct().Count(), Is.EqualTo(markets.Count), "each model class its own lot and face");

                await using GatewayClient md = await GatewayClient.ConnectAsync(new ClientOptions { Port = first.Port, ApiKey = keys.Find(KeyFileEntry.MarketData)! });
                Assert.That(md.Login!.Role, Is.EqualTo(Role.MarketData));

                string wrong = keys.Find(KeyFileEntry.Provider)![..^1] + (keys.Find(KeyFileEntry.Provider)![^1] == '0' ? '1' : '0');
                GatewayException? refused = Assert.ThrowsAsync<GatewayException>(async () => await GatewayClient.ConnectAsync(new ClientOptions { Port = first.Port, ApiKey = wrong }), "a wrong key is refused");
                Assert.That(refused!.Code, Is.EqualTo(ResultCode.LoginFailed), "a refused login, with its result code");
                Assert.That(first.Process.HasExited, Is.False, "the server keeps running after a refused login");
                // (the provider session below keeps being answered, and a new login succeeds)
                await using (GatewayClient after = await GatewayClient.ConnectAsync(new ClientOptions { Port = first.Port, ApiKey = keys.Find(KeyFileEntry.MarketData)! }))
                    Assert.That(after.Login!.Role, Is.EqualTo(Role.MarketData), "a login after the refused one succeeds");

                // The trader with the most credits bids at its market's lowest price.
                before = [];
                foreach (KeyFileEntry k in keys.Keys.DistinctBy(k => k.Account)) before[k.Account] = await provider.AccountAsync(k.Account);
                trader = keys.Keys.Where(k => k.Role == KeyFileEntry.Trader).MaxBy(k => before[k.Account].Available)!.Account;
                await using GatewayClient client = await GatewayClient.ConnectAsync(new ClientOptions { Port = first.Port, ApiKey = keys.Find(KeyFileEntry.Trader, trader)! });
                MarketInfo market = markets[0];
                CommandResult bid = await client.PlaceAsync(trader, market.Market, Side.Buy, market.MinPrice, 1, clientId: 1);
                Assert.That(bid.Code, Is.EqualTo(ResultCode.Ok), "a demo trader can bid");
                orderId = bid.OrderId;
                foreach (int account in before.Keys) before[account] = await provider.AccountAsync(account);

                Assert.That(await first.TerminateAsync(), Is.EqualTo(0), "SIGTERM exits 0");
                Assert.That(first.Output, Does.Contain("stopping").And.Contain("stopped; journal synced at sequence"));
            }
            await ServeRestart.AssertRecoversAsync(journal, keyPath, keyText, before, trader, orderId,
                "the restarted engine is the one that stopped", "the bid rests again");
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }
}
