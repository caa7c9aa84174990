using System.Buffers;
using MessagePack;
using TokenMatch.Commands;
using TokenMatch.Gateway.Codec;
using TokenMatch.Gateway.MarketData;
using TokenMatch.Gateway.Security;
using TokenMatch.Protocol;

namespace TokenMatch.Gateway.Sessions;

public sealed partial class Session
{
    private const int MaxStringBytes = 256;

    /// <summary>Handles one frame body. Synchronous for commands (the hot path, no allocation); an async request returns its work in <paramref name="pending"/>.</summary>
    private Outcome Handle(in ReadOnlySequence<byte> body, out Task? pending)
    {
        pending = null;
        var r = new BodyReader(in body);
        long correlation = 0;
        try
        {
            if (!r.TryStart()) return BadFrame(0, ResultCode.MalformedFrame, r.Error!);
            correlation = r.Correlation;
            var type = (MessageType)r.Type;
            if (type == MessageType.Command) return HandleCommand(ref r);
            switch (type)
            {
                case MessageType.Hello: return Hello(ref r);
                case MessageType.Ping: return Ping(ref r);
                case MessageType.Bye:
                    pending = CloseAsync(ResultCode.SessionClosed, "goodbye");
                    return Outcome.Done;
                case MessageType.Login: return Login(ref r, out pending);
            }
            if (State != SessionState.LoggedIn)
            {
                return IsRequest(type)
                    ? BadFrame(correlation, ResultCode.NotAuthenticated, $"{type} before login")
                    : BadFrame(correlation, ResultCode.UnknownMessageType, $"unknown message type {r.Type}");
            }
            return type switch
            {
                MessageType.IssueKey => IssueKey(ref r, out pending),
                MessageType.RevokeKey => RevokeKey(ref r, out pending),
                MessageType.OrderStatus => OrderStatus(ref r, out pending),
                MessageType.OpenOrders => OpenOrders(ref r, out pending),
                MessageType.Fills => Fills(ref r),
                MessageType.Account => AccountQuery(ref r, out pending),
                MessageType.Market => MarketQuery(ref r, out pending),
                MessageType.Depth => DepthQuery(ref r, out pending),
                MessageType.StateHash => StateHashQuery(ref r, out pending),
                MessageType.Subscribe => Subscribe(ref r),
                MessageType.Unsubscribe => Unsubscribe(ref r),
                MessageType.SubscribeAlerts => SubscribeAlerts(ref r),
                MessageType.UnsubscribeAlerts => UnsubscribeAlerts(ref r),
                _ => BadFrame(correlation, ResultCode.UnknownMessageType, $"unknown message type {r.Type}"),
            };
        }
        catch (Exception e) when (e is MessagePackSerializationException or EndOfStreamException or InvalidOperationException
            or OverflowException or ArgumentException or System.Text.DecoderFallbackException)
        {
            return BadFrame(correlation, ResultCode.MalformedFrame, "body does not decode as MessagePack: " + e.Message);
        }
    }

    private static bool IsRequest(MessageType type) => (ushort)type is > 0 and < 100 && Enum.IsDefined(type);

    private Outcome BadFrame(long correlation, ResultCode code, string message)
    {
        Errors++;
        SendError(correlation, code, message);
        if (Errors >= _options.MaxErrors) _ = CloseAsync(ResultCode.TooManyErrors, $"{Errors} bad frames");
        return Outcome.Done;
    }

    private Outcome Field(ref BodyReader r) => BadFrame(r.Correlation, ResultCode.InvalidField, r.Error!);

