namespace TokenMatch.Protocol;

/// <summary>Explicit text names of <see cref="MessageType"/> (see <see cref="NameTable{TEnum}"/>). Renaming a member never changes these.</summary>
public static class MessageTypeNames
{
    /// <summary>The table.</summary>
    public static readonly NameTable<MessageType> Table = new(
        (MessageType.None, "none"),
        (MessageType.Hello, "hello"),
        (MessageType.Login, "login"),
        (MessageType.Ping, "ping"),
        (MessageType.Bye, "bye"),
        (MessageType.Command, "command"),
        (MessageType.IssueKey, "issue-key"),
        (MessageType.RevokeKey, "revoke-key"),
        (MessageType.OrderStatus, "order-status"),
        (MessageType.OpenOrders, "open-orders"),
        (MessageType.Fills, "fills"),
        (MessageType.Account, "account"),
        (MessageType.Market, "market"),
        (MessageType.Depth, "depth"),
        (MessageType.StateHash, "state-hash"),
        (MessageType.Subscribe, "subscribe"),
        (MessageType.Unsubscribe, "unsubscribe"),
        (MessageType.SubscribeAlerts, "subscribe-alerts"),
        (MessageType.UnsubscribeAlerts, "unsubscribe-alerts"),
        (MessageType.Error, "error"),
        (MessageType.Welcome, "welcome"),
        (MessageType.LoggedIn, "logged-in"),
        (MessageType.Pong, "pong"),
        (MessageType.Goodbye, "goodbye"),
        (MessageType.Result, "result"),
        (MessageType.Execution, "execution"),
        (MessageType.KeyIssued, "key-issued"),
        (MessageType.Order, "order"),
        (MessageType.Orders, "orders"),
        (MessageType.FillList, "fill-list"),
        (MessageType.AccountInfo, "account-info"),
        (MessageType.MarketInfo, "market-info"),
        (MessageType.DepthInfo, "depth-info"),
        (MessageType.StateHashInfo, "state-hash-info"),
        (MessageType.Subscribed, "subscribed"),
        (MessageType.BookSnapshot, "book-snapshot"),
        (MessageType.BookUpdate, "book-update"),
        (MessageType.TradeTick, "trade-tick"),
        (MessageType.Ticker, "ticker"),
        (MessageType.AlertsSubscribed, "alerts-subscribed"),
        (MessageType.Alert, "alert"));

    /// <summary>The name written for <paramref name="value"/> (its number when it has none).</summary>
    public static string Name(MessageType value) => Table.Name(value);

    /// <summary>Reads a name.</summary>
    public static bool TryParse(string text, out MessageType value) => Table.TryParse(text, out value);
}
