using MessagePack;
using TokenMatch.Commands;
using TokenMatch.Protocol;

namespace TokenMatch.Client;

public sealed partial class GatewayClient
{
    /// <summary>Sends any engine command and awaits its result.</summary>
    public async Task<CommandResult> SendAsync(CommandRequest c) =>
        (CommandResult)await RequestAsync(MessageType.Command, (ref MessagePackWriter w) =>
        {
            w.Write((byte)c.Type); w.Write(c.Account); w.Write(c.Market); w.Write((byte)c.Side); w.Write((byte)c.OrderType);
            w.Write((byte)c.Tif); w.Write((byte)c.Stp); w.Write((byte)c.PriceKind); w.Write(c.Code); w.Write(c.OrderId);
            w.Write(c.ClientId); w.Write(c.Price); w.Write(c.Quantity); w.Write(c.Arg); w.Write(c.A0); w.Write(c.A1);
            w.Write(c.A2); w.Write(c.A3); w.Write(c.A4); w.Write(c.A5); w.Write(c.A6); w.Write(c.A7);
        }, 22).ConfigureAwait(false);

    /// <summary>Places an order for <paramref name="account"/> (a trader's own; a provider's any).</summary>
    public Task<CommandResult> PlaceAsync(int account, int market, Side side, long price, long quantity, long clientId = 0,
        OrderType type = OrderType.Limit, TimeInForce tif = TimeInForce.Default, PriceKind priceKind = PriceKind.Fte, long expireAt = 0) =>
        SendAsync(new CommandRequest(CommandType.Place)
        {
            Account = account, Market = market, Side = side, Price = price, Quantity = quantity, ClientId = clientId,
            OrderType = type, Tif = tif, PriceKind = priceKind, Arg = expireAt,
        });

    /// <summary>Cancels by order id.</summary>
    public Task<CommandResult> CancelAsync(int account, long orderId) =>
        SendAsync(new CommandRequest(CommandType.Cancel) { Account = account, OrderId = orderId });

    /// <summary>Cancels by market and client id.</summary>
    public Task<CommandResult> CancelByClientIdAsync(int account, int market, long clientId) =>
        SendAsync(new CommandRequest(CommandType.Cancel) { Account = account, Market = market, ClientId = clientId });

    /// <summary>Amends remaining quantity and/or price (0 keeps it).</summary>
    public Task<CommandResult> AmendAsync(int account, long orderId, long quantity, long price) =>
        SendAsync(new CommandRequest(CommandType.Amend) { Account = account, OrderId = orderId, Quantity = quantity, Price = price });

    /// <summary>Cancels every order of the account (in one market when <paramref name="market"/> ≥ 0).</summary>
    public Task<CommandResult> MassCancelAsync(int account, int market = -1) =>
        SendAsync(new CommandRequest(CommandType.MassCancel) { Account = account, Market = market });

    /// <summary>Provider: issues an API key (the key text is shown once).</summary>
    public async Task<IssuedKey> IssueKeyAsync(int account, Role role) =>
        (IssuedKey)await RequestAsync(MessageType.IssueKey, (ref MessagePackWriter w) => { w.Write(account); w.Write((byte)role); }, 2).ConfigureAwait(false);

    /// <summary>Provider: revokes an API key; its sessions are closed.</summary>
    public async Task<CommandResult> RevokeKeyAsync(long keyId) =>
        (CommandResult)await RequestAsync(MessageType.RevokeKey, (ref MessagePackWriter w) => w.Write(keyId), 1).ConfigureAwait(false);

    /// <summary>An order's status by order id (or, with order id 0, by market and client id).</summary>
    public async Task<OrderStatus> OrderStatusAsync(int account, long orderId, int market = 0, long clientId = 0) =>
        (OrderStatus)await RequestAsync(MessageType.OrderStatus, (ref MessagePackWriter w) =>
        { w.Write(account); w.Write(orderId); w.Write(market); w.Write(clientId); }, 4).ConfigureAwait(false);

    /// <summary>The account's open orders, oldest first.</summary>
    public async Task<IReadOnlyList<OrderInfo>> OpenOrdersAsync(int account) =>
        (IReadOnlyList<OrderInfo>)await RequestAsync(MessageType.OpenOrders, (ref MessagePackWriter w) => w.Write(account), 1).ConfigureAwait(false);

