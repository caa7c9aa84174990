using TokenMatch.Cli.Serve;
using TokenMatch.Client;

namespace TokenMatch.Tests.Cli.Serve;

/// <summary>
/// <c>tokenmatch serve</c> at the most verbose log level, not on a terminal: plain log lines (no
/// live view), and no API key — neither an issued one nor a wrong one tried at login — in them.
/// </summary>
[CancelAfter(120_000)]
public sealed class ServeLoggingTests
{
    [Test]
    public async Task Trace_logging_is_plain_lines_without_any_key()
    {
        string root = ServeProcess.TempRoot("serve-log");
        string journal = Path.Combine(root, "data");
        try
        {
            await using ServeProcess serve = await ServeProcess.StartAsync("--journal", journal, "--log-level", "Trace");
            KeyFile keys = KeyFile.Read(Path.Combine(journal, "demo-keys.txt"));
            string provider = keys.Find(KeyFileEntry.Provider)!;
            await using (GatewayClient client = await GatewayClient.ConnectAsync(new ClientOptions { Port = serve.Port, ApiKey = provider }))
                await client.MarketAsync(keys.Markets[0].Id);
            string wrong = provider[..^1] + (provider[^1] == '0' ? '1' : '0');
            Assert.ThrowsAsync<GatewayException>(async () => await GatewayClient.ConnectAsync(new ClientOptions { Port = serve.Port, ApiKey = wrong }));
            Assert.That(await serve.TerminateAsync(), Is.EqualTo(0));
            string all = serve.Output + await serve.Errors;
            Assert.That(all, Does.Contain("stopped"));
            Assert.That(all, Does.Not.Contain("\u001b["), "no live view (terminal escapes) when stdout is not a terminal");
            foreach (KeyFileEntry k in keys.Keys) Assert.That(all, Does.Not.Contain(k.Key), $"the {k.Role} key of account {k.Account} is not logged");
            Assert.That(all, Does.Not.Contain(wrong), "a wrong key tried at login is not logged");
            Assert.That(all, Does.Not.Contain(provider.Split('_')[2]), "not even the secret part of a key");
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }
}
