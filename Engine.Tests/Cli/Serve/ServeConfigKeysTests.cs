using System.Text.Json.Nodes;
using TokenMatch.Cli.Config;
using TokenMatch.Client;
using TokenMatch.Commands;
using TokenMatch.Gateway.Security;

namespace TokenMatch.Tests.Cli.Serve;

/// <summary>
/// A real deployment's API keys: <c>serve --config</c> issues every <c>apiKeys</c> entry of the
/// configuration (its salted hash only), so the key made by <c>config hash-key</c> logs in as its
/// account and role, and a key whose hash is not configured is refused.
/// </summary>
[CancelAfter(120_000)]
public sealed class ServeConfigKeysTests
{
    [Test]
    public async Task A_configured_key_hash_logs_in_as_its_account_and_an_unconfigured_key_is_refused()
    {
        string root = ServeProcess.TempRoot("serve-config-keys");
        try
        {
            (string traderKey, Command traderIssue) = ApiKeys.Create(101, Role.Trader);
            (string providerKey, Command providerIssue) = ApiKeys.Create(0, Role.Provider);
            (string strangerKey, _) = ApiKeys.Create(100, Role.Trader);
            JsonObject json = JsonNode.Parse(ServeConfig.Default.ToJson())!.AsObject();
            json["apiKeys"] = new JsonArray(
                new JsonObject { ["account"] = 101, ["role"] = "trader", ["hash"] = ApiKeyHash.Format(traderIssue) },
                new JsonObject { ["account"] = 0, ["role"] = "provider", ["hash"] = ApiKeyHash.Format(providerIssue) });
            Directory.CreateDirectory(root);
            string file = Path.Combine(root, "deploy.json");
            File.WriteAllText(file, json.ToJsonString());
            Assert.That(ServeConfig.Load(file).Validate(), Is.Empty, "the configuration is valid");

            await using ServeProcess serve = await ServeProcess.StartAsync("--config", file, "--journal", Path.Combine(root, "data"));
            Assert.That(serve.Output, Does.Not.Contain(traderKey).And.Not.Contain(providerKey), "no key on the console");

            await using (GatewayClient trader = await GatewayClient.ConnectAsync(new ClientOptions { Port = serve.Port, ApiKey = traderKey }))
                Assert.That((trader.Login!.Account, trader.Login.Role), Is.EqualTo((101, Role.Trader)));
            await using (GatewayClient provider = await GatewayClient.ConnectAsync(new ClientOptions { Port = serve.Port, ApiKey = providerKey }))
                Assert.That(provider.Login!.Role, Is.EqualTo(Role.Provider));

            GatewayException? refused = Assert.ThrowsAsync<GatewayException>(async () =>
                await GatewayClient.ConnectAsync(new ClientOptions { Port = serve.Port, ApiKey = strangerKey }), "a key not in the configuration");
            Assert.That(refused!.Code, Is.EqualTo(ResultCode.LoginFailed));
            Assert.That(await serve.TerminateAsync(), Is.Zero);
        }
        finally
        {
            try { Directory.Delete(root, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }
}
