using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using TokenMatch.Client;
using TokenMatch.Commands;
using TokenMatch.Events;
using TokenMatch.Gateway;
using TokenMatch.Protocol;

namespace TokenMatch.Tests.Gateway;

/// <summary>Versioning, TLS, many connections, reconnect and order-state recovery, cancel-on-disconnect.</summary>
[CancelAfter(120_000)]
public sealed class SessionTests
{
    private const int M = GatewayHarness.Market;
    private const int A = GatewayHarness.FirstTrader;
    private const int B = GatewayHarness.FirstTrader + 1;

    [Test]
    public async Task An_unsupported_version_is_refused_with_a_message_saying_so()
    {
        await using var h = await GatewayHarness.StartAsync();
        using var raw = await RawConnection.ConnectAsync(h.Port);
        await raw.SendAsync(MessageType.Hello, 1, 99, "future");
        object?[] error = (await raw.ReadAsync())!;
        Assert.That((ResultCode)Convert.ToInt32(error[2]), Is.EqualTo(ResultCode.UnsupportedVersion));
        Assert.That((string)error[3]!, Does.Contain("version 1").And.Contain("99"));
        Assert.That(await raw.ClosedAsync());
        var ex = Assert.ThrowsAsync<GatewayException>(() => GatewayClient.ConnectAsync(new ClientOptions { Port = h.Port, Version = 2 }));
        Assert.That(ex!.Code, Is.EqualTo(ResultCode.UnsupportedVersion));
    }