    private Outcome HandleCommand(ref BodyReader r)
    {
        long correlation = r.Correlation;
        if (State != SessionState.LoggedIn) return BadFrame(correlation, ResultCode.NotAuthenticated, "command before login");
        Command command = default;
        if (!CommandCodec.TryRead(ref r, ref command)) return Field(ref r);
        if (r.Remaining > 0) r.SkipRest();
        ResultCode check = Authorization.Command(Role, Account, command.Type, command.Account);
        if (check != ResultCode.Ok)
        {
            Refusals++;
            SendResult(correlation, check, -1, 0, 0, 0);
            return Outcome.Done;
        }
        if (!_rate.TryTake() || (_accountRate is not null && Authorization.IsTrading(command.Type) && !_accountRate.TryTake()))
        {
            Throttled++;
            SendResult(correlation, ResultCode.RateLimited, -1, 0, 0, 0);
            return Outcome.Done;
        }
        if (Volatile.Read(ref _inFlight) >= _options.MaxInFlight)
        {
            Throttled++;
            SendResult(correlation, ResultCode.TooManyInFlight, -1, 0, 0, 0);
            return Outcome.Done;
        }
        if (!_host.TryClaim(out long sequence, out ResultCode refusal))
        {
            if (refusal == ResultCode.RingFull) return Outcome.RingFull;
            SendResult(correlation, refusal, -1, 0, 0, 0);
            return Outcome.Done;
        }
        ref Command slot = ref _host.SlotAt(sequence);
        long timestamp = slot.Timestamp;
        slot = command;
        slot.Sequence = sequence;
        slot.Timestamp = timestamp;
        Interlocked.Increment(ref _inFlight);
        _server.Pending.Set(sequence, this, correlation);
        _host.PublishClaimed(sequence, _server.Pending);
        return Outcome.Done;
    }

    private Outcome Hello(ref BodyReader r)
    {
        if (!r.Int(out int version, "version")) return Field(ref r);
        if (!r.String(out string? client, "client", MaxStringBytes)) return Field(ref r);
        r.SkipRest();
        if (State != SessionState.Connected) return BadFrame(r.Correlation, ResultCode.ProtocolViolation, "hello sent twice");
        if (version != FrameDescriptor.Version)
        {
            SendError(r.Correlation, ResultCode.UnsupportedVersion,
                $"this server speaks protocol version {FrameDescriptor.Version} only; the client announced {version}");
            _ = CloseAsync(ResultCode.UnsupportedVersion, "unsupported protocol version");
            return Outcome.Done;
        }
        State = SessionState.Greeted;
        lock (_out.Gate)
        {
            var w = _out.Builder.Begin(MessageType.Welcome, r.Correlation, 3);
            w.Write(FrameDescriptor.Version);
            w.Write(_options.ServerName);
            w.Write(_options.MaxFrameLength);
            _out.Commit(ref w);
        }
        return Outcome.Done;
    }

    private Outcome Ping(ref BodyReader r)
    {
        if (!r.Long(out long time, "time")) return Field(ref r);
        r.SkipRest();
        lock (_out.Gate)
        {
            var w = _out.Builder.Begin(MessageType.Pong, r.Correlation, 2);
            w.Write(time);
            w.Write(DateTime.UtcNow.Ticks * 100 - DateTime.UnixEpoch.Ticks * 100);
            _out.Commit(ref w);
        }
        return Outcome.Done;
    }

    private Outcome Login(ref BodyReader r, out Task? pending)
    {
        pending = null;
        long correlation = r.Correlation;
        if (!r.String(out string? key, "api key", MaxStringBytes)) return Field(ref r);
        bool cancelOnDisconnect = false;
        if (r.Remaining > 0 && !r.Bool(out cancelOnDisconnect, "cancel on disconnect")) return Field(ref r);
        r.SkipRest();
        if (State != SessionState.Greeted)
            return BadFrame(correlation, ResultCode.ProtocolViolation, State == SessionState.Connected ? "login before hello" : "login sent twice");
        if (!ApiKeys.TryParse(key, out long keyId, out byte[] secret))
            return BadFrame(correlation, ResultCode.LoginFailed, "login failed");
        pending = LoginAsync(correlation, keyId, secret, cancelOnDisconnect);
        return Outcome.Done;
    }

