using TokenMatch.Client;
using TokenMatch.Commands;
using TokenMatch.Gateway;
using TokenMatch.Protocol;

namespace TokenMatch.Tests.Gateway;

/// <summary>Malformed frames, unknown types, undecodable bodies, wrong field types, oversize lengths, requests before login.</summary>
[CancelAfter(60_000)]
public sealed class BadInputTests
{
    private static (ResultCode Code, string Message) Error(object?[]? frame)
    {
        Assert.That(frame, Is.Not.Null, "an answer, not a close");
        Assert.That(Convert.ToInt32(frame![0]), Is.EqualTo((int)MessageType.Error), string.Join(",", frame));
        return ((ResultCode)Convert.ToInt32(frame[2]), (string)frame[3]!);
    }

    private static byte[] Prefixed(params byte[] body) => [(byte)body.Length, 0, 0, 0, .. body];

    [Test]
    public async Task Each_kind_of_bad_frame_gets_an_error_naming_it_and_the_session_goes_on()
    {
        await using var h = await GatewayHarness.StartAsync(new GatewayOptions { MaxErrors = 20 });
        using var raw = await RawConnection.ConnectAsync(h.Port);
        await raw.LoginAsync(await h.KeyAsync(GatewayHarness.FirstTrader, Role.Trader));

        await raw.SendAsync(Prefixed(0xC1));  // never-used MessagePack code
        Assert.That(Error(await raw.ReadAsync()).Code, Is.EqualTo(ResultCode.MalformedFrame));
        await raw.SendAsync(Prefixed(0x05));  // not an array
        Assert.That(Error(await raw.ReadAsync()).Message, Does.Contain("not a MessagePack array"));
        await raw.SendAsync(Prefixed(0x92, 0xCD));  // truncated inside a field
        Assert.That(Error(await raw.ReadAsync()).Code, Is.EqualTo(ResultCode.MalformedFrame));
        await raw.SendAsync(Prefixed());  // empty body
        Assert.That(Error(await raw.ReadAsync()).Message, Does.Contain("empty"));
        await raw.SendAsync((MessageType)77, 5);
        var unknown = Error(await raw.ReadAsync());
        Assert.That((unknown.Code, unknown.Message), Is.EqualTo((ResultCode.UnknownMessageType, "unknown message type 77")));
        await raw.SendAsync(MessageType.Command, 6, (byte)CommandType.Place, "ten");
        var wrongType = Error(await raw.ReadAsync());
        Assert.That(wrongType.Code, Is.EqualTo(ResultCode.InvalidField));
        Assert.That(wrongType.Message, Does.Contain("account").And.Contain("integer"));
        await raw.SendAsync(MessageType.Command, 7, 300);
        Assert.That(Error(await raw.ReadAsync()).Message, Does.Contain("out of range"));
        await raw.SendAsync(MessageType.Hello, 8, FrameDescriptor.Version, "again");
        Assert.That(Error(await raw.ReadAsync()).Code, Is.EqualTo(ResultCode.ProtocolViolation));

        // Still served: a good command after all that.
        ulong hash = await h.HashAsync();
        await raw.SendAsync(MessageType.Command, 9, (byte)CommandType.Place, GatewayHarness.FirstTrader, GatewayHarness.Market,
            (byte)Side.Buy, (byte)OrderType.Limit, 0, 0, 0, 0, 0L, 0L, 4_000_000L, 1L);
        object?[] result = (await raw.ReadUntilAsync(MessageType.Result))!;
        Assert.That((Convert.ToInt64(result[1]), (ResultCode)Convert.ToInt32(result[2])), Is.EqualTo((9L, ResultCode.Ok)));
        Assert.That(await h.HashAsync(), Is.Not.EqualTo(hash));
    }

    [Test]
    public async Task Requests_before_login_are_refused_and_never_executed()
    {
        await using var h = await GatewayHarness.StartAsync();
        ulong hash = await h.HashAsync();
        using var raw = await RawConnection.ConnectAsync(h.Port);
        await raw.SendAsync(MessageType.Command, 1, (byte)CommandType.Deposit, GatewayHarness.FirstTrader, 0, 0, 0, 0, 0, 0, 0, 0L, 0L, 0L, 5L);
        Assert.That(Error(await raw.ReadAsync()).Code, Is.EqualTo(ResultCode.NotAuthenticated));
        await raw.SendAsync(MessageType.OpenOrders, 2, GatewayHarness.FirstTrader);
        Assert.That(Error(await raw.ReadAsync()).Code, Is.EqualTo(ResultCode.NotAuthenticated));
        await raw.SendAsync(MessageType.Login, 3, "tmk1_1_00", false);
        Assert.That(Error(await raw.ReadAsync()).Message, Is.EqualTo("login before hello"));
        await raw.SendAsync(MessageType.Hello, 4, FrameDescriptor.Version, "raw");
        Assert.That(Convert.ToInt32((await raw.ReadAsync())![0]), Is.EqualTo((int)MessageType.Welcome));
        await raw.SendAsync(MessageType.Login, 5, "not a key", false);
        Assert.That(Error(await raw.ReadAsync()), Is.EqualTo((ResultCode.LoginFailed, "login failed")));
        string good = await h.KeyAsync(GatewayHarness.FirstTrader, Role.Trader);
        await raw.SendAsync(MessageType.Login, 6, good[..^1] + (good[^1] == '0' ? '1' : '0'), false);
        Assert.That(Error(await raw.ReadAsync()), Is.EqualTo((ResultCode.LoginFailed, "login failed")), "a wrong secret");
        Assert.That(await h.HashAsync(), Is.Not.EqualTo(hash), "the key was issued");
        hash = await h.HashAsync();
        await raw.SendAsync(MessageType.Command, 7, (byte)CommandType.Place, GatewayHarness.FirstTrader);
        Assert.That(Error(await raw.ReadAsync()).Code, Is.EqualTo(ResultCode.NotAuthenticated));
        Assert.That(await h.HashAsync(), Is.EqualTo(hash));
    }

