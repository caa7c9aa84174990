using TokenMatch.Cli.Serve;
using TokenMatch.Client;
using TokenMatch.Journal.Recovery;

namespace TokenMatch.Tests.Cli.Serve;

/// <summary>The restart half of the serve recovery tests (after a clean stop and after a hard kill).</summary>
internal static class ServeRestart
{
    /// <summary>
    /// A server started again on <paramref name="journal"/> recovers the engine an offline recovery of
    /// the journal gives (its printed hash), leaves the key file as it was, and answers with the same
    /// accounts and the one resting order.
    /// </summary>
    public static async Task AssertRecoversAsync(string journal, string keyPath, string keyText,
        IReadOnlyDictionary<int, AccountInfo> before, int trader, long orderId, string hashMessage, string orderMessage)
    {
        ulong journaled = JournalRecovery.Recover(journal).Core.StateHash();

        await using ServeProcess second = await ServeProcess.StartAsync("--journal", journal);
        Assert.That(second.Output, Does.Contain("recovered"));
        Assert.That(second.PrintedHashes[0], Is.EqualTo(journaled), hashMessage);
        Assert.That(File.ReadAllText(keyPath), Is.EqualTo(keyText), "keys are not rewritten");
        KeyFile again = KeyFile.Read(keyPath);
        await using (GatewayClient provider = await GatewayClient.ConnectAsync(new ClientOptions { Port = second.Port, ApiKey = again.Find(KeyFileEntry.Provider)! }))
        {
            foreach ((int account, AccountInfo info) in before)
            {
                AccountInfo now = await provider.AccountAsync(account);
                Assert.That((now.Available, now.Held, now.Tier, now.OpenOrders), Is.EqualTo((info.Available, info.Held, info.Tier, info.OpenOrders)), $"account {account}");
                Assert.That(now.Lots, Is.EqualTo(info.Lots), $"account {account} lots");
            }
            IReadOnlyList<OrderInfo> open = await provider.OpenOrdersAsync(trader);
            Assert.That(open.Select(o => o.OrderId), Is.EqualTo(new[] { orderId }), orderMessage);
        }
        Assert.That(await second.TerminateAsync(), Is.EqualTo(0));
    }
}