    private async Task LoginAsync(long correlation, long keyId, byte[] secret, bool cancelOnDisconnect)
    {
        Ledger.ApiKeyRecord? record = await _host.QueryAsync(core => core.GetApiKey(keyId)).ConfigureAwait(false);
        bool ok = record is { } k && ApiKeys.Verify(in k, secret);
        System.Security.Cryptography.CryptographicOperations.ZeroMemory(secret);
        if (!ok)
        {
            // One message for unknown, revoked and wrong keys: nothing to learn from it.
            BadFrame(correlation, ResultCode.LoginFailed, "login failed");
            return;
        }
        Ledger.ApiKeyRecord key = record!.Value;
        Account = key.Account;
        Role = key.Role;
        KeyId = key.KeyId;
        _cancelOnDisconnect = cancelOnDisconnect;
        if (Role == Role.Trader) _accountRate = _server.AccountRate(Account);
        State = SessionState.LoggedIn;
        _server.Bind(this);
        lock (_out.Gate)
        {
            var w = _out.Builder.Begin(MessageType.LoggedIn, correlation, 3);
            w.Write(Account);
            w.Write((byte)Role);
            w.Write(KeyId);
            _out.Commit(ref w);
        }
    }

    private Outcome IssueKey(ref BodyReader r, out Task? pending)
    {
        pending = null;
        if (!r.Int(out int account, "account") || !r.Byte(out byte role, "role")) return Field(ref r);
        r.SkipRest();
        if (Authorization.KeyAdmin(Role) != ResultCode.Ok) return Refuse(r.Correlation);
        pending = IssueKeyAsync(r.Correlation, account, (Role)role);
        return Outcome.Done;
    }

    private async Task IssueKeyAsync(long correlation, int account, Role role)
    {
        var (key, command) = ApiKeys.Create(account, role);
        Command result = await _host.SubmitAsync(command).ConfigureAwait(false);
        lock (_out.Gate)
        {
            var w = _out.Builder.Begin(MessageType.KeyIssued, correlation, 3);
            w.Write((ushort)result.Result);
            w.Write(result.Result == ResultCode.Ok ? command.OrderId : 0);
            if (result.Result == ResultCode.Ok) w.Write(key); else w.WriteNil();
            _out.Commit(ref w);
        }
    }

    private Outcome RevokeKey(ref BodyReader r, out Task? pending)
    {
        pending = null;
        if (!r.Long(out long keyId, "key id")) return Field(ref r);
        r.SkipRest();
        if (Authorization.KeyAdmin(Role) != ResultCode.Ok) return Refuse(r.Correlation);
        long correlation = r.Correlation;
        pending = RevokeKeyAsync(correlation, keyId);
        return Outcome.Done;
    }

    private async Task RevokeKeyAsync(long correlation, long keyId)
    {
        Command result = await _host.SubmitAsync(new Command { Type = CommandType.RevokeApiKey, OrderId = keyId }).ConfigureAwait(false);
        SendResult(correlation, result.Result, result.Sequence, result.Timestamp, 0, result.EventCount);
    }

    private Outcome Refuse(long correlation)
    {
        Refusals++;
        SendError(correlation, ResultCode.NotAuthorized, $"the {RoleNames.Name(Role)} role may not do this");
        return Outcome.Done;
    }

    private Outcome OrderStatus(ref BodyReader r, out Task? pending)
    {
        pending = null;
        if (!r.Int(out int account, "account") || !r.Long(out long orderId, "order id")) return Field(ref r);
        int market = 0;
        long clientId = 0;
        if (r.Remaining > 0 && !r.Int(out market, "market")) return Field(ref r);
        if (r.Remaining > 0 && !r.Long(out clientId, "client id")) return Field(ref r);
        r.SkipRest();
        if (Authorization.AccountQuery(Role, Account, account) != ResultCode.Ok) return Refuse(r.Correlation);
        pending = OrderStatusAsync(r.Correlation, account, orderId, market, clientId);
        return Outcome.Done;
    }