    [Test]
    public async Task Tls_with_a_certificate_made_in_code()
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=localhost", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using X509Certificate2 made = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        using X509Certificate2 certificate = X509CertificateLoader.LoadPkcs12(made.Export(X509ContentType.Pfx), null);
        await using var h = await GatewayHarness.StartAsync(new GatewayOptions { Certificate = certificate });
        string key = await h.KeyAsync(A, Role.Trader);
        await using GatewayClient client = await GatewayClient.ConnectAsync(new ClientOptions
        {
            Port = h.Port, ApiKey = key, UseTls = true, Host = "localhost",
            ValidateServerCertificate = (_, cert, _, _) => cert?.GetCertHashString() == certificate.GetCertHashString(),
        });
        Assert.That((await client.PlaceAsync(A, M, Side.Buy, 4_000_000, 1)).Ok);
        // A plain-TCP client gets no service from a TLS server.
        var plain = Assert.CatchAsync(() => GatewayClient.ConnectAsync(new ClientOptions { Port = h.Port, ApiKey = key, RequestTimeout = TimeSpan.FromSeconds(2) }));
        Assert.That(plain, Is.Not.Null);
    }

    [Test]
    public async Task A_hundred_concurrent_connections_each_trade()
    {
        await using var h = await GatewayHarness.StartAsync(traders: 100);
        var keys = new string[100];
        for (int i = 0; i < 100; i++) keys[i] = await h.KeyAsync(A + i, Role.Trader);
        GatewayClient[] clients = await Task.WhenAll(keys.Select(k => h.ClientAsync(k)));
        Assert.That(h.Server.SessionCount, Is.EqualTo(100));
        CommandResult[] results = await Task.WhenAll(clients.Select((c, i) =>
            c.PlaceAsync(A + i, M, i % 2 == 0 ? Side.Buy : Side.Sell, 5_000_000, 1)));
        Assert.That(results.All(r => r.Ok));
        Assert.That(results.Select(r => r.Sequence).Distinct().Count(), Is.EqualTo(100));
        var depth = await clients[0].DepthAsync(M);
        Assert.That(depth.Bids.Count + depth.Asks.Count, Is.Zero, "every buy met a sell");
    }

    [Test]
    public async Task After_a_reconnect_a_client_learns_exactly_what_happened()
    {
        await using var h = await GatewayHarness.StartAsync();
        GatewayClient a = await h.TraderAsync(0, autoReconnect: true);
        GatewayClient b = await h.TraderAsync(1);
        await a.SubscribeAsync(M, Subscriptions.Depth);
        CommandResult ask = await a.PlaceAsync(A, M, Side.Sell, 5_000_000, 10, clientId: 42);
        long lastSeen = ask.Sequence;

        a.Sever();
        await GatewayHarness.EventuallyAsync(() => !a.Connected, "disconnected");
        // While a is away: b takes 3, then 2.
        Assert.That((await b.PlaceAsync(B, M, Side.Buy, 5_000_000, 3)).Ok);
        Assert.That((await b.PlaceAsync(B, M, Side.Buy, 5_000_000, 2)).Ok);

        await a.WaitConnectedAsync(TimeSpan.FromSeconds(20));
        Assert.That(a.Reconnects, Is.EqualTo(1));
        OrderStatus byId = await a.OrderStatusAsync(A, ask.OrderId);
        Assert.That(byId.Open!.Remaining, Is.EqualTo(5));
        Assert.That(byId.Fills.Select(f => f.Quantity), Is.EqualTo(new long[] { 3, 2 }));
        OrderStatus byClientId = await a.OrderStatusAsync(A, 0, M, 42);
        Assert.That(byClientId.Open!.OrderId, Is.EqualTo(ask.OrderId));
        FillList missed = await a.FillsAsync(A, lastSeen);
        Assert.That(missed.Complete);
        Assert.That(missed.Fills.Select(f => (f.OrderId, f.Quantity, f.Maker)), Is.EqualTo(new[] { (ask.OrderId, 3L, true), (ask.OrderId, 2L, true) }));
        // Resubscribed on reconnect: the book came back by a snapshot.
        LocalBook book = a.Book(M);
        await GatewayHarness.EventuallyAsync(() => { lock (book.Gate) return !book.Stale && book.Asks.Count == 1 && book.Asks[0].Quantity == 5; },
            "book resnapshotted after reconnect");

        // An order fully filled while away: no longer open, its fills tell the story.
        Assert.That((await b.PlaceAsync(B, M, Side.Buy, 5_000_000, 5)).Ok);
        OrderStatus done = await a.OrderStatusAsync(A, 0, M, 42);
        Assert.That((done.Code, done.Open), Is.EqualTo((ResultCode.Ok, (OrderInfo?)null)));
        Assert.That(done.Fills.Sum(f => f.Quantity), Is.EqualTo(10));
        Assert.That((await a.OrderStatusAsync(A, 999_999)).Code, Is.EqualTo(ResultCode.UnknownOrder));
    }

    [Test]
    public async Task Cancel_on_disconnect_cancels_the_accounts_orders_when_the_session_drops()
    {
        await using var h = await GatewayHarness.StartAsync();
        GatewayClient a = await h.TraderAsync(0, cancelOnDisconnect: true);
        GatewayClient b = await h.TraderAsync(1);
        Assert.That((await a.PlaceAsync(A, M, Side.Buy, 4_000_000, 2)).Ok);
        Assert.That((await b.PlaceAsync(B, M, Side.Buy, 4_000_000, 2)).Ok);
        a.Sever();
        await GatewayHarness.EventuallyAsync(() => h.Host.GetOpenOrdersAsync(A).Result.Count == 0, "a's orders cancelled");
        Assert.That((await b.OpenOrdersAsync(B)).Count, Is.EqualTo(1), "b did not ask for it");
    }

    [Test]
    public async Task A_session_that_never_logs_in_is_closed_at_the_login_timeout()
    {
        await using var h = await GatewayHarness.StartAsync(new GatewayOptions { LoginTimeout = TimeSpan.FromMilliseconds(300) });
        using var raw = await RawConnection.ConnectAsync(h.Port);
        object?[] goodbye = (await raw.ReadAsync())!;
        Assert.That((ResultCode)Convert.ToInt32(goodbye[2]), Is.EqualTo(ResultCode.NotAuthenticated));
        Assert.That(await raw.ClosedAsync());
    }
}