    /// <summary>The account's fills of commands after <paramref name="afterSequence"/>.</summary>
    public async Task<FillList> FillsAsync(int account, long afterSequence) =>
        (FillList)await RequestAsync(MessageType.Fills, (ref MessagePackWriter w) => { w.Write(account); w.Write(afterSequence); }, 2).ConfigureAwait(false);

    /// <summary>The account's balances.</summary>
    public async Task<AccountInfo> AccountAsync(int account) =>
        (AccountInfo)await RequestAsync(MessageType.Account, (ref MessagePackWriter w) => w.Write(account), 1).ConfigureAwait(false);

    /// <summary>A market's settings, state and decay now.</summary>
    public async Task<MarketInfo> MarketAsync(int market) =>
        (MarketInfo)await RequestAsync(MessageType.Market, (ref MessagePackWriter w) => w.Write(market), 1).ConfigureAwait(false);

    /// <summary>A market's depth from the engine.</summary>
    public async Task<DepthInfo> DepthAsync(int market, int levels = 10) =>
        (DepthInfo)await RequestAsync(MessageType.Depth, (ref MessagePackWriter w) => { w.Write(market); w.Write(levels); }, 2).ConfigureAwait(false);

    /// <summary>Provider: the engine's state hash and the last sequence it reflects.</summary>
    public async Task<(ulong Hash, long Sequence)> StateHashAsync() =>
        ((ulong, long))await RequestAsync(MessageType.StateHash, (ref MessagePackWriter _) => { }, 0).ConfigureAwait(false);

    /// <summary>Round trip: the server's time (ns since the Unix epoch).</summary>
    public async Task<long> PingAsync() =>
        (long)await RequestAsync(MessageType.Ping, (ref MessagePackWriter w) => w.Write(DateTime.UtcNow.Ticks), 1).ConfigureAwait(false);

    /// <summary>Subscribes to a market (<see cref="Subscriptions"/> bits); kept across reconnects. Depth brings a snapshot into <see cref="Book"/>.</summary>
    public async Task SubscribeAsync(int market, int what = Subscriptions.All)
    {
        _subscriptions[market] = what;
        var code = (ResultCode)await RequestAsync(MessageType.Subscribe, (ref MessagePackWriter w) => { w.Write(market); w.Write(what); }, 2)
            .ConfigureAwait(false);
        if (code != ResultCode.Ok) throw new GatewayException(code, $"subscribe to market {market} refused: {ResultCodeNames.Name(code)}");
    }

    /// <summary>Stops a market's subscriptions.</summary>
    public async Task UnsubscribeAsync(int market)
    {
        _subscriptions.TryRemove(market, out _);
        await RequestAsync(MessageType.Unsubscribe, (ref MessagePackWriter w) => w.Write(market), 1).ConfigureAwait(false);
    }

    private bool _alertsSubscribed;
    private long _lastAlertId;

    /// <summary>
    /// Provider: streams surveillance alerts to <see cref="AlertReceived"/> (kept across reconnects, resuming
    /// after the last alert seen). With <paramref name="afterId"/>, the server first sends the alerts it
    /// kept with a greater id. Returns the id of the latest alert the server had raised. A trader or
    /// market-data session gets <see cref="ResultCode.NotAuthorized"/>, a server without surveillance
    /// <see cref="ResultCode.NoSurveillance"/> (as a <see cref="GatewayException"/>).
    /// </summary>
    public async Task<long> SubscribeAlertsAsync(long? afterId = null)
    {
        var (code, lastId) = ((ResultCode, long))await RequestAsync(MessageType.SubscribeAlerts, (ref MessagePackWriter w) =>
        {
            if (afterId is long after) w.Write(after);
        }, afterId is null ? 0 : 1).ConfigureAwait(false);
        if (code != ResultCode.Ok) throw new GatewayException(code, $"alert subscription refused: {ResultCodeNames.Name(code)}");
        _alertsSubscribed = true;
        // Only new alerts were asked for: a reconnect resumes after the latest one at this point at the earliest.
        long seen;
        do seen = Interlocked.Read(ref _lastAlertId);
        while (seen < lastId && Interlocked.CompareExchange(ref _lastAlertId, lastId, seen) != seen);
        return lastId;
    }

    /// <summary>Stops the alert stream.</summary>
    public async Task UnsubscribeAlertsAsync()
    {
        _alertsSubscribed = false;
        await RequestAsync(MessageType.UnsubscribeAlerts, (ref MessagePackWriter _) => { }, 0).ConfigureAwait(false);
    }
}