    private Outcome OpenOrders(ref BodyReader r, out Task? pending)
    {
        pending = null;
        if (!r.Int(out int account, "account")) return Field(ref r);
        r.SkipRest();
        if (Authorization.AccountQuery(Role, Account, account) != ResultCode.Ok) return Refuse(r.Correlation);
        pending = OpenOrdersAsync(r.Correlation, account);
        return Outcome.Done;
    }

    private Outcome Fills(ref BodyReader r)
    {
        if (!r.Int(out int account, "account") || !r.Long(out long after, "after sequence")) return Field(ref r);
        r.SkipRest();
        if (Authorization.AccountQuery(Role, Account, account) != ResultCode.Ok) return Refuse(r.Correlation);
        AccountLog log = _server.Feed.Log(account);
        List<FillRecord> fills;
        bool complete;
        lock (log.Gate) fills = log.FillsAfter(after, 0, out complete);
        SendFills(r.Correlation, complete, fills);
        return Outcome.Done;
    }

    private Outcome AccountQuery(ref BodyReader r, out Task? pending)
    {
        pending = null;
        if (!r.Int(out int account, "account")) return Field(ref r);
        r.SkipRest();
        if (Authorization.AccountQuery(Role, Account, account) != ResultCode.Ok) return Refuse(r.Correlation);
        pending = AccountAsync(r.Correlation, account);
        return Outcome.Done;
    }

    private Outcome MarketQuery(ref BodyReader r, out Task? pending)
    {
        pending = null;
        if (!r.Int(out int market, "market")) return Field(ref r);
        r.SkipRest();
        pending = MarketAsync(r.Correlation, market);
        return Outcome.Done;
    }

    private Outcome DepthQuery(ref BodyReader r, out Task? pending)
    {
        pending = null;
        if (!r.Int(out int market, "market")) return Field(ref r);
        int levels = 10;
        if (r.Remaining > 0 && !r.Int(out levels, "levels")) return Field(ref r);
        r.SkipRest();
        pending = DepthAsync(r.Correlation, market, Math.Clamp(levels, 1, 1000));
        return Outcome.Done;
    }

    private Outcome StateHashQuery(ref BodyReader r, out Task? pending)
    {
        pending = null;
        r.SkipRest();
        if (Authorization.KeyAdmin(Role) != ResultCode.Ok) return Refuse(r.Correlation);
        pending = StateHashAsync(r.Correlation);
        return Outcome.Done;
    }

    private async Task StateHashAsync(long correlation)
    {
        var (hash, sequence) = await _host.QueryAsync(core => (core.StateHash(), core.LastSequence)).ConfigureAwait(false);
        lock (_out.Gate)
        {
            var w = _out.Builder.Begin(MessageType.StateHashInfo, correlation, 3);
            w.Write((ushort)ResultCode.Ok);
            w.Write(hash);
            w.Write(sequence);
            _out.Commit(ref w);
        }
    }

    private Outcome Subscribe(ref BodyReader r)
    {
        if (!r.Int(out int market, "market")) return Field(ref r);
        int what = Subscriptions.All;
        if (r.Remaining > 0 && !r.Int(out what, "what")) return Field(ref r);
        r.SkipRest();
        if ((uint)market >= Core.ExchangeCore.MaxMarkets || (what & ~Subscriptions.All) != 0)
        {
            SendSubscribed(r.Correlation, ResultCode.InvalidField, market, what);
            return Outcome.Done;
        }
        SendSubscribed(r.Correlation, ResultCode.Ok, market, what);
        MarketBook book = _server.Feed.Book(market);
        lock (book.Gate) book.Subscribe(this, what);
        if ((what & Subscriptions.Ticker) != 0) _server.Tickers.SendNow(this, market);
        return Outcome.Done;
    }

    private Outcome Unsubscribe(ref BodyReader r)
    {
        if (!r.Int(out int market, "market")) return Field(ref r);
        r.SkipRest();
        MarketBook book = _server.Feed.Book(market);
        lock (book.Gate) book.Remove(this);
        SendSubscribed(r.Correlation, ResultCode.Ok, market, 0);
        return Outcome.Done;
    }
}
