using TokenMatch.Client;
using TokenMatch.Commands;
using TokenMatch.Gateway;
using TokenMatch.Gateway.Security;
using TokenMatch.Pipeline;

namespace TokenMatch.Tests.Gateway;

/// <summary>
/// A running engine host with one open market, a provider account and funded traders, and a
/// gateway on a loopback port; issues keys and connects clients. Dispose stops everything.
/// </summary>
internal sealed class GatewayHarness : IAsyncDisposable
{
    public const int Market = 1;
    public const int Provider = 1;
    public const int FirstTrader = 10;
    public const long Tick = 1_000;
    public const long Face = 10_000_000;

    private readonly List<GatewayClient> _clients = [];

    private GatewayHarness(EngineHost host, GatewayServer server)
    {
        Host = host;
        Server = server;
    }

    public EngineHost Host { get; }

    public GatewayServer Server { get; }

    public int Port => Server.Endpoint.Port;

    public static async Task<GatewayHarness> StartAsync(GatewayOptions? options = null, int traders = 2, EngineHostOptions? hostOptions = null)
    {
        long now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() * 1_000_000;
        long day = 86_400_000_000_000;
        var settings = new List<Command>
        {
            Command.CreateAccount(0, Provider, Tier.Trusted),
            Command.CreateMarket(0, Market, "LLM-L/TEST", 1_000, Tick, Face, Tick, 20_000_000, 1, 1_000_000, now - day, now + 30 * day),
            Command.MarketState(0, CommandType.OpenMarket, Market),
        };
        for (int i = 0; i < traders; i++)
        {
            int account = FirstTrader + i;
            settings.Add(Command.CreateAccount(0, account, Tier.Trusted));
            settings.Add(Command.Deposit(0, account, 1_000_000_000_000));
            settings.Add(Command.Grant(0, account, Market, Origin.Allocated, 1_000_000));
        }
        // One at a time, so that a tiny ring that refuses when full still takes them.
        var host = new EngineHost(hostOptions);
        host.Start();
        foreach (Command setting in settings)
            Assert.That((await host.SubmitAsync(setting)).Result, Is.EqualTo(ResultCode.Ok), $"{setting.Type}");
        var server = new GatewayServer(host, options ?? new GatewayOptions());
        server.Start();
        return new GatewayHarness(host, server);
    }

    /// <summary>Issues a key straight through the engine (as the serve bootstrap does).</summary>
    public async Task<string> KeyAsync(int account, Role role)
    {
        var (key, issue) = ApiKeys.Create(account, role);
        Command result = await Host.SubmitAsync(issue);
        Assert.That(result.Result, Is.EqualTo(ResultCode.Ok));
        return key;
    }

    public async Task<GatewayClient> ClientAsync(string key, bool cancelOnDisconnect = false, bool autoReconnect = false,
        Func<int, long, bool>? bookFilter = null)
    {
        GatewayClient client = await GatewayClient.ConnectAsync(new ClientOptions
        {
            Port = Port, ApiKey = key, CancelOnDisconnect = cancelOnDisconnect, AutoReconnect = autoReconnect,
            BookUpdateFilter = bookFilter, RequestTimeout = TimeSpan.FromSeconds(20),
        });
        lock (_clients) _clients.Add(client);
        return client;
    }

    public async Task<GatewayClient> TraderAsync(int index, bool cancelOnDisconnect = false, bool autoReconnect = false) =>
        await ClientAsync(await KeyAsync(FirstTrader + index, Role.Trader), cancelOnDisconnect, autoReconnect);

    public Task<ulong> HashAsync() => Host.StateHashAsync();

    /// <summary>Polls until <paramref name="condition"/> holds, or fails after <paramref name="seconds"/>.</summary>
    public static async Task EventuallyAsync(Func<bool> condition, string what, double seconds = 10)
    {
        DateTime deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline) Assert.Fail($"timed out waiting for {what}");
            await Task.Delay(5);
        }
    }

    public async ValueTask DisposeAsync()
    {
        GatewayClient[] clients;
        lock (_clients) clients = [.. _clients];
        foreach (GatewayClient c in clients) await c.DisposeAsync();
        await Server.DisposeAsync();
        Host.Dispose();
    }
}
