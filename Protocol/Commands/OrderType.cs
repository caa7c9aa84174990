namespace TokenMatch.Commands;

/// <summary>Order type.</summary>
public enum OrderType : byte
{
    /// <summary>Limit order.</summary>
    Limit = 1,
    /// <summary>Market order: IOC (default) or FOK, its limit the protection price or the market's bound.</summary>
    Market = 2,
    /// <summary>Limit order rejected if it would take.</summary>
    PostOnly = 3,
}
