namespace TokenMatch.Protocol;

/// <summary>
/// The first element of every frame body. Requests (client to server) are 1..99; answers and
/// server messages are 100 and up. Values are part of the wire format: never renumber.
/// Fields of each are in docs/protocol.md.
/// </summary>
public enum MessageType : ushort
{
    /// <summary>Not a message.</summary>
    None = 0,
    /// <summary>Client hello: version, client name.</summary>
    Hello = 1,
    /// <summary>Login: API key, cancel-on-disconnect flag.</summary>
    Login = 2,
    /// <summary>Ping: client time.</summary>
    Ping = 3,
    /// <summary>Goodbye: the client is leaving.</summary>
    Bye = 4,
    /// <summary>An engine command (every command type), fields as in the ring slot.</summary>
    Command = 10,
    /// <summary>Provider: issue an API key for an account and role.</summary>
    IssueKey = 20,
    /// <summary>Provider: revoke an API key.</summary>
    RevokeKey = 21,
    /// <summary>Status of one order by order id or client id.</summary>
    OrderStatus = 30,
    /// <summary>An account's open orders.</summary>
    OpenOrders = 31,
    /// <summary>An account's fills after a command sequence.</summary>
    Fills = 32,
    /// <summary>An account's balances.</summary>
    Account = 33,
    /// <summary>A market's settings and state.</summary>
    Market = 34,
    /// <summary>A market's depth from the engine.</summary>
    Depth = 35,
    /// <summary>Provider: the engine's state hash (docs/state-hash.md) and the sequence it reflects.</summary>
    StateHash = 36,
    /// <summary>Subscribe to a market's trades, depth and/or ticker.</summary>
    Subscribe = 40,
    /// <summary>Unsubscribe from a market.</summary>
    Unsubscribe = 41,
    /// <summary>Provider: stream surveillance alerts (optionally the kept ones after an alert id first).</summary>
    SubscribeAlerts = 42,
    /// <summary>Provider: stop the alert stream.</summary>
    UnsubscribeAlerts = 43,

    /// <summary>A request failed: code and message.</summary>
    Error = 100,
    /// <summary>Answer to hello: server version, name, maximum frame length.</summary>
    Welcome = 101,
    /// <summary>Answer to login: account, role, key id.</summary>
    LoggedIn = 102,
    /// <summary>Answer to ping.</summary>
    Pong = 103,
    /// <summary>The server closes the session: code and reason.</summary>
    Goodbye = 104,
    /// <summary>A command's outcome.</summary>
    Result = 110,
    /// <summary>Unsolicited: an event of the session's account (accepted, trade, cancelled, amended, decremented).</summary>
    Execution = 111,
    /// <summary>Answer to issue key: key id and secret (shown once).</summary>
    KeyIssued = 120,
    /// <summary>Answer to order status.</summary>
    Order = 130,
    /// <summary>Answer to open orders.</summary>
    Orders = 131,
    /// <summary>Answer to fills.</summary>
    FillList = 132,
    /// <summary>Answer to account.</summary>
    AccountInfo = 133,
    /// <summary>Answer to market.</summary>
    MarketInfo = 134,
    /// <summary>Answer to depth.</summary>
    DepthInfo = 135,
    /// <summary>Answer to state hash.</summary>
    StateHashInfo = 136,
    /// <summary>Answer to subscribe or unsubscribe.</summary>
    Subscribed = 140,
    /// <summary>Market data: the whole L2 book of a market at a depth sequence.</summary>
    BookSnapshot = 141,
    /// <summary>Market data: one L2 level's new total.</summary>
    BookUpdate = 142,
    /// <summary>Market data: one trade.</summary>
    TradeTick = 143,
    /// <summary>Market data: last, best bid and ask, volume, VWAP, fair value.</summary>
    Ticker = 144,
    /// <summary>Answer to subscribe alerts or unsubscribe alerts: code, the latest alert id.</summary>
    AlertsSubscribed = 145,
    /// <summary>Unsolicited, to alert subscribers: one surveillance alert (docs/surveillance.md).</summary>
    Alert = 146,
}
