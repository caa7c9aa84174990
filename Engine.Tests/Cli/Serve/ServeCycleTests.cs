using TokenMatch.Cli.Serve;
using TokenMatch.Client;
using TokenMatch.Journal.Recovery;
using TokenMatch.Markets;

namespace TokenMatch.Tests.Cli.Serve;

/// <summary>
/// <c>tokenmatch serve --cycle 3s</c> as a process: when a cycle ends the clock opens the next cycle's
/// markets (new ids, the same model classes, starting where the last ended) with the quota grants
/// again; the old markets' tokens expire, credits carry over. All of it through the ring: the
/// journal replays to the state the server stopped in, and a restarted server keeps rolling.
/// </summary>
[CancelAfter(120_000)]
public sealed class ServeCycleTests
{
    private static async Task<KeyFile> WaitForMarkets(string keyPath, int count)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            KeyFile file = KeyFile.Read(keyPath);
            if (file.Markets.Count >= count || DateTime.UtcNow > deadline) return file;
            await Task.Delay(100);
        }
    }

    [Test]
    public async Task A_cycle_end_opens_the_next_markets_tokens_expire_and_credits_carry_over()
    {
        string root = ServeProcess.TempRoot("serve-cycle");
        string journal = Path.Combine(root, "data");
        string keyPath = Path.Combine(journal, "demo-keys.txt");
        try
        {
            await using (ServeProcess serve = await ServeProcess.StartAsync("--journal", journal, "--cycle", "3s"))
            {
                KeyFile keys = KeyFile.Read(keyPath);
                var first = keys.Markets.ToList();
                await using GatewayClient provider = await GatewayClient.ConnectAsync(new ClientOptions { Port = serve.Port, ApiKey = keys.Find(KeyFileEntry.Provider)! });
                var accounts = keys.Keys.Where(k => k.Role == KeyFileEntry.Trader).Select(k => k.Account).ToList();
                // Read the accounts before the first cycle ends (it lasts 3 s from the start).
                var before = new Dictionary<int, AccountInfo>();
                foreach (int a in accounts) before[a] = await provider.AccountAsync(a);
                var oldInfo = new List<MarketInfo>();
                foreach ((int id, _) in first) oldInfo.Add(await provider.MarketAsync(id));

                KeyFile rolled = await WaitForMarkets(keyPath, first.Count * 2);
                Assert.That(rolled.Markets, Has.Count.GreaterThanOrEqualTo(first.Count * 2), "the next cycle's markets are listed");
                var next = rolled.Markets.Skip(first.Count).Take(first.Count).ToList();
                Assert.That(next.Select(m => m.Symbol), Is.EqualTo(first.Select(m => m.Symbol)), "the same model classes");
                Assert.That(next.Select(m => m.Id), Is.All.Not.AnyOf(first.Select(m => m.Id).Cast<object>().ToArray()), "new market ids");
                for (int i = 0; i < first.Count; i++)
                {
                    MarketInfo old = await provider.MarketAsync(first[i].Id);
                    MarketInfo now = await provider.MarketAsync(next[i].Id);
                    Assert.That(old.State, Is.EqualTo(MarketState.Expired), $"{first[i].Symbol}: the old market expired");
                    Assert.That(now.CycleStart, Is.EqualTo(old.CycleEnd), $"{next[i].Symbol}: the next cycle starts where the last ended");
                    Assert.That(now.CycleEnd - now.CycleStart, Is.EqualTo(3_000_000_000L), "a 3 s cycle");
                    Assert.That((now.LotSize, now.Face, now.Curve), Is.EqualTo((oldInfo[i].LotSize, oldInfo[i].Face, oldInfo[i].Curve)));
                }
                foreach (int a in accounts)
                {
                    AccountInfo after = await provider.AccountAsync(a);
                    Assert.That(after.Available + after.Held, Is.EqualTo(before[a].Available + before[a].Held), $"account {a}: credits carry over");
                    foreach (long[] lots in after.Lots)
                    {
                        int at = first.FindIndex(m => m.Id == lots[0]);
                        if (at >= 0)
                            Assert.That(lots[1..5], Is.All.EqualTo(0L), $"account {a}: tokens of the old market {lots[0]} expired");
                        int nextAt = next.FindIndex(m => m.Id == lots[0]);
                        if (nextAt >= 0)
                        {
                            long[]? granted = before[a].Lots.FirstOrDefault(l => l[0] == first[nextAt].Id);
                            Assert.That(lots[1..5], Is.EqualTo(granted?[1..5]), $"account {a}: the quota is granted again in {lots[0]}");
                        }
                    }
                    Assert.That(after.Lots.Count(l => next.Any(m => m.Id == l[0])), Is.EqualTo(before[a].Lots.Count(l => first.Any(m => m.Id == l[0]))),
                        $"account {a}: grants in as many new markets as before");
                }
                Assert.That(await serve.TerminateAsync(), Is.EqualTo(0));
                Assert.That(JournalRecovery.Recover(journal).Core.StateHash(), Is.EqualTo(serve.PrintedHashes[^1]), "the journal replays to the state the server stopped in");
            }

            int listed = KeyFile.Read(keyPath).Markets.Count;
            await using (ServeProcess again = await ServeProcess.StartAsync("--journal", journal, "--cycle", "3s"))
            {
                KeyFile more = await WaitForMarkets(keyPath, listed + 1);
                Assert.That(more.Markets.Count, Is.GreaterThan(listed), "the restarted server keeps opening cycles");
                Assert.That(more.Markets.Select(m => m.Id).Distinct().Count(), Is.EqualTo(more.Markets.Count), "never an id twice");
                Assert.That(await again.TerminateAsync(), Is.EqualTo(0));
            }
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }
}