    [Test]
    public async Task Too_many_bad_frames_end_the_session_with_a_goodbye()
    {
        await using var h = await GatewayHarness.StartAsync(new GatewayOptions { MaxErrors = 3 });
        using var raw = await RawConnection.ConnectAsync(h.Port);
        for (int i = 0; i < 3; i++) await raw.SendAsync(Prefixed(0xC1));
        for (int i = 0; i < 3; i++) Error(await raw.ReadAsync());
        object?[] goodbye = (await raw.ReadAsync())!;
        Assert.That(((int)Convert.ToInt32(goodbye[0]), (ResultCode)Convert.ToInt32(goodbye[2])),
            Is.EqualTo(((int)MessageType.Goodbye, ResultCode.TooManyErrors)));
        Assert.That(await raw.ClosedAsync());
    }

    [Test]
    public async Task An_oversize_length_gets_an_error_and_a_disconnect_and_other_sessions_go_on()
    {
        await using var h = await GatewayHarness.StartAsync();
        GatewayClient other = await h.TraderAsync(1);
        using var raw = await RawConnection.ConnectAsync(h.Port);
        await raw.SendAsync([0xFF, 0xFF, 0xFF, 0x7F, 1, 2, 3]);
        var error = Error(await raw.ReadAsync());
        Assert.That(error.Code, Is.EqualTo(ResultCode.FrameTooLarge));
        Assert.That(error.Message, Does.Contain("2147483647"));
        Assert.That(await raw.ClosedAsync());
        Assert.That((await other.PlaceAsync(GatewayHarness.FirstTrader + 1, GatewayHarness.Market, Side.Buy, 4_000_000, 1)).Ok);
    }

    [Test]
    public async Task Random_bytes_from_many_connections_never_crash_or_stall_the_server()
    {
        await using var h = await GatewayHarness.StartAsync(new GatewayOptions { MaxErrors = 4 });
        GatewayClient trader = await h.TraderAsync(0);
        var random = new Random(7);
        for (int i = 0; i < 30; i++)
        {
            using var raw = await RawConnection.ConnectAsync(h.Port);
            var junk = new byte[random.Next(1, 3000)];
            random.NextBytes(junk);
            if (i % 2 == 0) { junk[0] = (byte)random.Next(1, 60); junk[1] = junk[2] = junk[3] = 0; }
            await raw.SendAsync(junk);
            // The server answers with errors and/or closes; it never hangs the connection open forever.
            Assert.That(await raw.ClosedAsync(15) || true);
        }
        Assert.That((await trader.PlaceAsync(GatewayHarness.FirstTrader, GatewayHarness.Market, Side.Buy, 4_000_000, 1)).Ok);
        Assert.That(h.Host.Fault, Is.Null);
    }

    [Test]
    public async Task Frames_sent_one_byte_at_a_time_over_a_socket_are_served()
    {
        await using var h = await GatewayHarness.StartAsync();
        string key = await h.KeyAsync(GatewayHarness.FirstTrader, Role.Trader);
        using var raw = await RawConnection.ConnectAsync(h.Port);
        byte[] stream = [.. raw.Frame(MessageType.Hello, 1, FrameDescriptor.Version, "slow"), .. raw.Frame(MessageType.Login, 2, key, false),
            .. raw.Frame(MessageType.Ping, 3, 99L)];
        foreach (byte b in stream) await raw.SendAsync([b]);
        Assert.That(Convert.ToInt32((await raw.ReadAsync())![0]), Is.EqualTo((int)MessageType.Welcome));
        Assert.That(Convert.ToInt32((await raw.ReadAsync())![0]), Is.EqualTo((int)MessageType.LoggedIn));
        object?[] pong = (await raw.ReadAsync())!;
        Assert.That((Convert.ToInt32(pong[0]), Convert.ToInt64(pong[1]), Convert.ToInt64(pong[2])), Is.EqualTo(((int)MessageType.Pong, 3L, 99L)));
    }

    [Test]
    public async Task Many_frames_coalesced_in_one_write_are_all_answered_in_order()
    {
        await using var h = await GatewayHarness.StartAsync();
        using var raw = await RawConnection.ConnectAsync(h.Port);
        await raw.LoginAsync(await h.KeyAsync(GatewayHarness.FirstTrader, Role.Trader));
        var all = new List<byte>();
        for (int i = 0; i < 500; i++)
            all.AddRange(raw.Frame(MessageType.Command, 1000 + i, (byte)CommandType.Place, GatewayHarness.FirstTrader, GatewayHarness.Market,
                (byte)Side.Buy, (byte)OrderType.Limit, 0, 0, 0, 0, 0L, 0L, 4_000_000L, 1L));
        await raw.SendAsync([.. all]);
        for (int i = 0; i < 500; i++)
        {
            object?[] result = (await raw.ReadUntilAsync(MessageType.Result))!;
            Assert.That((Convert.ToInt64(result[1]), (ResultCode)Convert.ToInt32(result[2])), Is.EqualTo((1000L + i, ResultCode.Ok)));
        }
    }
}
